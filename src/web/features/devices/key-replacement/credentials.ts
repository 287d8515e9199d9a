import { t } from '@lingui/core/macro';

/** What the operator must carry to the device; held only in the reveal dialog's state. */
export interface DeviceCredentials {
  productKey: string;
  deviceKey: string;
  deviceSecret: string;
}

export function credentialsFileName(c: Pick<DeviceCredentials, 'deviceKey'>): string {
  // 002 limits device keys to A-Za-z0-9 . _ -, all safe in a file name.
  return `${c.deviceKey}.credentials.txt`;
}

export function credentialsFileText(c: DeviceCredentials, issuedAt = new Date()): string {
  const issued = issuedAt.toISOString();
  // The comments read in the operator's language; the keys and values are what the device reads.
  return [
    `# ${t`Device credentials issued by Device Console on ${issued}.`}`,
    `# ${t`The console keeps no copy of the secret. Keep this file private and delete it once the device is provisioned.`}`,
    `productKey=${c.productKey}`,
    `deviceKey=${c.deviceKey}`,
    `deviceSecret=${c.deviceSecret}`,
    '',
  ].join('\n');
}

/**
 * Saves the credentials as a small text file. The Blob URL is revoked as soon as the download
 * has started, so the file's bytes are not left addressable from the page.
 */
export function downloadCredentials(c: DeviceCredentials): void {
  const url = URL.createObjectURL(new Blob([credentialsFileText(c)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = credentialsFileName(c);
  link.click();
  URL.revokeObjectURL(url);
}
