import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import { decoded, NEGOTIATIONS } from './test-support/content-codings';
import { addDevice, addProduct } from './test-support/fixtures';
import { createTestApp, type TestApp } from './test-support/test-app';

const LIST = '/v2/default/link/instances/default/devices';
const EVENTS = '/console/v1/projects/default/instances/default/events';
/** Enough devices for a page of several kilobytes, past any size the plugin leaves alone. */
const DEVICES = 40;

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  const product = await addProduct(t.db);
  for (let i = 0; i < DEVICES; i++) await addDevice(t.db, product, { device_name: `compressible-${i}` });
});
afterAll(() => t.close());

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: { [AUTH_TOKEN_HEADER]: token, ...(acceptEncoding && { 'accept-encoding': acceptEncoding }) } });

describe('API answers on the wire', () => {
  it('sends a large answer in brotli or gzip as the client asks, and as it is when not asked', async () => {
    const plain = await get(`${LIST}?limit=${DEVICES}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json<{ items: unknown[] }>().items).toHaveLength(DEVICES);

    for (const [asked, encoding] of NEGOTIATIONS) {
      const res = await get(`${LIST}?limit=${DEVICES}`, asked);
      expect(res.statusCode, asked).toBe(200);
      expect(res.headers['content-encoding'], asked).toBe(encoding);
      expect(res.headers.vary, asked).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length, asked).toBeLessThan(plain.rawPayload.length / 3);
      expect(decoded(encoding, res.rawPayload), asked).toBe(plain.body);
    }
  });

  it('leaves a small answer uncompressed, even when asked', async () => {
    const res = await get(`${LIST}?limit=1`, 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('keeps a refusal in its envelope when compression is asked', async () => {
    const res = await get(`${LIST}?limit=0`, 'br, gzip');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toHaveProperty('error_code');
  });

  it('streams events uncompressed, each as it is sent, to a client that accepts br and gzip', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    // node:http rather than fetch, which would decompress on the quiet and hide an encoding.
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const headers = { accept: 'text/event-stream', 'accept-encoding': 'br, gzip', [AUTH_TOKEN_HEADER]: token };
      http.get({ host: '127.0.0.1', port, path: EVENTS, headers }, resolve).on('error', reject);
    });
    try {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(response.headers['content-encoding']).toBeUndefined();
      // The stream never ends by itself: held back by a compressor, the opening event would never come.
      let text = '';
      for await (const chunk of response) {
        text += (chunk as Buffer).toString('utf8');
        if (text.includes('\n\n')) break;
      }
      expect(text).toMatch(/^event: summary\n/m);
    } finally {
      response.destroy();
    }
  });
});
