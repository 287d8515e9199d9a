import { readFile } from 'node:fs/promises';

export interface ProvisionedDevice {
  /** IoTDA's `{product_id}_{node_id}`. */
  deviceId: string;
  secret: string;
}

/** The demo fleet's provisioning file (`device_id,secret` per line, after a header), as the service's first start writes it. */
export async function readProvisioningFile(file: string): Promise<ProvisionedDevice[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`no provisioning file at ${file}: the service writes it on the first start that seeds the demo fleet`);
  }
  const lines = text.split('\n');
  if (lines[0] !== 'device_id,secret') throw new Error(`${file} is not a provisioning file: its first line should be "device_id,secret"`);
  return lines
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => {
      const comma = line.lastIndexOf(',');
      return { deviceId: line.slice(0, comma), secret: line.slice(comma + 1) };
    });
}
