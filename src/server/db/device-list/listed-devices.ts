import type { DeviceRow } from '../schema';

/**
 * The device columns the list filters and sorts on, which the list index keeps. Migration 0009's
 * triggers note a change to any of them; a column added here needs a migration that notes it too.
 */
export const LISTED_COLUMNS = [
  'id',
  'workspace_id',
  'product_id',
  'node_type',
  'online_status',
  'status',
  'frozen',
  'parent_device_id',
  'created_datetime',
  'last_updated_datetime',
  'last_active_time',
  'node_id',
  'device_name',
] as const satisfies ReadonlyArray<keyof DeviceRow>;

/** What the list index keeps of a device. */
export type ListedRow = Pick<DeviceRow, (typeof LISTED_COLUMNS)[number]>;

/** A slot whose device is gone (deleted, or read again and found missing). */
const GONE = -1;

const grown = <T extends Float64Array | Int32Array | Uint8Array>(array: T, capacity: number): T => {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
};

/**
 * The listed columns of every device, one slot a device, column by column in typed arrays: a scan
 * of 100,000 slots tests a filter in about a millisecond. Slots are never reused; a device that is
 * gone keeps its slot, marked so no workspace matches it.
 */
export class ListedDevices {
  size = 0;
  /** Slots whose device is gone. */
  gone = 0;
  id = new Float64Array(0);
  /** The workspace's number (see workspaceNumber), GONE once the device is. */
  workspace = new Int32Array(0);
  product = new Float64Array(0);
  nodeType = new Uint8Array(0);
  online = new Uint8Array(0);
  status = new Uint8Array(0);
  frozen = new Uint8Array(0);
  /** NaN for none. */
  parent = new Float64Array(0);
  created = new Float64Array(0);
  updated = new Float64Array(0);
  /** Infinity for never: NULL sorts as the largest value (device-queries.ts). */
  active = new Float64Array(0);
  nodeId: string[] = [];
  name: string[] = [];
  tags: Array<readonly string[]> = [];

  readonly #slotOf = new Map<number, number>();
  /** How many live devices each workspace (by number) holds. */
  readonly #live = new Map<number, number>();
  readonly #workspaces = new Map<string, number>();
  readonly #tagged = new Map<string, Set<number>>();

  /** The number `workspaceId` is kept as; undefined if no device was ever in it. */
  workspaceNumber(workspaceId: string): number | undefined {
    return this.#workspaces.get(workspaceId);
  }

  /** How many live devices the workspace numbered `workspace` holds. */
  liveIn(workspace: number): number {
    return this.#live.get(workspace) ?? 0;
  }

  /** The slots of the devices tagged `tag` (gone devices have no tags). */
  taggedSlots(tag: string): ReadonlySet<number> | undefined {
    return this.#tagged.get(tag);
  }

  /** Whether the slot's device is there (not gone). */
  isLive(slot: number): boolean {
    return this.workspace[slot] !== GONE;
  }

  slotOf(id: number): number | undefined {
    return this.#slotOf.get(id);
  }

  /** Writes `row` and its `tags` into the device's slot, a new one for a device not seen before. */
  put(row: ListedRow, tags: readonly string[]): number {
    let slot = this.#slotOf.get(row.id);
    if (slot === undefined) {
      slot = this.#newSlot(row.id);
    } else {
      this.#untag(slot);
      if (this.workspace[slot] === GONE) this.gone--;
      else this.#count(this.workspace[slot]!, -1);
    }
    let workspace = this.#workspaces.get(row.workspace_id);
    if (workspace === undefined) this.#workspaces.set(row.workspace_id, (workspace = this.#workspaces.size));
    this.workspace[slot] = workspace;
    this.#count(workspace, 1);
    this.product[slot] = row.product_id;
    this.nodeType[slot] = row.node_type;
    this.online[slot] = row.online_status;
    this.status[slot] = row.status;
    this.frozen[slot] = row.frozen;
    this.parent[slot] = row.parent_device_id ?? Number.NaN;
    this.created[slot] = row.created_datetime;
    this.updated[slot] = row.last_updated_datetime;
    this.active[slot] = row.last_active_time ?? Number.POSITIVE_INFINITY;
    this.nodeId[slot] = row.node_id;
    this.name[slot] = row.device_name;
    this.tags[slot] = tags;
    for (const tag of tags) {
      const slots = this.#tagged.get(tag);
      if (slots) slots.add(slot);
      else this.#tagged.set(tag, new Set([slot]));
    }
    return slot;
  }

  /** Marks the device `id` gone; answers its slot, if it had one. */
  remove(id: number): number | undefined {
    const slot = this.#slotOf.get(id);
    if (slot === undefined || this.workspace[slot] === GONE) return slot;
    this.#untag(slot);
    this.tags[slot] = [];
    this.#count(this.workspace[slot]!, -1);
    this.workspace[slot] = GONE;
    this.gone++;
    return slot;
  }

  #count(workspace: number, change: number): void {
    this.#live.set(workspace, this.liveIn(workspace) + change);
  }

  #untag(slot: number): void {
    for (const tag of this.tags[slot] ?? []) {
      const slots = this.#tagged.get(tag);
      slots?.delete(slot);
      if (slots?.size === 0) this.#tagged.delete(tag);
    }
  }

  #newSlot(id: number): number {
    const slot = this.size++;
    if (slot >= this.id.length) {
      const capacity = Math.max(1024, this.id.length * 2);
      this.id = grown(this.id, capacity);
      this.workspace = grown(this.workspace, capacity);
      this.product = grown(this.product, capacity);
      this.nodeType = grown(this.nodeType, capacity);
      this.online = grown(this.online, capacity);
      this.status = grown(this.status, capacity);
      this.frozen = grown(this.frozen, capacity);
      this.parent = grown(this.parent, capacity);
      this.created = grown(this.created, capacity);
      this.updated = grown(this.updated, capacity);
      this.active = grown(this.active, capacity);
    }
    this.id[slot] = id;
    this.#slotOf.set(id, slot);
    return slot;
  }
}
