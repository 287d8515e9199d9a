import type { NewDeviceRow } from '../schema';
import { DESCRIPTIONS, DIRECT_PRODUCTS, FIRMWARE, GATEWAY, NAME_SUFFIXES, SUB_DEVICE_PRODUCTS, TAGS, type DemoProduct } from './catalog';
import { assetId, imeiNodeId, macNodeId, MAX_SEED_DEVICES } from './identifiers';
import { createRandom, type Random } from './prng';

/** A device of the demo fleet: its row (without workspace and secret, added when stored) and its tags. */
export interface DemoDevice {
  row: Omit<NewDeviceRow, 'workspace_id' | 'secret_sealed'> & { id: number };
  tags: string[];
}

export interface FleetOptions {
  count: number;
  /** Ids are assigned here so sub-devices can name their gateway before anything is stored. */
  firstId: number;
  now: number;
  seed?: number;
}

const DAY = 24 * 3600 * 1000;
const FULL_PERMISSIONS = 'read,access,delete,modify';
const READ_ONLY_PERMISSIONS = 'read,access';

// Shares of the fleet: about 5 % of draws start a gateway group of 2-8 sub-devices,
// so roughly 4 % are gateways and 20 % sub-devices.
const GATEWAY_GROUP_CHANCE = 0.05;
const ONLINE_DIRECT = 0.38;
const ONLINE_GATEWAY = 0.7;
const ONLINE_BEHIND_ONLINE_GATEWAY = 0.85;
const NEVER_ACTIVATED = 0.15;

/** Where a device connects through, if it is a sub-device. */
interface Parent {
  id: number;
  nodeId: string;
  connected: boolean;
  activated: boolean;
}

/** The demo fleet, one device at a time (100,000 rows need not sit in memory at once). Same options, same fleet. */
export function* demoFleet({ count, firstId, now, seed = 20_261_122 }: FleetOptions): Generator<DemoDevice> {
  if (count > MAX_SEED_DEVICES) throw new Error(`The demo fleet holds at most ${MAX_SEED_DEVICES} devices.`);
  const rnd = createRandom(seed);
  let index = 0;
  while (index < count) {
    if (index + 1 < count && rnd.chance(GATEWAY_GROUP_CHANCE)) {
      const gateway = demoDevice(rnd, index, firstId, now, GATEWAY);
      yield gateway;
      index++;
      const parent: Parent = {
        id: gateway.row.id,
        nodeId: gateway.row.node_id,
        connected: gateway.row.connected === 1,
        activated: gateway.row.online_status !== 0,
      };
      const subDevices = Math.min(rnd.int(2, 8), count - index);
      for (let unit = 1; unit <= subDevices; unit++, index++) {
        yield demoDevice(rnd, index, firstId, now, rnd.pick(SUB_DEVICE_PRODUCTS), { parent, unit });
      }
    } else {
      yield demoDevice(rnd, index, firstId, now, rnd.pick(DIRECT_PRODUCTS));
      index++;
    }
  }
}

function demoDevice(
  rnd: Random,
  index: number,
  firstId: number,
  now: number,
  product: DemoProduct,
  behind?: { parent: Parent; unit: number },
): DemoDevice {
  const nodeType = behind ? 2 : product.row.product_type === 1 ? 1 : 0;
  const nodeId = behind
    ? `${behind.parent.nodeId.replaceAll('-', '')}_unit${behind.unit}`
    : product.nodeId === 'mac'
      ? macNodeId(product.vendorCode, index)
      : imeiNodeId(product.vendorCode, index);

  // A sub-device is online only while its gateway is, and never activated before it.
  let online: boolean;
  let activated: boolean;
  if (behind) {
    online = behind.parent.connected && rnd.chance(ONLINE_BEHIND_ONLINE_GATEWAY);
    activated = behind.parent.activated && (online || !rnd.chance(NEVER_ACTIVATED));
  } else {
    online = rnd.chance(nodeType === 1 ? ONLINE_GATEWAY : ONLINE_DIRECT);
    activated = online || !rnd.chance(NEVER_ACTIVATED / (1 - ONLINE_DIRECT));
  }
  const disabled = rnd.chance(0.03);
  // 003: only devices that connect directly can be frozen.
  const frozen = !behind && rnd.chance(0.02);
  // Disabled and frozen devices cannot hold a connection.
  const connected = online && !disabled && !frozen;

  const created = now - Math.floor(rnd.next() * 365 * DAY);
  const lastLogin = activated ? created + Math.floor(rnd.next() * (now - created)) : null;
  const lastActive = connected ? now - rnd.int(0, 300_000) : lastLogin === null ? null : lastLogin + Math.floor(rnd.next() * (now - lastLogin) * 0.5);
  const suffix = rnd.chance(0.05) ? rnd.pick(NAME_SUFFIXES) : '';

  return {
    row: {
      id: firstId + index,
      product_id: product.row.id,
      asset_id: assetId(index),
      device_key: nodeId,
      node_id: nodeId,
      device_name: `${rnd.pick(product.names)}-${String(index + 1).padStart(4, '0')}${suffix}`,
      client_id: `${nodeId}_0_0`,
      app_name: 'Demo app',
      app_id: 'demo-app',
      status: disabled ? 1 : 0,
      online_status: connected ? 1 : activated ? 2 : 0,
      connected: connected ? 1 : 0,
      mirrored: rnd.chance(0.02) ? 1 : 0,
      frozen: frozen ? 1 : 0,
      node_type: nodeType,
      parent_device_id: behind ? behind.parent.id : null,
      description: rnd.pick(DESCRIPTIONS),
      permissions: rnd.chance(0.03) ? READ_ONLY_PERMISSIONS : FULL_PERMISSIONS,
      auth_user_name: nodeId,
      created_user: 'admin',
      last_updated_user: 'admin',
      created_datetime: created,
      last_updated_datetime: created + Math.floor(rnd.next() * (now - created)),
      last_login_datetime: lastLogin,
      last_active_time: lastActive,
      connect_address: '10.20.0.10',
      ssl_connect_address: '10.20.0.10',
      client_ip: activated && !behind ? `10.${rnd.int(1, 254)}.${rnd.int(0, 255)}.${rnd.int(1, 254)}` : null,
      keep_alive: behind ? null : rnd.pick(['60', '120', '300']),
      version: rnd.pick(FIRMWARE),
      revision: 1,
    },
    tags: pickTags(rnd),
  };
}

function pickTags(rnd: Random): string[] {
  const tags = new Set<string>();
  for (let n = rnd.int(0, 3); n > 0; n--) tags.add(rnd.pick(TAGS));
  return [...tags];
}
