import { QueryClient } from '@tanstack/react-query';
import type { ConnectionHistory } from '@/contracts/console';
import type { Device } from '@/contracts/device';
import type { ListDevicesResponse } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import { patchDevicesOptimistically, settleDeviceMutation, type DevicePatch } from '@/web/api/optimistic-devices';

const device = (id: number, online_status: 0 | 1 | 2 = 1) => ({ id, device_name: `d${id}`, online_status }) as Device;
const offline: DevicePatch = (d) => ({ ...d, online_status: 2 });

function seeded() {
  const client = new QueryClient();
  const list: ListDevicesResponse = { total: 3, size: 3, items: [device(1), device(2), device(3)] };
  client.setQueryData(deviceQueries.list({ offset: '0', limit: '50' }).queryKey, list);
  client.setQueryData(deviceQueries.detail(2).queryKey, { device: device(2), etag: '"1"' });
  return client;
}
const statuses = (client: QueryClient) =>
  client.getQueryData<ListDevicesResponse>(deviceQueries.list({ offset: '0', limit: '50' }).queryKey)!.items.map((d) => d.online_status);

describe('patchDevicesOptimistically', () => {
  it('patches every cached list and detail of the given devices', async () => {
    const client = seeded();
    patchDevicesOptimistically(client, [1, 2], offline);
    expect(statuses(client)).toEqual([2, 2, 1]);
    expect(client.getQueryData<DeviceDetail>(deviceQueries.detail(2).queryKey)!.device.online_status).toBe(2);
  });

  it('keeps the patch when it cancels a refetch that was in flight, which then never lands', async () => {
    const client = seeded();
    const key = deviceQueries.list({ offset: '0', limit: '50' }).queryKey;
    let answer: (data: ListDevicesResponse) => void = () => {};
    const stale: ListDevicesResponse = { total: 3, size: 3, items: [device(1), device(2), device(3)] };
    void client.fetchQuery({ queryKey: key, queryFn: () => new Promise<ListDevicesResponse>((resolve) => (answer = resolve)), staleTime: 0 });
    patchDevicesOptimistically(client, [1], offline);
    expect(statuses(client)).toEqual([2, 1, 1]);
    answer(stale);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses(client)).toEqual([2, 1, 1]);
  });

  it('leaves the device’s history, nested under its detail key, alone: no patch, no cancelled fetch', async () => {
    const client = seeded();
    const key = deviceQueries.connections(2, { offset: 0, limit: 20 }).queryKey;
    let answer: (data: ConnectionHistory) => void = () => {};
    void client.fetchQuery({ queryKey: key, queryFn: () => new Promise<ConnectionHistory>((resolve) => (answer = resolve)) });
    patchDevicesOptimistically(client, [2], offline);
    answer({ total: 0, items: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(key)).toEqual({ total: 0, items: [] });
  });

  it('rolls back only the devices asked for, keeping a concurrent patch', async () => {
    const client = seeded();
    const first = patchDevicesOptimistically(client, [1, 2], offline);
    patchDevicesOptimistically(client, [3], offline);
    first.rollback([2]);
    expect(statuses(client)).toEqual([2, 1, 2]);
    first.rollback();
    expect(statuses(client)).toEqual([1, 1, 2]);
  });

  it('rolls a detail back to its whole device, though the list row patched with it holds only some fields', () => {
    const client = seeded();
    const detailKey = deviceQueries.detail(2).queryKey;
    client.setQueryData(detailKey, { device: { ...device(2), description: 'before' }, etag: '"1"' });
    const edit = patchDevicesOptimistically(client, [2], (d) => ({ ...d, description: 'after', online_status: 2 }));
    expect(client.getQueryData<DeviceDetail>(detailKey)!.device.description).toBe('after');
    edit.rollback();
    expect(client.getQueryData<DeviceDetail>(detailKey)!.device).toMatchObject({ description: 'before', online_status: 1 });
    expect(statuses(client)).toEqual([1, 1, 1]);
  });

  it('refetches only when the last mutation of its kind settles', async () => {
    const client = seeded();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    vi.spyOn(client, 'isMutating').mockReturnValue(2);
    expect(settleDeviceMutation(client, ['devices', 'x'])).toBeUndefined();
    vi.spyOn(client, 'isMutating').mockReturnValue(1);
    await settleDeviceMutation(client, ['devices', 'x']);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['devices'] });
  });
});
