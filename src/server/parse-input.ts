import type { z } from 'zod/mini';
import type { ApiFailure } from './errors';

/**
 * Parses a request part with a contract schema; on failure throws the refusal `onInvalid` builds
 * from the first issue, so each family can word it as its document does.
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  onInvalid: (issue: z.core.$ZodIssue | undefined) => ApiFailure,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw onInvalid(result.error.issues[0]);
}

/** `a.b[0]` style path of a zod issue, for error messages that name the field. */
export function issuePath(issue: z.core.$ZodIssue | undefined): string {
  if (!issue || issue.path.length === 0) return '';
  return issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
