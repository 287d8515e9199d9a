import { PostgresDialect, PostgresDriver, RawNode, type DatabaseConnection, type Driver, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type PostgresDialectConfig, type QueryId, type QueryResult, type RootOperationNode, type TransactionSettings, type UnknownRow } from 'kysely';

/** Whether the SQL text is a SELECT: a read, which neither changes data nor ends a transaction. */
export const isSelect = (text: string): boolean => /^\s*select\b/i.test(text);

/** Statements that may have written, counted, each told to `changed` once it ran. */
class Writes {
  count = 0;

  constructor(readonly changed: () => void) {}

  wrote(): void {
    this.count++;
    this.changed();
  }
}

/**
 * Tells `changed` once a transaction that may have written has committed. Whether it wrote is told
 * by the count of writes having moved since it began: a write of a concurrent transaction counts
 * too, which costs kept answers only, never correctness. Read-only transactions (the list's, on
 * every call) leave kept answers be.
 */
class PostgresDriverTellingCommits extends PostgresDriver {
  readonly #writesAtBegin = new WeakMap<DatabaseConnection, number>();

  constructor(
    config: PostgresDialectConfig,
    private readonly writes: Writes,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    this.#writesAtBegin.set(connection, this.writes.count);
    await super.beginTransaction(connection, settings);
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    if (this.#writesAtBegin.get(connection) !== this.writes.count) this.writes.changed();
  }
}

class PostgresDialectTellingCommits extends PostgresDialect {
  constructor(
    private readonly config: PostgresDialectConfig,
    private readonly writes: Writes,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new PostgresDriverTellingCommits(this.config, this.writes);
  }
}

/**
 * Counts each statement that may have written, which outside a transaction has committed by then:
 * anything but a SELECT, and any query it did not see built (a compiled one).
 */
class WritesTold implements KyselyPlugin {
  readonly #reads = new WeakSet<QueryId>();

  constructor(private readonly writes: Writes) {}

  transformQuery({ queryId, node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode' || (RawNode.is(node) && isSelect(node.sqlFragments[0] ?? ''))) this.#reads.add(queryId);
    return node;
  }

  transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.#reads.has(queryId)) this.writes.wrote();
    return Promise.resolve(result);
  }
}

/**
 * Kysely on PostgreSQL, telling `changed` as soon as a write of this process is committed: PostgreSQL
 * announces it to listeners only some milliseconds later (notified-data-version.ts), and the
 * operator who made the change must see it in the next answer (issue 20, read-your-writes).
 */
export function postgresTellingWrites(config: PostgresDialectConfig, changed: () => void) {
  const writes = new Writes(changed);
  return { dialect: new PostgresDialectTellingCommits(config, writes), plugins: [new WritesTold(writes)] };
}
