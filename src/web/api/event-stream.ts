import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import { AUTH_TOKEN_HEADER, REQUEST_ID_HEADER } from '@/contracts/auth';
import { unauthorized } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';
import { getSession } from '@/web/api/session';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export interface StreamHandlers {
  onEvent: (event: EventSourceMessage) => void;
  onState: (state: StreamState) => void;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Reads the workspace's event stream until `signal` aborts: with `fetch`, so the token travels in
 * a header, never in a URL as EventSource would need. A dropped stream is opened again after a
 * jittered, growing pause, from the last event it delivered (`Last-Event-ID`); a 401 ends the
 * session and leads to sign-in instead of a loop of reconnects.
 */
export async function readEventStream(handlers: StreamHandlers, signal: AbortSignal, lastEventId?: string): Promise<void> {
  let lastId = lastEventId;
  let retryMs = FIRST_RETRY_MS;
  handlers.onState('connecting');
  while (!signal.aborted) {
    const session = getSession();
    if (!session) return;
    try {
      const response = await fetch(consoleInstancePath('/events'), {
        headers: { accept: 'text/event-stream', [AUTH_TOKEN_HEADER]: session.token, ...(lastId && { 'last-event-id': lastId }) },
        signal,
        cache: 'no-store',
      });
      if (response.status === 401) {
        unauthorized(response.headers.get(REQUEST_ID_HEADER) ?? undefined);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`the event stream answered HTTP ${response.status}`);
      handlers.onState('live');
      retryMs = FIRST_RETRY_MS;
      const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
      const reader = events.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        if (read.value.id) lastId = read.value.id;
        handlers.onEvent(read.value);
      }
    } catch {
      // Dropped, refused or unreachable: the loop tries again, unless the reader went away.
    }
    if (signal.aborted) return;
    handlers.onState('reconnecting');
    await wait(retryMs * (0.5 + Math.random()), signal);
    retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
  }
}
