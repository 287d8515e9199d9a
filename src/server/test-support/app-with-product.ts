import { afterAll, beforeAll } from 'vitest';
import type { ProductRow } from '../db/schema';
import { addProduct } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/** The file's test app with one product of the default workspace: made before its tests, closed after them. */
export function useAppWithProduct(options: { gateway?: boolean } = {}): { readonly t: TestApp; readonly product: ProductRow } {
  const made = {} as { t: TestApp; product: ProductRow };
  beforeAll(async () => {
    made.t = await createTestApp(options);
    made.product = await addProduct(made.t.db);
  });
  afterAll(() => made.t.close());
  return made;
}
