import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app';
import { unchangedBy } from './unchanged';

/** Test helpers shared by the ROMA and console route tests. */

export const DEVICES = '/v2/default/link/instances/default/devices';

export const badParameter = (operation: string, parameter: string, processor: 'path' | 'query' | 'body') =>
  `Parameter is not valid for operation [${operation}]. Parameter is [${parameter}]. Processor is [${processor}].`;

export interface SendOptions {
  /** The token; the admin of workspace `default` when absent. */
  as?: string;
  headers?: Record<string, string>;
  /** Sent as the raw JSON text, for malformed bodies. */
  raw?: string;
}

// Signing in costs a scrypt hash, so each test app signs its admin in once.
const adminTokens = new WeakMap<TestApp, Promise<string>>();
function adminToken(t: TestApp): Promise<string> {
  const token = adminTokens.get(t) ?? t.token();
  adminTokens.set(t, token);
  return token;
}

export async function send(t: TestApp, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, options: SendOptions = {}) {
  const headers: Record<string, string> = { 'x-auth-token': options.as ?? (await adminToken(t)), ...options.headers };
  const request: InjectOptions = { method, url, headers };
  if (options.raw !== undefined) {
    request.payload = options.raw;
    headers['content-type'] ??= 'application/json';
  } else if (payload !== undefined) {
    request.payload = JSON.stringify(payload);
    headers['content-type'] ??= 'application/json';
  }
  return t.app.inject(request);
}

/** Sends a request that must be refused; checks the envelope, that no stack leaks and that nothing changed. */
export async function expectRefused(
  t: TestApp,
  request: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
  message?: string,
): Promise<void> {
  const res = await unchangedBy(t.db, request);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error_code: code, request_id: res.headers['x-request-id'] });
  if (message !== undefined) expect(res.json().error_msg).toBe(message);
  expect(res.body).not.toMatch(/\.ts:\d+/);
}
