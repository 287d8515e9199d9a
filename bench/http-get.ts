import http from 'node:http';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';

// One kept-alive connection: sequential requests measure the service, not TCP handshakes.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * The service keeps list answers until the database changes (src/server/cache); a figure of the
 * path that computes them (the list index, then the database) asks for a fresh answer every time, as
 * HTTP lets a client do.
 */
export const NO_CACHE = { 'cache-control': 'no-cache' } as const;

/** GETs `url` with the token and reads the whole body; answers the status, the body and the time taken. */
export function timedGet(url: string, token: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { ...headers, [AUTH_TOKEN_HEADER]: token } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** The total of a list call, for choosing offsets and filters. */
export async function listTotal(baseUrl: string, token: string, query: string): Promise<number> {
  const { status, body } = await timedGet(`${baseUrl}${DEVICES_PATH}?${query ? `${query}&` : ''}limit=1`, token);
  if (status !== 200) throw new Error(`the list answered ${status}: ${body.slice(0, 200)}`);
  return (JSON.parse(body) as { total: number }).total;
}

/** The demo workspace's list call (DESIGN.md: project and instance are `default`). */
export const DEVICES_PATH = '/v2/default/link/instances/default/devices';
export const SUMMARY_PATH = '/console/v1/projects/default/instances/default/device-summary';
