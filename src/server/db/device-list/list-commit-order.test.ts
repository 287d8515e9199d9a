import { afterAll, beforeAll, expect, it } from 'vitest';
import { listDevicesQuerySchema } from '@/contracts/roma';
import { addDevice, addProduct } from '../../test-support/fixtures';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { DEFAULT_WORKSPACE } from '../bootstrap';
import { listDevices } from '../device-queries';

let t: TestApp;
let first: number;
let second: number;
beforeAll(async () => {
  t = await createTestApp();
  const product = await addProduct(t.db);
  first = (await addDevice(t.db, product, { device_name: 'first-before' })).id;
  second = (await addDevice(t.db, product, { device_name: 'second-before' })).id;
});
afterAll(() => t.close());

/** The names the list finds for a search: which devices match is the index's to say. */
const found = async (device_name: string) => {
  const { items } = await listDevices(t.db, t.dialect, DEFAULT_WORKSPACE, listDevicesQuerySchema.parse({ device_name, limit: '999' }), t.listIndex);
  return items.map((d) => d.device_name);
};
const rename = (db: TestApp['db'], id: number, device_name: string) => db.updateTable('devices').set({ device_name }).where('id', '=', id).execute();

/**
 * Renames `first` in a transaction left open until `commit`. On PostgreSQL it has written (and so
 * holds the older transaction id) before anything else runs; SQLite has one writer at a time, so
 * there the rename is made at `commit`.
 */
async function renameFirstLater(device_name: string): Promise<{ commit: () => Promise<void> }> {
  if (t.dialect === 'sqlite') return { commit: () => rename(t.db, first, device_name).then(() => undefined) };
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let written = () => {};
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = t.db.transaction().execute(async (trx) => {
    await rename(trx, first, device_name);
    written();
    await held;
  });
  await wrote;
  return {
    commit: async () => {
      release();
      await done;
    },
  };
}

it('lists a change whose transaction began first and committed after one the list has already shown', async () => {
  expect(await found('after')).toEqual([]);
  const slow = await renameFirstLater('first-after');
  await rename(t.db, second, 'second-after');
  expect(await found('after')).toEqual(['second-after']);
  await slow.commit();
  expect(await found('after')).toEqual(['first-after', 'second-after']);
});
