import { hashKey, QueryClient } from '@tanstack/react-query';
import type { EventSourceMessage } from 'eventsource-parser';
import type { DeviceSummary } from '@/contracts/console';
import type { DeviceChange } from '@/contracts/console-events';
import type { Device } from '@/contracts/device';
import type { ListDevicesResponse } from '@/contracts/roma';
import { connectionActivityQuery } from '@/web/api/connection-activity';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import { deviceSummaryQuery } from '@/web/api/get-device-summary';
import { markedRows } from '@/web/api/list-marks';
import { patchDevicesOptimistically } from '@/web/api/optimistic-devices';
import { applyStreamEvents } from '@/web/features/live/apply-stream-events';

const LIST_KEY = deviceQueries.list({ offset: '0', limit: '50' }).queryKey;
const device = (id: number) => ({ id, device_name: `d${id}`, online_status: 2, connected: false, frozen: false, client_ip: '10.0.0.1', tags: [] }) as unknown as Device;
const change = (id: number, over: Partial<DeviceChange> = {}): DeviceChange =>
  ({ id, device_name: `d${id}`, status: 0, online_status: 1, frozen: false, connected: true, last_updated_datetime: 1, tags: ['roof'], revision: 2, ...over }) as DeviceChange;
const devicesEvent = (...changes: DeviceChange[]): EventSourceMessage => ({ id: 'e.1', event: 'devices', data: JSON.stringify({ changes }) });
const summary: DeviceSummary = { total: 3, online_status: { '0': 0, '1': 2, '2': 1 }, status: { '0': 3, '1': 0 }, frozen: 0 };

function seeded() {
  const client = new QueryClient();
  client.setQueryData<ListDevicesResponse>(LIST_KEY, { total: 3, size: 3, items: [device(1), device(2), device(3)] });
  client.setQueryData<DeviceDetail>(deviceQueries.detail(2).queryKey, { device: device(2), etag: '"1"' });
  return client;
}
const items = (client: QueryClient) => client.getQueryData<ListDevicesResponse>(LIST_KEY)!.items;

describe('applyStreamEvents', () => {
  it('updates the changed devices in place in every list and detail, in one pass, the latest change winning', () => {
    const client = seeded();
    const before = items(client);
    applyStreamEvents(client, [devicesEvent(change(2, { online_status: 2 })), devicesEvent(change(2)), devicesEvent(change(3, { frozen: true }))]);
    const after = items(client);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ id: 2, online_status: 1, connected: true, tags: ['roof'] });
    expect(after[1]).not.toHaveProperty('revision');
    // The change has no address: the session that had one ended.
    expect(after[1]).not.toHaveProperty('client_ip');
    expect(after[2]).toMatchObject({ id: 3, frozen: true });
    expect(client.getQueryData<DeviceDetail>(deviceQueries.detail(2).queryKey)!.device).toMatchObject({ online_status: 1, connected: true });
  });

  it('moves only the last activity of a device whose change carries nothing else, keeping the rest of its state', () => {
    const client = seeded();
    applyStreamEvents(client, [devicesEvent({ id: 2, last_active_time: 1_700_000_000_000 })]);
    expect(items(client)[1]).toEqual({ ...device(2), last_active_time: 1_700_000_000_000 });
    expect(client.getQueryData<DeviceDetail>(deviceQueries.detail(2).queryKey)!.device).toEqual({ ...device(2), last_active_time: 1_700_000_000_000 });
  });

  it('leaves a device awaiting the answer to an operator’s change alone, and follows it again once answered', () => {
    const client = seeded();
    const handle = patchDevicesOptimistically(client, [2], (d) => ({ ...d, frozen: true }));
    applyStreamEvents(client, [devicesEvent(change(2, { frozen: false }))]);
    expect(items(client)[1]).toMatchObject({ frozen: true, online_status: 2 });
    handle.release();
    applyStreamEvents(client, [devicesEvent(change(2, { frozen: false }))]);
    expect(items(client)[1]).toMatchObject({ frozen: false, online_status: 1 });
  });

  it('marks, and does not move, a row the change takes out of its list’s filter', () => {
    const client = seeded();
    const onlineOnly = deviceQueries.list({ offset: '0', limit: '50', online_status: '2' }).queryKey;
    client.setQueryData<ListDevicesResponse>(onlineOnly, { total: 2, size: 2, items: [device(1), device(2)] });
    applyStreamEvents(client, [devicesEvent(change(2))]);
    expect(client.getQueryData<ListDevicesResponse>(onlineOnly)!.items.map((d) => [d.id, d.online_status])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect([...markedRows(client, hashKey(onlineOnly))]).toEqual([2]);
    expect(markedRows(client, hashKey(LIST_KEY)).size).toBe(0);
  });

  it('takes the mark off a row whose next change brings it back into its list’s filter', () => {
    const client = seeded();
    const offlineOnly = deviceQueries.list({ offset: '0', limit: '50', online_status: '2' }).queryKey;
    client.setQueryData<ListDevicesResponse>(offlineOnly, { total: 2, size: 2, items: [device(1), device(2)] });
    applyStreamEvents(client, [devicesEvent(change(2))]);
    expect([...markedRows(client, hashKey(offlineOnly))]).toEqual([2]);
    applyStreamEvents(client, [devicesEvent(change(2, { online_status: 2, connected: false }))]);
    expect(markedRows(client, hashKey(offlineOnly)).size).toBe(0);
  });

  it('keeps a deleted device’s row until the operator refreshes', () => {
    const client = seeded();
    applyStreamEvents(client, [devicesEvent({ id: 1, deleted: true })]);
    expect(items(client).map((d) => d.id)).toEqual([1, 2, 3]);
  });

  it('puts the stream’s counts of the latest minutes into the activity chart’s hour, and none into an hour not read yet', () => {
    const client = seeded();
    const key = connectionActivityQuery().queryKey;
    const activityEvent = (minutes: object[]): EventSourceMessage => ({ event: 'activity', data: JSON.stringify({ minutes }), id: undefined });
    const counted = [
      { minute: 60_000, connected: 3, disconnected: 2 },
      { minute: 120_000, connected: 1, disconnected: 0 },
    ];
    applyStreamEvents(client, [activityEvent(counted)]);
    expect(client.getQueryData(key)).toBeUndefined();
    client.setQueryData(key, { minutes: [{ minute: 0, connected: 4, disconnected: 4 }, { minute: 60_000, connected: 1, disconnected: 0 }] });
    applyStreamEvents(client, [activityEvent(counted)]);
    expect(client.getQueryData(key)).toEqual({ minutes: [{ minute: 0, connected: 4, disconnected: 4 }, ...counted] });
  });

  it('replaces the unfiltered summary and marks filtered ones to be counted again', () => {
    const client = seeded();
    const filtered = deviceSummaryQuery({ online_status: '1' }).queryKey;
    client.setQueryData(filtered, summary);
    applyStreamEvents(client, [{ event: 'summary', data: JSON.stringify(summary), id: undefined }]);
    expect(client.getQueryData(deviceSummaryQuery({}).queryKey)).toEqual(summary);
    expect(client.getQueryState(filtered)!.isInvalidated).toBe(true);
    expect(client.getQueryState(LIST_KEY)!.isInvalidated).toBe(false);
  });

  it('reads everything again on reset', () => {
    const client = seeded();
    applyStreamEvents(client, [{ event: 'reset', data: JSON.stringify({ reason: 'reader too slow' }), id: 'e.2' }]);
    expect(client.getQueryState(LIST_KEY)!.isInvalidated).toBe(true);
    expect(client.getQueryState(deviceQueries.detail(2).queryKey)!.isInvalidated).toBe(true);
  });
});
