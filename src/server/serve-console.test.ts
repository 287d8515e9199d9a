import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { ensureUser, ensureWorkspace } from './db/bootstrap';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrate } from './db/migrations';
import { throwawayVault } from './test-support/vault';

let webRoot: string;
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'console-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Device Console</title>');
  await writeFile(path.join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(webRoot, 'favicon.svg'), '<svg/>');
  handle = openDatabase({ sqlitePath: ':memory:' });
  await migrate(handle.db, handle.dialect);
  await ensureWorkspace(handle.db);
  await ensureUser(handle.db, 'admin', 'console-test-password');
  app = buildApp({ db: handle.db, dialect: handle.dialect, vault: throwawayVault(), tokenTtlSeconds: 60, webRoot });
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
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
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
