import mqttPacket from 'mqtt-packet';
import { describe, expect, it, vi } from 'vitest';
import { addDeviceWithSecret, connectCredentials, iotdaId } from '../test-support/device-credentials';
import { connectDevice, connectionEnded, rawConnection } from '../test-support/mqtt-device';
import { useAppWithProduct } from '../test-support/app-with-product';

const SECRET = 'TopicSecretTopicSecretTopicSecr1';
const REPORT = { services: [{ service_id: 'Battery', properties: { level: 87 } }] };

describe('the MQTT gateway: topics and bad input', () => {
  const app = useAppWithProduct({ gateway: true });

  const connected = async () => {
    const d = await addDeviceWithSecret(app.t, app.product, SECRET);
    return { device: d, client: await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET)) };
  };
  const apiAnswers = async () =>
    (await app.t.app.inject({ method: 'GET', url: '/v2/default/link/instances/default/devices?limit=1', headers: { 'x-auth-token': await app.t.token() } })).statusCode;

  it('keeps the latest property report, shown by the console call, and refreshes last_active_time', async () => {
    const { device, client } = await connected();
    const before = Date.now();
    await client.publishAsync(`$oc/devices/${iotdaId(device)}/sys/properties/report`, JSON.stringify(REPORT), { qos: 1 });
    const token = await app.t.token();
    const url = `/console/v1/projects/default/instances/default/devices/${device.id}/report`;
    await vi.waitFor(async () => expect((await app.t.app.inject({ method: 'GET', url, headers: { 'x-auth-token': token } })).json()).toMatchObject({ report: REPORT }));
    const row = await app.t.db.selectFrom('devices').select('last_active_time').where('id', '=', device.id).executeTakeFirstOrThrow();
    // Written to the second the traffic came in.
    expect(row.last_active_time).toBeGreaterThanOrEqual(before - (before % 1_000));
    await client.endAsync();
  });

  it('refuses a publish to another device’s topics and closes that connection; the other device receives nothing', async () => {
    const victim = await connected();
    const received: string[] = [];
    await victim.client.subscribeAsync(`$oc/devices/${iotdaId(victim.device)}/#`);
    victim.client.on('message', (topic) => received.push(topic));
    const intruder = await connected();
    const ended = connectionEnded(intruder.client);
    intruder.client.publish(`$oc/devices/${iotdaId(victim.device)}/sys/messages/down`, 'hijack');
    await ended;
    expect(app.t.gateway!.counters.topicRefusals).toBeGreaterThan(0);
    await victim.client.publishAsync(`$oc/devices/${iotdaId(victim.device)}/sys/events/up`, 'own', { qos: 1 });
    await vi.waitFor(() => expect(received).toEqual([`$oc/devices/${iotdaId(victim.device)}/sys/events/up`]));
    await victim.client.endAsync();
  });

  it('grants no subscription outside the device’s own topics (SUBACK 128), and keeps the connection', async () => {
    const { device, client } = await connected();
    for (const filter of ['#', '$oc/devices/+/sys/#', `$oc/devices/${app.product.id}_someone-else/#`, `$oc/devices/${iotdaId(device)}`]) {
      const refused = await client.subscribeAsync(filter).then(
        () => undefined,
        (error: { packet?: { granted?: number[] } }) => error.packet?.granted,
      );
      expect(refused, filter).toEqual([128]);
    }
    expect(client.connected).toBe(true);
    await client.endAsync();
  });

  it('closes a connection that publishes 1 MiB; the API keeps answering', async () => {
    const { device, client } = await connected();
    const ended = connectionEnded(client);
    client.publish(`$oc/devices/${iotdaId(device)}/sys/properties/report`, Buffer.alloc(1024 * 1024, 'x'));
    await ended;
    expect(app.t.gateway!.counters.oversized).toBe(1);
    expect(await apiAnswers()).toBe(200);
  });

  it('closes a malformed CONNECT, a CONNECT of an unknown protocol level and a half-open socket; the API keeps answering', async () => {
    await rawConnection(app.t.mqttPort, Buffer.from([0x10, 0x04, 0xde, 0xad, 0xbe, 0xef]));
    const wrongLevel = mqttPacket.generate({ cmd: 'connect', clientId: 'x', protocolVersion: 4 });
    wrongLevel[8] = 9; // the protocol level byte after "MQTT"
    await rawConnection(app.t.mqttPort, wrongLevel);
    // Nothing at all: closed when the CONNECT does not come in time.
    await rawConnection(app.t.mqttPort, Buffer.alloc(0));
    expect(await apiAnswers()).toBe(200);
  });
});
