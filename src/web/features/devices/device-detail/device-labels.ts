import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** 001 Table 5: 0 mqtt, 1 CoAP, 2 modbus, 4 opcua, 5 extended protocol. Protocol names are not translated. */
const PROTOCOL_NAMES: Record<0 | 1 | 2 | 4, string> = { 0: 'MQTT', 1: 'CoAP', 2: 'Modbus', 4: 'OPC UA' };
const EXTENDED_PROTOCOL = msg`Extended protocol`;

/** The product's protocol in words, at render: an extended protocol shows its own name when it has one. */
export const protocolLabel = (type: 0 | 1 | 2 | 4 | 5, extendedName?: string): string =>
  type === 5 ? extendedName || i18n._(EXTENDED_PROTOCOL) : PROTOCOL_NAMES[type];

/** 001 Table 5 product_type. */
export const PRODUCT_TYPE_LABELS: Record<0 | 1, MessageDescriptor> = { 0: msg`Common`, 1: msg`Gateway` };

/** 001 Table 4 device_type: common (no parent or child), gateway (may hold sub-devices), child (under a gateway). */
export const DEVICE_TYPE_LABELS: Record<0 | 1 | 2, MessageDescriptor> = { 0: msg`Common device`, 1: msg`Gateway device`, 2: msg`Child device` };
