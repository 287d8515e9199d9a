import { sql, type Kysely } from 'kysely';
import { PostgresListener } from '../db/postgres-listener';
import type { Database } from '../db/schema';
import type { LiveSessions } from '../deps';
import { END_REASONS, type EndReason } from './end-reasons';

const CHANNEL = 'device_session_ends';
/** A notification carries at most 8,000 bytes: 500 ids of up to 14 digits stay well inside. */
const IDS_PER_NOTICE = 500;
const REASONS: ReadonlySet<string> = new Set(Object.values(END_REASONS));

interface Notice {
  reason: EndReason;
  ids: number[];
}

function parseNotice(payload: string | undefined): Notice | undefined {
  try {
    const { reason, ids } = JSON.parse(payload ?? '') as Partial<Notice>;
    if (typeof reason !== 'string' || !REASONS.has(reason) || !Array.isArray(ids) || !ids.every(Number.isSafeInteger)) return undefined;
    return { reason: reason as EndReason, ids };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL, several replicas: a device's session lives on whichever replica's gateway it
 * connected to, while a force-offline, a freeze, a disabling or a key replacement may arrive at
 * any replica. Sessions this replica holds end here as before; the rest are announced on a
 * channel every replica listens to, and the one that holds them ends them, writing the end with
 * its reason. A replica whose listening connection drops opens it again within a second; what
 * was announced meanwhile is lost to it, and those devices' next CONNECT or keep-alive decides.
 */
export class SharedSessionEnds implements LiveSessions {
  readonly #listener: PostgresListener;

  constructor(
    private readonly local: LiveSessions,
    private readonly db: Kysely<Database>,
    databaseUrl: string,
    onError: (error: unknown) => void,
  ) {
    this.#listener = new PostgresListener({
      databaseUrl,
      channel: CHANNEL,
      onNotification: (payload) => {
        const notice = parseNotice(payload);
        if (notice) this.local.end(notice.ids, notice.reason).catch(onError);
      },
      onError,
    });
  }

  isLive(deviceId: number): boolean {
    return this.local.isLive(deviceId);
  }

  async end(deviceIds: Iterable<number>, reason: EndReason): Promise<Set<number>> {
    const asked = [...deviceIds];
    const ended = await this.local.end(asked, reason);
    const elsewhere = asked.filter((id) => !ended.has(id));
    for (let from = 0; from < elsewhere.length; from += IDS_PER_NOTICE) {
      const notice: Notice = { reason, ids: elsewhere.slice(from, from + IDS_PER_NOTICE) };
      await sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(notice)})`.execute(this.db);
    }
    return ended;
  }

  /** Listens for the other replicas' announcements; resolves once listening. */
  start(): Promise<void> {
    return this.#listener.start();
  }

  close(): Promise<void> {
    return this.#listener.close();
  }
}
