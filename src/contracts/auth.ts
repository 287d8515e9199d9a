import { z } from 'zod/mini';
import { roleSchema } from './roles';

/** `POST /v3/auth/tokens` body; the token comes back in the `X-Subject-Token` header. */
export const signInBodySchema = z.object({
  username: z.string().check(z.minLength(1, 'Enter your user name.'), z.maxLength(64)),
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(128)),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const signInResponseSchema = z.object({
  token: z.object({
    expires_at: z.string(),
    issued_at: z.string(),
    user: z.object({ name: z.string() }),
    /** IAM's roles of the token; here the one role of the user (DESIGN.md "Operators"). */
    roles: z.array(z.object({ name: roleSchema })),
    project: z.object({ id: z.string() }),
    instance: z.object({ id: z.string() }),
    org: z.object({ id: z.string() }),
  }),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const SUBJECT_TOKEN_HEADER = 'x-subject-token';
export const AUTH_TOKEN_HEADER = 'x-auth-token';
export const REQUEST_ID_HEADER = 'x-request-id';
