import { createHash, generateKeyPairSync, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserKeyPair, spkiPem } from '../test-support/browser-crypto';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
});
afterAll(() => t.close());

const URL_KEY = '/console/v1/orgs/default/public-key';
const headers = (auth: string | null) => (auth === null ? {} : { 'x-auth-token': auth });
const put = (payload: unknown, { url = URL_KEY, auth = token as string | null } = {}) =>
  t.app.inject({ method: 'PUT', url, headers: { ...headers(auth), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
const get = ({ url = URL_KEY, auth = token as string | null } = {}) => t.app.inject({ method: 'GET', url, headers: headers(auth) });
const fingerprintOf = async (key: webcrypto.CryptoKey) => createHash('sha256').update(Buffer.from(await webcrypto.subtle.exportKey('spki', key))).digest('hex');
const nodePem = (type: 'rsa' | 'rsa-pss' | 'ec', modulusLength = 2048) => {
  const options = type === 'ec' ? { namedCurve: 'P-256' } : { modulusLength };
  const { publicKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
};

async function expectRefused(send: () => ReturnType<typeof get>, status: number, error_code: string, error_msg: string | RegExp) {
  const res = await unchangedBy(t.db, send);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ error_code, error_msg: typeof error_msg === 'string' ? error_msg : expect.stringMatching(error_msg), request_id: res.headers['x-request-id'] });
}

const NO_KEY = 'The resource does not exist. No public key is registered for organisation default.';

describe('PUT and GET /console/v1/orgs/{orgId}/public-key', () => {
  it('answers 404 ROMA.00110006 before a key is registered', async () => {
    await expectRefused(() => get(), 404, 'ROMA.00110006', NO_KEY);
  });

  it('registers a WebCrypto RSA-OAEP key (204) and returns it with its SHA-256 SPKI fingerprint', async () => {
    const pair = await browserKeyPair();
    const pem = await spkiPem(pair.publicKey);
    const res = await put({ publicKey: pem });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const got = await get();
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ publicKey: pem, fingerprint: await fingerprintOf(pair.publicKey) });
  });

  it('replaces the org’s key on a second registration, keeping one row', async () => {
    const pair = await browserKeyPair();
    expect((await put({ publicKey: await spkiPem(pair.publicKey) })).statusCode).toBe(204);
    expect((await get()).json().fingerprint).toBe(await fingerprintOf(pair.publicKey));
    expect(await t.db.selectFrom('org_public_keys').select('org_id').execute()).toEqual([{ org_id: 'default' }]);
  });

  it('stores the key re-encoded, so CRLF line ends and trailing space do not change it', async () => {
    const pair = await browserKeyPair();
    const pem = await spkiPem(pair.publicKey);
    expect((await put({ publicKey: `${pem.replace(/\n/g, '\r\n')}  ` })).statusCode).toBe(204);
    expect((await get()).json()).toEqual({ publicKey: pem, fingerprint: await fingerprintOf(pair.publicKey) });
  });

  it('accepts 3072 and 4096 bits', async () => {
    for (const bits of [3072, 4096]) expect((await put({ publicKey: nodePem('rsa', bits) })).statusCode).toBe(204);
  });

  it.each([
    ['an RSA key under 2048 bits', () => nodePem('rsa', 1024), /^The public key is not usable: its modulus must be 2048 to 16384 bits, not 1024\.$/],
    ['an EC key', () => nodePem('ec'), /^The public key is not usable: it must be an RSA key, not ec\.$/],
    ['an RSA-PSS key', () => nodePem('rsa-pss'), /^The public key is not usable: it must be an RSA key, not rsa-pss\.$/],
    ['garbage inside the armour', () => '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n', /^The public key is not usable: it is not a readable SPKI PEM\.$/],
    ['a PKCS#1 key', () => nodePem('rsa').replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY'), /^publicKey: publicKey must be an SPKI PEM\.$/],
    ['no key at all', () => '', /^publicKey: /],
  ])('refuses %s with 400 SCB.00000000', async (_case, pem, message) => {
    await expectRefused(() => put({ publicKey: pem() }), 400, 'SCB.00000000', message);
  });

  it('refuses a body without publicKey and malformed JSON with 400', async () => {
    await expectRefused(() => put({}), 400, 'SCB.00000000', /^publicKey: /);
    await expectRefused(
      () => t.app.inject({ method: 'PUT', url: URL_KEY, headers: { ...headers(token), 'content-type': 'application/json' }, payload: '{"publicKey":' }),
      400,
      'SCB.00000000',
      /malformed/,
    );
  });
});

describe('tenants and tokens', () => {
  it('answers 404 for another org, even one that has a key, and registers nothing there', async () => {
    const acme = await t.token('acme-admin');
    const pem = await spkiPem((await browserKeyPair()).publicKey);
    await expectRefused(() => get({ auth: acme }), 404, 'ROMA.00110006', NO_KEY);
    await expectRefused(() => put({ publicKey: pem }, { auth: acme }), 404, 'ROMA.00110006', NO_KEY);
    const acmeUrl = '/console/v1/orgs/acme-org/public-key';
    await expectRefused(() => get({ url: acmeUrl }), 404, 'ROMA.00110006', 'The resource does not exist. No public key is registered for organisation acme-org.');
    await expectRefused(() => put({ publicKey: 'not even a key' }, { url: acmeUrl }), 404, 'ROMA.00110006', /^The resource does not exist/);
  });

  it('answers 401 without a valid token', async () => {
    for (const auth of [null, 'forged']) {
      await expectRefused(() => get({ auth }), 401, 'APIGW.0301', /X-Auth-Token/);
      await expectRefused(() => put({ publicKey: 'x' }, { auth }), 401, 'APIGW.0301', /X-Auth-Token/);
    }
  });
});
