import type { Page } from '@playwright/test';

/** Issue 24's link: 10 Mbit/s each way, 50 ms from a request to its response's headers, as DevTools emulates it. */
const SLOW_LINK = { offline: false, latency: 50, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 };

export interface WireRequest {
  url: string;
  /** Bytes received for it, headers and encoded body: what crossed the link. */
  wireBytes: number;
  /** Body bytes after the browser decoded them. */
  decodedBytes: number;
  contentEncoding: string;
  /** Monotonic seconds, CDP's clock. */
  sentAt: number;
  finishedAt?: number;
  failed?: boolean;
}

export interface SlowLink {
  requests: () => WireRequest[];
  /** Resolves once no request has been in flight for `quietMs`. */
  settled: (quietMs: number) => Promise<void>;
  /** The first request that `match` accepts, once its last byte has arrived. */
  finished: (match: (request: WireRequest) => boolean) => Promise<WireRequest & { finishedAt: number }>;
}

const POLL_MS = 50;
const FINISH_TIMEOUT_MS = 60_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** Puts `page` behind the slow link and records every request's bytes on the wire from then on. */
export async function onSlowLink(page: Page): Promise<SlowLink> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  const log = new Map<string, WireRequest>();
  let lastActivity = performance.now();
  const touch = (requestId: string, change: (request: WireRequest) => void) => {
    const request = log.get(requestId);
    if (request) change(request);
    lastActivity = performance.now();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    log.set(event.requestId, { url: event.request.url, wireBytes: 0, decodedBytes: 0, contentEncoding: 'identity', sentAt: event.timestamp });
    lastActivity = performance.now();
  });
  cdp.on('Network.responseReceived', (event) =>
    touch(event.requestId, (request) => {
      const header = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
      if (header) request.contentEncoding = header[1];
    }),
  );
  cdp.on('Network.dataReceived', (event) => touch(event.requestId, (request) => (request.decodedBytes += event.dataLength)));
  cdp.on('Network.loadingFinished', (event) =>
    touch(event.requestId, (request) => {
      request.wireBytes = event.encodedDataLength;
      request.finishedAt = event.timestamp;
    }),
  );
  cdp.on('Network.loadingFailed', (event) => touch(event.requestId, (request) => (request.failed = true)));

  const requests = () => [...log.values()];
  return {
    requests,
    settled: async (quietMs) => {
      const inFlight = () => requests().some((r) => r.finishedAt === undefined && !r.failed);
      while (inFlight() || performance.now() - lastActivity < quietMs) await pause();
    },
    finished: async (match) => {
      const deadline = performance.now() + FINISH_TIMEOUT_MS;
      for (;;) {
        const request = requests().find(match);
        if (request?.failed) throw new Error(`${request.url} failed`);
        if (request?.finishedAt !== undefined) return { ...request, finishedAt: request.finishedAt };
        if (performance.now() > deadline) throw new Error(`no such request finished within ${FINISH_TIMEOUT_MS} ms`);
        await pause();
      }
    },
  };
}

export const kib = (bytes: number) => bytes / 1024;
