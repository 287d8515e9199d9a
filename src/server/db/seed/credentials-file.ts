import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { CredentialSink } from './seed-fleet';

export const CREDENTIALS_FILE = 'demo-fleet-credentials.csv';

/**
 * The demo fleet's provisioning file: `device_id,secret` per line, 0600, for the simulator, as a
 * manufacturer's file would carry them to real devices. The database keeps the secrets only sealed.
 * Written beside its final name and renamed only once the seed has committed.
 */
export function credentialsFile(file: string): { sink: CredentialSink; commit: () => Promise<void>; discard: () => Promise<void> } {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  out.write('device_id,secret\n');
  const finish = async () => {
    out.end();
    await once(out, 'close');
  };
  return {
    sink: (deviceId, secret) => out.write(`${deviceId},${secret}\n`),
    commit: async () => {
      await finish();
      await rename(partial, file);
    },
    discard: async () => {
      await finish();
      await rm(partial, { force: true });
    },
  };
}
