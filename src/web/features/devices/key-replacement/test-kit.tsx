/* eslint-disable lingui/no-unlocalized-strings -- test fixtures (device data, fake service answers), never console text; the lint ignores *.test.* files but not this kit */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@/web/test-support/render';
import type { ReactNode } from 'react';
import type { PublicKeyResponse } from '@/contracts/console';
import type { Device } from '@/contracts/device';
import type { ReplaceDeviceBody } from '@/contracts/enos';
import { startSession } from '@/web/api/session';
import { fromBase64, publicKeyFingerprint } from '@/web/features/devices/key-replacement/org-key';

export function signIn(): void {
  const at = { expires_at: '2030-01-01T00:00:00Z', issued_at: '2026-01-01T00:00:00Z' };
  startSession('tok', { token: { ...at, user: { name: 'admin' }, roles: [{ name: 'admin' }], project: { id: 'default' }, instance: { id: 'default' }, org: { id: 'default' } } });
}

export const testDevice = (overrides: Partial<Device> = {}): Device => ({
  permissions: ['read', 'access', 'delete', 'modify'],
  id: 7,
  device_id: 7,
  product: { product_id: 1, product_name: 'Meter', manufacturer_id: 'acme', model: 'm1', protocol_type: 0, product_type: 0 },
  device_name: 'meter-7',
  instance_id: 'default',
  client_id: 'c7',
  node_id: 'node-7',
  app_name: 'app',
  app_id: 'app',
  status: 0,
  online_status: 1,
  description: '',
  authentication: { user_name: 'node-7' },
  created_user: { user_id: '1', user_name: 'admin' },
  last_updated_user: { user_id: '1', user_name: 'admin' },
  tags: [],
  created_datetime: 0,
  last_updated_datetime: 0,
  connect_address: '',
  ssl_connect_address: '',
  node_type: 0,
  device_type: 0,
  asset_id: 'asset-7',
  product_key: 'pk-meter',
  device_key: 'node-7',
  iotda_device_id: '1_node-7',
  frozen: false,
  connected: true,
  mirrored: false,
  ...overrides,
});

export function renderWithClient(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { queryClient, ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>) };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** What the service does for `requireSecret` (DESIGN.md "The secret"), so the dialog has something real to open. */
async function seal(secret: string, pem: string) {
  const der = fromBase64(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
  const publicKey = await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(secret)));
  const sessionKey = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, raw));
  return { deviceSecret: toBase64(new Uint8Array([...iv, ...sealed])), sessionKey: toBase64(sessionKey) };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface FakeService {
  publicKey: PublicKeyResponse | null;
  /** An EnOS refusal to answer the next replaces with, or undefined to replace. */
  refuse?: { code: number; msg: string } | undefined;
  secret: string;
  replaced: ReplaceDeviceBody[];
}

/** The three calls the dialog makes, answered as the service does, through the real `apiFetch`. */
export function fakeService(initial: Partial<FakeService> = {}): FakeService {
  const service: FakeService = { publicKey: null, secret: 'S3cretS3cretS3cretS3cretS3cret42', replaced: [], ...initial };
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    if (url.startsWith('/console/v1/orgs/default/public-key')) {
      if (init.method === 'PUT') {
        const pem = (body as { publicKey: string }).publicKey;
        service.publicKey = { publicKey: pem, fingerprint: await publicKeyFingerprint(pem) };
        return new Response(null, { status: 204 });
      }
      return service.publicKey ? json(200, service.publicKey) : json(404, { error_code: 'ROMA.00110006', error_msg: 'No key.', request_id: 'r' });
    }
    if (url.startsWith('/connect-service/v2.4/devices?action=replaceDevice')) {
      const replace = body as ReplaceDeviceBody;
      if (service.refuse) return json(200, { ...service.refuse, requestId: 'req-1', data: null });
      service.replaced.push(replace);
      const sealed = replace.requireSecret && service.publicKey ? await seal(service.secret, service.publicKey.publicKey) : {};
      return json(200, { code: 0, msg: 'OK', requestId: 'req-2', data: { assetId: 'asset-7', productKey: 'pk-meter', deviceKey: replace.newDeviceKey, ...sealed } });
    }
    return json(404, { error_code: 'X', error_msg: `unexpected ${url}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return service;
}
