import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import type { LiveSessions } from '../deps';
import { END_REASONS, type EndReason } from './end-reasons';

const CHANNEL = 'device_session_ends';
/** A notification carries at most 8,000 bytes: 500 ids of up to 14 digits stay well inside. */
const IDS_PER_NOTICE = 500;
const REASONS: ReadonlySet<string> = new Set(Object.values(END_REASONS));
const RELISTEN_MS = 1_000;

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
  #client: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly local: LiveSessions,
    private readonly db: Kysely<Database>,
    private readonly databaseUrl: string,
    private readonly onError: (error: unknown) => void,
  ) {}

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
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    const drop = (error?: unknown) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      void client.end().catch(() => {});
      if (error) this.onError(error);
      this.#listenLater();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', ({ payload }) => {
      const notice = parseNotice(payload);
      if (notice) this.local.end(notice.ids, notice.reason).catch(this.onError);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.#client = client;
  }

  #listenLater(): void {
    if (this.#closed) return;
    this.#retry = setTimeout(() => {
      this.start().catch((error: unknown) => {
        this.onError(error);
        this.#listenLater();
      });
    }, RELISTEN_MS);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
