import type { DeviceFilter } from '@/contracts/roma';
import type { ListedDevices } from './listed-devices';

/**
 * Clears the marks in `matches` (one per slot, set where a name, a tag or node ids allow) of the slots
 * that do not match `filter` in `workspace`, and answers how many remain. Absent filters become tests
 * every slot passes: one loop of plain comparisons over the columns in slot order tests 100,000 slots
 * in about half a millisecond. It returns a number, not an object: V8 compiles the loop while it runs
 * (on-stack replacement) and threw that code away at an object literal after it, 1.5-2 ms a call.
 */
export function matchSlots(devices: ListedDevices, workspace: number, filter: DeviceFilter, matches: Uint8Array): number {
  const { product_id, parent_device_id, node_type, status, frozen, online_status, created_date_start, created_date_end } = filter;
  const anyProduct = product_id === undefined;
  const anyParent = parent_device_id === undefined;
  const anyType = node_type === undefined;
  const anyStatus = status === undefined;
  const anyFrozen = frozen === undefined;
  const frozenFlag = frozen ? 1 : 0;
  const onlineMask = online_status ? online_status.reduce<number>((mask, v) => mask | (1 << v), 0) : 0b111;
  const from = created_date_start ?? Number.NEGATIVE_INFINITY;
  const to = created_date_end ?? Number.POSITIVE_INFINITY;
  const { workspace: inWorkspace, product, parent, nodeType, status: statusOf, frozen: frozenOf, online, created, size } = devices;
  let total = 0;
  for (let slot = 0; slot < size; slot++) {
    if (
      matches[slot] === 1 &&
      inWorkspace[slot] === workspace &&
      (anyProduct || product[slot] === product_id) &&
      (anyParent || parent[slot] === parent_device_id) &&
      (anyType || nodeType[slot] === node_type) &&
      (anyStatus || statusOf[slot] === status) &&
      (anyFrozen || frozenOf[slot] === frozenFlag) &&
      ((onlineMask >> online[slot]!) & 1) === 1 &&
      created[slot]! >= from &&
      created[slot]! <= to
    ) {
      total++;
    } else {
      matches[slot] = 0;
    }
  }
  return total;
}
