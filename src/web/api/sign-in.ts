import { t } from '@lingui/core/macro';
import { signInResponseSchema, SUBJECT_TOKEN_HEADER, type SignInBody } from '@/contracts/auth';
import { ApiError, CLIENT_ERROR_CODES } from '@/web/api/api-error';
import { apiFetch } from '@/web/api/client';
import { startSession, type Session } from '@/web/api/session';

/** IAM-style sign-in: the token comes back in `X-Subject-Token`, the workspace in the body. */
export async function signIn(body: SignInBody): Promise<Session> {
  const { data, headers, requestId } = await apiFetch({ method: 'POST', path: '/v3/auth/tokens', body, schema: signInResponseSchema, anonymous: true });
  const token = headers.get(SUBJECT_TOKEN_HEADER);
  if (!token) {
    throw new ApiError({ status: 201, code: CLIENT_ERROR_CODES.badResponse, message: t`The service signed you in but sent no token.`, requestId });
  }
  return startSession(token, data);
}
