import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';

export interface EventStreamReader {
  status: number;
  contentType: string | null;
  body: string;
  /** The next event not yet taken that satisfies `wanted`; those before it are taken too. */
  next: (wanted?: (event: EventSourceMessage) => boolean, timeoutMs?: number) => Promise<EventSourceMessage>;
  /** The events received and not yet taken. */
  pending: () => EventSourceMessage[];
  comments: string[];
  /** Resolves once the stream has ended, closed by either side. */
  ended: Promise<void>;
  close: () => void;
}

/** Opens the console's event stream over real HTTP, as the console does: `fetch`, the token in a header. */
export async function openEventStream(url: string, token: string | undefined, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(token && { [AUTH_TOKEN_HEADER]: token }), ...headers },
    signal: controller.signal,
  });
  const received: EventSourceMessage[] = [];
  const comments: string[] = [];
  let notify: (() => void) | undefined;
  const parser = createParser({
    onEvent: (event) => {
      received.push(event);
      notify?.();
    },
    onComment: (comment) => comments.push(comment),
  });
  const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const body = isStream ? '' : await response.text();
  const ended =
    isStream && response.body
      ? (async () => {
          const decoder = new TextDecoder();
          try {
            for await (const chunk of response.body!) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
          } catch {
            // Closed by the test, or by the service: the events read so far stay readable.
          }
        })()
      : Promise.resolve();

  const next = (wanted: (event: EventSourceMessage) => boolean = () => true, timeoutMs = 5_000) =>
    new Promise<EventSourceMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        notify = undefined;
        reject(new Error(`no such event within ${timeoutMs} ms; received: ${JSON.stringify(received)}`));
      }, timeoutMs);
      const check = () => {
        const at = received.findIndex(wanted);
        if (at < 0) return;
        const [event] = received.splice(0, at + 1).slice(-1);
        clearTimeout(timer);
        notify = undefined;
        resolve(event!);
      };
      notify = check;
      check();
    });

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
    next,
    pending: () => [...received],
    comments,
    ended,
    close: () => controller.abort(),
  };
}
