import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { orgPathSchema, registerPublicKeyBodySchema, type PublicKeyResponse } from '@/contracts/console';
import { findPublicKey, savePublicKey } from '../db/public-keys';
import type { AppDeps } from '../deps';
import { ApiFailure, ROMA_CODES } from '../errors';
import { issuePath, parseInput } from '../parse-input';

/** DESIGN.md "The secret": RSA of 2048 bits or more. The ceiling keeps one registration from making every later replace slow. */
const MIN_MODULUS_BITS = 2048;
const MAX_MODULUS_BITS = 16384;

const badKey = (reason: string) => new ApiFailure(400, ROMA_CODES.badParameter, `The public key is not usable: ${reason}`);
const noKey = (orgId: string) =>
  new ApiFailure(404, ROMA_CODES.resourceNotFound, `The resource does not exist. No public key is registered for organisation ${orgId}.`);

/** The org in the path, which must be the caller's own: another tenant's org answers as a missing resource. */
function ownOrg(request: FastifyRequest): string {
  const { orgId } = parseInput(orgPathSchema, request.params, (issue) => new ApiFailure(400, ROMA_CODES.badParameter, `${issuePath(issue)}: ${issue?.message}`));
  if (orgId !== request.session.workspace.org_id) throw noKey(orgId);
  return orgId;
}

/** Parses a PEM and checks it is an RSA-OAEP-capable key the browser's WebCrypto made: RSA, SPKI, 2048+ bits. */
function parseRsaPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem', type: 'spki' });
  } catch {
    throw badKey('it is not a readable SPKI PEM.');
  }
  if (key.asymmetricKeyType !== 'rsa') throw badKey(`it must be an RSA key, not ${key.asymmetricKeyType ?? 'unknown'}.`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS || bits > MAX_MODULUS_BITS) {
    throw badKey(`its modulus must be ${MIN_MODULUS_BITS} to ${MAX_MODULUS_BITS} bits, not ${bits}.`);
  }
  return key;
}

export function publicKeyRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.put('/console/v1/orgs/:orgId/public-key', { config: { role: 'admin', audit: 'orgKey.set' } }, async (request, reply) => {
      const orgId = ownOrg(request);
      const body = parseInput(registerPublicKeyBodySchema, request.body, (issue) =>
        new ApiFailure(400, ROMA_CODES.badParameter, `${issuePath(issue) || 'body'}: ${issue?.message}`),
      );
      const key = parseRsaPublicKey(body.publicKey);
      // Stored re-encoded, so what GET returns is exactly the key the fingerprint names, whatever wrapping was sent.
      const der = key.export({ type: 'spki', format: 'der' });
      const fingerprint = createHash('sha256').update(der).digest('hex');
      await deps.db.transaction().execute(async (trx) => {
        const before = await findPublicKey(trx, orgId);
        await savePublicKey(trx, { org_id: orgId, public_key: key.export({ type: 'spki', format: 'pem' }).toString(), fingerprint, updated_at: Date.now() });
        // The fingerprint names the key; the key itself is public but long, and says nothing more.
        await request.audit.record(trx, [{ action: 'orgKey.set', target: orgId, before: before ? { fingerprint: before.fingerprint } : null, after: { fingerprint } }]);
      });
      return reply.status(204).send();
    });

    app.get('/console/v1/orgs/:orgId/public-key', { config: { role: 'viewer' } }, async (request) => {
      const orgId = ownOrg(request);
      const stored = await findPublicKey(deps.db, orgId);
      if (!stored) throw noKey(orgId);
      const answer: PublicKeyResponse = { publicKey: stored.public_key, fingerprint: stored.fingerprint };
      return answer;
    });
  };
}
