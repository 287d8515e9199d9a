import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Device } from '../../src/contracts/device';
import { authToken } from './api-token';
import { submitSignIn } from './sign-in';

const DEVICES = '/v2/default/link/instances/default/devices';

/**
 * Devices of the seeded fleet as they are now, found through the list call: specs pick their
 * devices by state at run time rather than by id, so other specs' changes cannot mislead them.
 */
export async function findDevices(request: APIRequestContext, query: Record<string, string>, where: (d: Device) => boolean = () => true): Promise<Device[]> {
  const res = await request.get(DEVICES, { params: { limit: '999', sort: 'id', ...query }, headers: { 'x-auth-token': await authToken(request) } });
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: Device[] };
  return items.filter(where);
}

/** The one device at `index` among those matching, failing clearly when the seed has too few. */
export async function pickDevice(request: APIRequestContext, query: Record<string, string>, where: (d: Device) => boolean, index = 0): Promise<Device> {
  const found = await findDevices(request, query, where);
  const device = found[index];
  if (!device) throw new Error(`the seed has no device #${index} matching ${JSON.stringify(query)}`);
  return device;
}

export async function readDevice(request: APIRequestContext, id: number): Promise<Device> {
  const res = await request.get(`${DEVICES}/${id}`, { headers: { 'x-auth-token': await authToken(request) } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as Device;
}

export const canModify = (d: Device): boolean => d.permissions.includes('modify');

/** Products of the seed no other spec changes: pump controllers are all sub-devices. */
export const PUMP_CONTROLLER = '10003';
export const LINE_PLC = '10004';

/** Opens a device's page signed in, as an operator following a link would. */
export async function openDevicePage(page: Page, device: Pick<Device, 'id' | 'device_name'>): Promise<void> {
  await page.goto(`/devices/${device.id}`);
  await submitSignIn(page);
  await expect(page.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
}

/** Puts a device's frozen flag back after a spec changed it, so later specs find the seed's state. */
export async function setFrozen(request: APIRequestContext, device: Pick<Device, 'iotda_device_id'>, frozen: boolean): Promise<void> {
  const res = await request.post(`/v5/iot/default/devices/${encodeURIComponent(device.iotda_device_id)}/${frozen ? 'freeze' : 'unfreeze'}`, {
    headers: { 'x-auth-token': await authToken(request) },
  });
  expect(res.status()).toBe(204);
}
