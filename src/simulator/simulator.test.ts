import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { connectCredentials, utcHour } from './iotda-credentials';
import { readProvisioningFile } from './provisioning-file';

describe('the simulator’s device side', () => {
  it('computes IoTDA CONNECT credentials (HMAC checked against openssl dgst -sha256 -hmac)', () => {
    const at = Date.UTC(2026, 11, 4, 11, 59);
    expect(utcHour(at)).toBe('2026120411');
    expect(connectCredentials('10001_pump-7', 'SecretSecretSecretSecretSecret12', { at })).toEqual({
      clientId: '10001_pump-7_0_1_2026120411',
      username: '10001_pump-7',
      password: '6a3af614956a96056eb6f1881673fffa20b5fba99e95bb68e4d555bf38e2ce5d',
    });
    expect(connectCredentials('10001_pump-7', 'x', { at, signType: 0 }).clientId).toBe('10001_pump-7_0_0_2026120411');
  });

  it('backs off exponentially up to its ceiling, jittered, and starts over after a reset', () => {
    const top = new Backoff(1_000, 8_000, () => 1);
    expect([1, 2, 3, 4, 5].map(() => top.next())).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    top.reset();
    expect(top.next()).toBe(1_000);
    expect(new Backoff(1_000, 8_000, () => 0.25).next()).toBe(250);
  });

  it('reads the provisioning file, refusing another file and naming a missing one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'provisioning-'));
    try {
      const file = path.join(dir, 'demo-fleet-credentials.csv');
      await writeFile(file, 'device_id,secret\n10001_a_b,S1\n10002_c,S2\n');
      expect(await readProvisioningFile(file)).toEqual([
        { deviceId: '10001_a_b', secret: 'S1' },
        { deviceId: '10002_c', secret: 'S2' },
      ]);
      await writeFile(file, 'id;secret\n');
      await expect(readProvisioningFile(file)).rejects.toThrow(/not a provisioning file/);
      await expect(readProvisioningFile(path.join(dir, 'missing.csv'))).rejects.toThrow(/no provisioning file at .*first start/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
