import type { ProductRow } from '../schema';

/** A demo product and the words its devices are named with. */
export interface DemoProduct {
  row: Omit<ProductRow, 'workspace_id'>;
  /** Node id style: MAC-like for IP devices, IMEI-like for cellular meters. */
  nodeId: 'mac' | 'imei';
  /** The first three bytes of MAC-like node ids, or the eight-digit type code of IMEI-like ones. */
  vendorCode: string;
  names: readonly string[];
}

const product = (
  id: number,
  productKey: string,
  productName: string,
  manufacturer: string,
  model: string,
  protocolType: number,
  productType: number,
): DemoProduct['row'] => ({
  id,
  product_key: productKey,
  product_name: productName,
  manufacturer_id: manufacturer,
  model,
  protocol_type: protocolType,
  product_type: productType,
  extend_protocol_name: null,
});

// 001 Table 5: protocol_type 0 MQTT, 1 CoAP, 2 Modbus, 4 OPC UA; product_type 1 is a gateway.
export const SENSOR: DemoProduct = {
  row: product(10001, 'Tq3xKp8e', 'Temperature sensor', 'Thermacore', 'TS-200', 0, 0),
  nodeId: 'mac',
  vendorCode: '00-1B-44',
  names: ['boiler-room-temp', 'cold-store-temp', 'server-room-temp', 'greenhouse-temp', 'lobby-air'],
};
export const METER: DemoProduct = {
  row: product(10002, 'Mh7wZr2c', 'Smart meter', 'Meterix', 'SM-3P', 1, 0),
  nodeId: 'imei',
  vendorCode: '35693803',
  names: ['main-meter', 'hvac-meter', 'chiller-meter', 'floor3-meter', 'ev-charger-meter'],
};
export const PUMP: DemoProduct = {
  row: product(10003, 'Pv5nLd9s', 'Pump controller', 'Hydrolink', 'PC-40', 2, 0),
  nodeId: 'mac',
  vendorCode: '00-60-35',
  names: ['dock-b-pump', 'cooling-pump', 'sump-pump', 'flow-valve', 'dosing-pump'],
};
export const PLC: DemoProduct = {
  row: product(10004, 'Oc4uAt6m', 'Line PLC', 'Automata', 'OPC-7', 4, 0),
  nodeId: 'mac',
  vendorCode: '00-0E-8C',
  names: ['line1-plc', 'press-plc', 'packaging-plc', 'palletizer-plc', 'kiln-plc'],
};
export const GATEWAY: DemoProduct = {
  row: product(10005, 'Gw8rEd3b', 'Edge gateway', 'Fieldbridge', 'GW-500', 0, 1),
  nodeId: 'mac',
  vendorCode: '70-B3-D5',
  names: ['plant-gw', 'edge-gw', 'substation-gw', 'warehouse-gw'],
};

export const DEMO_PRODUCTS = [SENSOR, METER, PUMP, PLC, GATEWAY] as const;
/** Devices that connect on their own; sub-devices sit behind a gateway. */
export const DIRECT_PRODUCTS = [SENSOR, SENSOR, METER, METER, PLC] as const;
export const SUB_DEVICE_PRODUCTS = [PUMP, PUMP, PLC] as const;

/** Kept to a small vocabulary so the tag filter has useful answers. */
export const TAGS = ['building-a', 'building-b', 'floor-1', 'floor-2', 'hvac', 'energy', 'water', 'production', 'critical', 'pilot'] as const;

// Some names use the punctuation 001 allows, so search and edit meet it.
export const NAME_SUFFIXES = ['(spare)', '_v2', '#b', '@lab', '&co'] as const;

export const DESCRIPTIONS = [
  '',
  '',
  'Installed by the facilities team.',
  'Replaced after the 2025 audit.',
  'Monitored 24/7; call the on-site engineer before changing it.',
  'Pilot unit, firmware on the beta channel.',
] as const;

export const FIRMWARE = ['1.0.4', '1.2.0', '1.2.3', '2.0.1', '2.1.0-beta'] as const;
