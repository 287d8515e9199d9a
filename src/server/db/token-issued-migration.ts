import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** When each token was issued, which IAM's "validate token" answers (`GET /v3/auth/tokens`); unknown for older tokens. */
export const tokenIssuedAt: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('tokens').addColumn('issued_at', 'bigint').execute();
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
