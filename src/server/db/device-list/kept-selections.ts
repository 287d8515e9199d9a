import type { DeviceSummary } from '@/contracts/console';
import type { DeviceFilter } from '@/contracts/roma';
import type { ListedDevices } from './listed-devices';
import { foldAscii } from './name-matches';

/** A filter's devices in one workspace: a mark per slot, how many, and the summary of them. */
export interface KeptSelection {
  marks: Uint8Array;
  summary: DeviceSummary;
}

/** Selections kept at once: the filters of the consoles open now, each ~1 MB at 1,000,000 devices. */
const KEPT = 32;

/** Whether the device in `slot` matches `filter` in `workspace`: matchSlots's test, and the name, tag and node id, for one slot. */
function slotMatches(devices: ListedDevices, workspace: number, filter: DeviceFilter, slot: number): boolean {
  const { product_id, parent_device_id, node_type, status, frozen, online_status, created_date_start, created_date_end, device_name, tag, node_id } = filter;
  const created = devices.created[slot]!;
  return (
    devices.workspace[slot] === workspace &&
    (product_id === undefined || devices.product[slot] === product_id) &&
    (parent_device_id === undefined || devices.parent[slot] === parent_device_id) &&
    (node_type === undefined || devices.nodeType[slot] === node_type) &&
    (status === undefined || devices.status[slot] === status) &&
    (frozen === undefined || devices.frozen[slot] === (frozen ? 1 : 0)) &&
    (online_status === undefined || online_status.includes(devices.online[slot] as 0 | 1 | 2)) &&
    (created_date_start === undefined || created >= created_date_start) &&
    (created_date_end === undefined || created <= created_date_end) &&
    (!device_name || foldAscii(devices.name[slot]!).includes(foldAscii(device_name))) &&
    (tag === undefined || devices.tags[slot]!.includes(tag)) &&
    (node_id === undefined || node_id.includes(devices.nodeId[slot]!))
  );
}

/** Adds (`sign` 1) or takes away (-1) one device's state from a summary. */
function count(summary: DeviceSummary, state: { online: number; status: number; frozen: number }, sign: 1 | -1): void {
  summary.total += sign;
  summary.online_status[String(state.online) as '0' | '1' | '2'] += sign;
  summary.status[String(state.status) as '0' | '1'] += sign;
  summary.frozen += sign * state.frozen;
}

/** A slot's state as the summary counts it, read now; read before a change, for `update`. */
export const summaryStateOf = (devices: ListedDevices, slot: number) => ({ online: devices.online[slot]!, status: devices.status[slot]!, frozen: devices.frozen[slot]! });
export type SummaryState = ReturnType<typeof summaryStateOf>;

/**
 * The selections of the filters asked for lately, kept in step with every change rather than found
 * again by a scan of every slot on every call (~8 ms at 1,000,000 devices, twice for a summary).
 * A change re-tests only the slots it wrote. The least recently asked is dropped past KEPT.
 */
export class KeptSelections {
  readonly #kept = new Map<string, KeptSelection & { workspace: number; filter: DeviceFilter }>();

  /** The selection of `filter` in `workspace`, made by `make` when not kept; only `filter`'s `keys` tell selections apart. */
  get(workspace: number, filter: DeviceFilter, keys: ReadonlyArray<keyof DeviceFilter>, make: () => KeptSelection): KeptSelection {
    const key = `${workspace} ${JSON.stringify(keys.map((k) => filter[k] ?? null))}`;
    let kept = this.#kept.get(key);
    if (kept) {
      this.#kept.delete(key);
    } else {
      kept = { ...make(), workspace, filter };
      if (this.#kept.size >= KEPT) this.#kept.delete(this.#kept.keys().next().value!);
    }
    this.#kept.set(key, kept);
    return kept;
  }

  /** Re-tests the slots written, given each one's state before (undefined: a slot new to the index). */
  update(devices: ListedDevices, written: ReadonlyMap<number, SummaryState | undefined>): void {
    for (const kept of this.#kept.values()) {
      if (kept.marks.length < devices.size) {
        const grown = new Uint8Array(devices.id.length);
        grown.set(kept.marks);
        kept.marks = grown;
      }
      for (const [slot, before] of written) {
        if (kept.marks[slot] === 1 && before) count(kept.summary, before, -1);
        const now = slotMatches(devices, kept.workspace, kept.filter, slot);
        kept.marks[slot] = now ? 1 : 0;
        if (now) count(kept.summary, summaryStateOf(devices, slot), 1);
      }
    }
  }
}

/** The summary of the `selected` slots, counted by a scan. */
export function summarize(devices: ListedDevices, selected: Uint8Array): DeviceSummary {
  const online = [0, 0, 0];
  const status = [0, 0];
  let frozen = 0;
  let total = 0;
  for (let slot = 0; slot < devices.size; slot++) {
    if (selected[slot] !== 1) continue;
    total++;
    online[devices.online[slot]!]!++;
    status[devices.status[slot]!]!++;
    frozen += devices.frozen[slot]!;
  }
  return { total, online_status: { '0': online[0]!, '1': online[1]!, '2': online[2]! }, status: { '0': status[0]!, '1': status[1]! }, frozen };
}
