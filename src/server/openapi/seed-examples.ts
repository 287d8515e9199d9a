/**
 * The documents' own examples, to the letter (shared seeds 000–004). Where this service answers
 * more than a document shows, the example is the document's with those fields added, and says so.
 */

/** 001 "Modifying a Device": Example Requests. */
export const UPDATE_DEVICE_REQUEST = { device_name: 'device', status: 0, description: 'device', tags: ['tag1', 'tag2'] };

/** 001: Example Responses, status 200 (the stored password is masked there; this service never sends it). */
const SEED_DEVICE = {
  permissions: ['read', 'access', 'delete', 'modify'],
  id: 711537,
  device_id: 711537,
  parent_device_id: 711536,
  parent_device_name: 'parent-device',
  product: { product_id: 116303, product_name: 'p1', manufacturer_id: 'p1', model: 'p1', product_type: 0, protocol_type: 0 },
  device_name: 'device',
  instance_id: '8993a690-cf61-46af-880d-587d823d14e5',
  client_id: 'D116303711537sGDtK',
  node_id: 'string',
  app_name: 'app',
  status: 0,
  online_status: 2,
  description: 'device',
  authentication: { user_name: 'F01A8D25FE6E4CF5A286B711B31888AE' },
  created_user: { user_id: '', user_name: 'user' },
  last_updated_user: { user_id: '', user_name: 'user' },
  tags: [],
  created_datetime: 1607408244841,
  last_updated_datetime: 1607422571094,
  connect_address: 'xx.xx.xx.xx',
  ssl_connect_address: 'xx.xx.xx.xx',
  ipv6_connect_address: 'xx.xx.xx.xx',
  ipv6_ssl_connect_address: 'xx.xx.xx.xx',
  node_type: 0,
  device_type: 0,
  app_id: 'cb4b3ec0-8f7f-432f-b05e-fc149d05da5d',
};

/** 001's device with the identities and states the other documents need (EnOS keys, IoTDA id, frozen, connected, mirrored). */
export const DEVICE = {
  ...SEED_DEVICE,
  asset_id: 'yourassetId',
  product_key: 'yourProductKey',
  device_key: 'yourDeviceKey',
  iotda_device_id: '116303_string',
  frozen: false,
  connected: false,
  mirrored: false,
};

/** 001: Example Responses, status 400 and 404. */
export const ROMA_BAD_PARAMETER = {
  error_code: 'SCB.00000000',
  error_msg: 'Parameter is not valid for operation [romalink.link-device.update]. Parameter is [deviceOid]. Processor is [path].',
  request_id: 'cb39e78a-afd3-4e04-901d-70468b1c23dc-1619602712496-cnnorth7a-P-romalink-service01',
};
export const ROMA_NOT_FOUND = {
  error_code: 'ROMA.00110006',
  error_msg: 'The resource does not exist. Check whether the resource ID 1 is correct.',
  request_id: '624c8be1-39b6-47b7-941d-c159aced368a-1619602544650-cnnorth7a-P-romalink-service01',
};

/** 004 "Bringing Multiple Devices Offline": Example Requests and Responses. */
export const FORCE_OFFLINE_REQUEST = { device_ids: [10001, 10002] };
export const FORCE_OFFLINE_RESPONSE = {
  success: [{ id: 711554, device_name: 'success', device_id: 711554 }],
  failed: [{ id: 711554, device_name: 'failed', device_id: 711554 }],
};

/** 000 "Modify Device Status": Request Sample and Return Sample. */
export const MODIFY_STATUS_REQUEST = { assetId: 'yourassetId', status: 'offline' };
export const MODIFY_STATUS_RESPONSE = { code: 0, msg: 'OK', requestId: 'fd79d0f5-69c5-4fa8-add4-69f5ca1b635f', data: null };

/** 002 "Replace Device": Request Sample and Return Sample. */
export const REPLACE_DEVICE_REQUEST = { newDeviceKey: 'yourNewDeviceKey', requireSecret: true };
export const REPLACE_DEVICE_RESPONSE = {
  code: 0,
  msg: 'OK',
  requestId: 'fa377585-8240-4d1e-ad9d-a8d820873142',
  data: { assetId: 'yourAssetId', productKey: 'yourProductKey', deviceKey: 'yourNewDeviceKey', deviceSecret: 'EncryptedDeviceSecret', sessionKey: 'EncryptedSessionKey' },
};
