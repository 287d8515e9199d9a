import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { ensureUser, ensureWorkspace } from './db/bootstrap';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrate } from './db/migrations';
import { decoded, NEGOTIATIONS } from './test-support/content-codings';
import { throwawayVault } from './test-support/vault';

const INDEX = '<!doctype html><title>Device Console</title>';
const SCRIPT = `console.log(${JSON.stringify('a hashed asset '.repeat(200))})`;
const FOREVER = 'public, max-age=31536000, immutable';

/** A file as the build writes it: itself, and beside it its brotli and gzip forms. */
async function writeBuilt(file: string, content: string): Promise<void> {
  await writeFile(file, content);
  await writeFile(`${file}.br`, brotliCompressSync(content));
  await writeFile(`${file}.gz`, gzipSync(content));
}

let webRoot: string;
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'console-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeBuilt(path.join(webRoot, 'index.html'), INDEX);
  await writeBuilt(path.join(webRoot, 'assets', 'index-abc123.js'), SCRIPT);
  // Large and compressible, but without compressed forms beside it.
  await writeFile(path.join(webRoot, 'favicon.svg'), `<svg>${'<g/>'.repeat(1_000)}</svg>`);
  handle = openDatabase({ sqlitePath: ':memory:' });
  await migrate(handle.db, handle.dialect);
  await ensureWorkspace(handle.db);
  await ensureUser(handle.db, 'admin', 'console-test-password');
  app = buildApp({ db: handle.db, dialect: handle.dialect, listIndex: handle.listIndex, vault: throwawayVault(), tokenTtlSeconds: 60, webRoot });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await handle.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('serving the built console', () => {
  it('answers the root and any deep link with index.html, revalidated on every load, without a token', async () => {
    for (const url of ['/', '/devices/42?tab=edit', '/index.html', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('Device Console');
    }
  });

  it('caches hashed assets for a year and other files not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe(FOREVER);
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['content-type']).toMatch(/^image\/svg/);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing hashed asset with 404 rather than the page', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
  });

  it('leaves unknown API paths to the API: 401 without a token, 404 with one, never the page', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username: 'admin', password: 'console-test-password' } });
    const token = String(signIn.headers['x-subject-token']);
    for (const url of ['/v2/default/nothing', '/console/v1/nothing', '/v5/iot/default/nothing']) {
      const anonymous = await app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      const signedIn = await app.inject({ method: 'GET', url, headers: { 'x-auth-token': token } });
      expect(signedIn.statusCode, url).toBe(404);
      expect(signedIn.json()).toHaveProperty('error_code');
    }
  });
});

describe('the built console on the wire', () => {
  it('sends a hashed asset in the form the client accepts, varying on it and cached for a year', async () => {
    for (const [asked, encoding] of NEGOTIATIONS) {
      const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': asked } });
      expect(res.statusCode, asked).toBe(200);
      expect(res.headers['content-encoding'], asked).toBe(encoding);
      expect(res.headers['content-type'], asked).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary, asked).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control'], asked).toBe(FOREVER);
      expect(Number(res.headers['content-length']), asked).toBe(res.rawPayload.length);
      expect(res.rawPayload.length, asked).toBeLessThan(SCRIPT.length / 5);
      expect(decoded(encoding, res.rawPayload), asked).toBe(SCRIPT);
    }
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends index.html compressed too, still revalidated on every load', async () => {
    for (const url of ['/', '/devices/42']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(decoded('br', res.rawPayload), url).toBe(INDEX);
    }
  });

  it('sends a file the build did not compress as it is, not compressed per request', async () => {
    const res = await app.inject({ method: 'GET', url: '/favicon.svg', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBeGreaterThan(1024);
  });

  it('answers HEAD, a revalidation and a range of a compressed asset', async () => {
    const headers = { 'accept-encoding': 'br' };
    const url = '/assets/index-abc123.js';
    const full = await app.inject({ method: 'GET', url, headers });

    const head = await app.inject({ method: 'HEAD', url, headers });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    expect(head.rawPayload.length).toBe(0);

    const etag = String(full.headers.etag);
    const revalidated = await app.inject({ method: 'GET', url, headers: { ...headers, 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.rawPayload.length).toBe(0);
    // Each form has its own tag: the plain file's does not revalidate the brotli one.
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.headers.etag).not.toBe(etag);

    const range = await app.inject({ method: 'GET', url, headers: { range: 'bytes=0-9' } });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 0-9/${SCRIPT.length}`);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.body).toBe(SCRIPT.slice(0, 10));
  });
});
