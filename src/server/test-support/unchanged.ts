import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/schema';
import { snapshot } from './fixtures';

/** Runs a request that must be refused and asserts it changed no row. */
export async function unchangedBy<T>(db: Kysely<Database>, action: () => Promise<T>): Promise<T> {
  const before = await snapshot(db);
  const result = await action();
  expect(await snapshot(db)).toEqual(before);
  return result;
}
