/** IoTDA's topics of one device: everything under `$oc/devices/{device_id}/`. */
export const deviceTopicPrefix = (iotdaId: string): string => `$oc/devices/${iotdaId}/`;

/** Where a device reports its properties (IoTDA "Device Reporting Properties"). */
export const propertyReportTopic = (iotdaId: string): string => `${deviceTopicPrefix(iotdaId)}sys/properties/report`;

/**
 * A device may publish and subscribe only under its own prefix. A filter's wildcards may follow
 * the prefix, never stand in it: `$oc/devices/+/…` would reach every other device.
 */
export function isOwnTopic(iotdaId: string, topic: string): boolean {
  const prefix = deviceTopicPrefix(iotdaId);
  return topic.length > prefix.length && topic.startsWith(prefix);
}
