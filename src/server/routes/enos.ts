import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AuditAction } from '@/contracts/operators';
import { z } from 'zod/mini';
import { ENOS_CODES, ENOS_MESSAGES } from '@/contracts/enos';
import type { AppDeps } from '../deps';
import { enosFailure } from '../errors';
import { parseInput } from '../parse-input';
import { handleModifyDeviceStatus } from './enos-modify-status';
import { handleReplaceDevice } from './enos-replace-device';

const HANDLERS = { modifyDeviceStatus: handleModifyDeviceStatus, replaceDevice: handleReplaceDevice } as const;
const actionQuerySchema = z.object({ action: z.enum(['modifyDeviceStatus', 'replaceDevice']) });
const AUDITED: Record<keyof typeof HANDLERS, AuditAction> = { modifyDeviceStatus: 'device.modifyStatus', replaceDevice: 'device.replaceKey' };
/** A call with no known action changes nothing and names no action: it is not an audited change. */
const auditedAction = (request: FastifyRequest) => {
  const parsed = actionQuerySchema.safeParse(request.query);
  return parsed.success ? AUDITED[parsed.data.action] : undefined;
};

/** 000 and 002 share one path and differ only in `?action=`, so one route dispatches on it. */
export function enosRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.post('/connect-service/v2.4/devices', { config: { role: 'operator', audit: auditedAction } }, async (request, reply) => {
      const { action } = parseInput(actionQuerySchema, request.query, () =>
        enosFailure(ENOS_CODES.invalidArguments, `${ENOS_MESSAGES.invalidArguments}: action must be modifyDeviceStatus or replaceDevice.`),
      );
      return HANDLERS[action](deps, request, reply);
    });
  };
}
