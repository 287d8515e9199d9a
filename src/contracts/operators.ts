import { z } from 'zod/mini';
import { roleSchema } from './roles';

export { ROLE_PERMISSIONS, roleAllows, roleSchema, type Role } from './roles';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;
export const usernameSchema = z
  .string()
  .check(
    z.minLength(3, 'A user name has at least 3 characters.'),
    z.maxLength(64, 'A user name has at most 64 characters.'),
    z.regex(USERNAME_PATTERN, 'A user name may contain only letters, digits, dots, hyphens and underscores.'),
  );

/** OWASP ASVS 2.1.1: at least 12 characters; no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z
  .string()
  .check(z.minLength(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`), z.maxLength(128, 'A password has at most 128 characters.'));

/** A password that holds the user's own name is the first one guessed. */
export const passwordHoldsName = (password: string, username: string): boolean =>
  username.length > 0 && password.toLowerCase().includes(username.toLowerCase());
export const PASSWORD_HOLDS_NAME = 'The password must not contain the user name.';

export const userSchema = z.object({
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  /** ISO 8601. */
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const listUsersResponseSchema = z.object({ total: z.int(), items: z.array(userSchema) });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

/** `POST /console/v1/users`. */
export const createUserBodySchema = z
  .object({ username: usernameSchema, password: passwordSchema, role: roleSchema })
  .check(z.refine((body) => !passwordHoldsName(body.password, body.username), { message: PASSWORD_HOLDS_NAME, path: ['password'] }));
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** `PATCH /console/v1/users/{username}`: at least one of the two. */
export const updateUserBodySchema = z
  .object({ role: z.optional(roleSchema), disabled: z.optional(z.boolean()) })
  .check(z.refine((body) => body.role !== undefined || body.disabled !== undefined, { message: 'Give role or disabled.' }));
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** `PUT /console/v1/users/{username}/password`: one's own needs the current password; an admin may set anyone's without it. */
export const setPasswordBodySchema = z.object({
  currentPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  password: passwordSchema,
});
export type SetPasswordBody = z.infer<typeof setPasswordBodySchema>;

export const userPathSchema = z.object({ username: z.string().check(z.minLength(1), z.maxLength(64)) });

/** What an audit record says was done; device actions carry the device. */
export const auditActionSchema = z.enum([
  'device.update',
  'device.modifyStatus',
  'device.replaceKey',
  'device.freeze',
  'device.unfreeze',
  'device.forceOffline',
  'task.create',
  'task.stop',
  'task.retry',
  'orgKey.set',
  'user.create',
  'user.update',
  'user.setPassword',
  'token.revoke',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** `refused`: the service said no (role, rule, bad input) and changed nothing; `failed`: a bulk run could not do it to this device. */
export const auditResultSchema = z.enum(['success', 'refused', 'failed']);
export type AuditResult = z.infer<typeof auditResultSchema>;

const fieldValuesSchema = z.record(z.string(), z.unknown());

export const auditRecordSchema = z.object({
  id: z.int(),
  /** ISO 8601. */
  at: z.string(),
  /** Null when the caller could not be identified (no token, a forged or revoked one). */
  user: z.nullable(z.string()),
  action: auditActionSchema,
  result: auditResultSchema,
  device_id: z.nullable(z.int()),
  /** What the call named when it is not a known device: a user, a task, an id that matched nothing. */
  target: z.nullable(z.string()),
  error_code: z.nullable(z.string()),
  error_msg: z.nullable(z.string()),
  /** The changed fields before and after; never a secret. */
  before: z.nullable(fieldValuesSchema),
  after: z.nullable(fieldValuesSchema),
  /** Shared by every record of one bulk call or batch task. */
  run_id: z.nullable(z.string()),
  request_id: z.nullable(z.string()),
  client_ip: z.nullable(z.string()),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

const isoTime = z.iso.datetime({ offset: true });

/** The filters of the Audit page and of its CSV export. */
export const auditFilterSchema = z.object({
  device_id: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  user: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  action: z.optional(auditActionSchema),
  result: z.optional(auditResultSchema),
  from: z.optional(isoTime),
  to: z.optional(isoTime),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** `GET /console/v1/projects/{p}/instances/{i}/audit`: newest first. */
export const auditQuerySchema = z.extend(auditFilterSchema, {
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({ total: z.int(), items: z.array(auditRecordSchema) });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** `GET …/audit/export`: every record the filter matches as CSV, newest first, in this column order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'user',
  'action',
  'result',
  'device_id',
  'target',
  'error_code',
  'error_msg',
  'before',
  'after',
  'run_id',
  'request_id',
  'client_ip',
] as const satisfies ReadonlyArray<keyof AuditRecord>;
