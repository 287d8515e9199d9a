import type { Page } from '@playwright/test';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import path from 'node:path';
import { CREDENTIALS_FILE } from '@/server/db/seed/credentials-file';
import { connectCredentials } from '@/simulator/iotda-credentials';
import { readProvisioningFile, type ProvisionedDevice } from '@/simulator/provisioning-file';
import { readBeside } from './fleet-reads';
import type { Service } from './service';

declare global {
  interface Window {
    __benchOnlineAt?: Promise<number>;
  }
}

export interface Probe extends ProvisionedDevice {
  name: string;
}

/** A device the simulator does not drive (after its first `simulated`), enabled, unfrozen and offline: the gateway lets it in. */
export async function pickProbe(service: Service, simulated: number): Promise<Probe> {
  const provisioned = (await readProvisioningFile(path.join(service.dataDir, CREDENTIALS_FILE))).slice(simulated);
  const probe = await readBeside(service, async (db) => {
    for (const device of provisioned) {
      const row = await db
        .selectFrom('devices')
        .select('device_name')
        .where(sql<string>`product_id || '_' || node_id`, '=', device.deviceId)
        .where('status', '=', 0)
        .where('frozen', '=', 0)
        .where('connected', '=', 0)
        .executeTakeFirst();
      if (row) return { ...device, name: row.device_name };
    }
    return undefined;
  });
  if (probe) return probe;
  throw new Error('no enabled, unfrozen, offline device outside the simulated ones');
}

/**
 * In the page: resolves with the wall-clock time of the first frame after the probe's row says
 * Online. (No named functions inside: the bench's transpiler would wrap them in a helper the page lacks.)
 */
function armOnline(name: string): void {
  window.__benchOnlineAt = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (![...document.querySelectorAll('table tbody tr')].some((row) => row.textContent?.includes(name) && row.textContent.includes('Online'))) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(Date.now()));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With `page` showing a list that holds the probe's row, the probe connects `samples` times: each
 * sample runs from just before its CONNECT is sent until the frame that paints its row Online.
 * Both clocks are this machine's wall clock. A random pause between samples keeps them from
 * keeping step with the service's 250 ms change poll.
 */
export async function rowPaintedSamples(page: Page, mqttUrl: string, probe: Probe, samples: number): Promise<number[]> {
  const times: number[] = [];
  const row = page.locator('table tbody tr', { hasText: probe.name });
  for (let i = 0; i < samples; i++) {
    await page.evaluate(armOnline, probe.name);
    const sent = Date.now();
    const client = await mqtt.connectAsync(mqttUrl, { ...connectCredentials(probe.deviceId, probe.secret), protocolVersion: 4, reconnectPeriod: 0 });
    times.push((await page.evaluate(() => window.__benchOnlineAt!)) - sent);
    await client.endAsync();
    await row.filter({ hasNotText: 'Online' }).waitFor();
    await sleep(Math.random() * 500);
  }
  return times;
}
