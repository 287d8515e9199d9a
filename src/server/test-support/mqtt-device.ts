import { once } from 'node:events';
import net from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import mqttPacket from 'mqtt-packet';

export interface Credentials {
  clientId: string;
  username: string;
  password: string;
}

/** A real MQTT client connected as a device; no automatic reconnection, so a refusal is final. */
export function connectDevice(port: number, credentials: Credentials, options: Partial<IClientOptions> = {}): Promise<MqttClient> {
  return mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    ...credentials,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...options,
  });
}

/** The CONNACK return code of a refused CONNECT; throws if the broker admits it. */
export async function refusalCode(port: number, credentials: Credentials, options: Partial<IClientOptions> = {}): Promise<number> {
  let client: MqttClient;
  try {
    client = await connectDevice(port, credentials, options);
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
  await client.endAsync();
  throw new Error(`${credentials.clientId} was admitted`);
}

/** Resolves when the client's connection is gone, whoever ended it. */
export const connectionEnded = (client: MqttClient): Promise<void> =>
  new Promise((resolve) => {
    if (!client.connected) return resolve();
    client.once('close', () => resolve());
  });

/**
 * A device that connects and then says nothing more, not even PINGREQ: a raw socket carrying a
 * CONNECT that mqtt-packet encodes. Resolves once the CONNACK came, with the socket's end.
 */
export async function silentDevice(port: number, credentials: Credentials, keepalive: number): Promise<{ socket: net.Socket; ended: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await once(socket, 'connect');
  socket.write(mqttPacket.generate({ cmd: 'connect', protocolVersion: 4, clean: true, keepalive, ...credentials, password: Buffer.from(credentials.password) }));
  await once(socket, 'data');
  return { socket, ended };
}

/** A connection that sends these bytes and nothing else; resolves when the gateway closes it. */
export async function rawConnection(port: number, bytes: Buffer): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const ended = once(socket, 'close');
  await once(socket, 'connect');
  socket.write(bytes);
  await ended;
}
