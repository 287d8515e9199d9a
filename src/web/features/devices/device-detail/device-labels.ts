/** 001 Table 5: 0 mqtt, 1 CoAP, 2 modbus, 4 opcua, 5 extended protocol. */
export const PROTOCOL_LABELS: Record<0 | 1 | 2 | 4 | 5, string> = { 0: 'MQTT', 1: 'CoAP', 2: 'Modbus', 4: 'OPC UA', 5: 'Extended protocol' };

/** 001 Table 5 product_type. */
export const PRODUCT_TYPE_LABELS: Record<0 | 1, string> = { 0: 'Common', 1: 'Gateway' };

/** 001 Table 4 device_type: common (no parent or child), gateway (may hold sub-devices), child (under a gateway). */
export const DEVICE_TYPE_LABELS: Record<0 | 1 | 2, string> = { 0: 'Common device', 1: 'Gateway device', 2: 'Child device' };
