import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { INLINE_SCRIPTS_FILE } from './inline-scripts';
import { createTestApp, type TestApp } from './test-support/test-app';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const headersOf = async (app: TestApp['app'], url: string) => (await app.inject({ method: 'GET', url })).headers;

  it('carry a strict policy, nosniff, no framing and no referrer on every answer, refused ones too', async () => {
    for (const url of ['/console/v1/health', '/v2/default/link/instances/default/devices', '/no/such/page']) {
      const headers = await headersOf(t.app, url);
      const policy = String(headers['content-security-policy']).split(';').map((d) => d.trim());
      expect(policy, url).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self'", "script-src-attr 'none'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]));
      expect(policy.join(';'), url).not.toContain('unsafe');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      expect(headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('add HSTS, and upgrade the page’s requests, only when told the service is behind TLS', async () => {
    const app = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, behindTls: true });
    const headers = await headersOf(app, '/console/v1/health');
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String((await headersOf(t.app, '/console/v1/health'))['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    await app.close();
  });

  it('allow the built console’s inline scripts by their hashes, and no other', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'dc-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(webRoot, INLINE_SCRIPTS_FILE), JSON.stringify({ sha256: ['YWJj', 'ZGVm'] }));
    const app = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, webRoot });
    try {
      const policy = String((await headersOf(app, '/'))['content-security-policy']);
      expect(policy.split(';').map((d) => d.trim())).toContain("script-src 'self' 'sha256-YWJj' 'sha256-ZGVm'");
    } finally {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
