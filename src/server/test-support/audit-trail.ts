import { AuditTrail } from '../audit/audit-trail';

/** The audit trail of a change made by a test directly, not through a route. */
export const testTrail = (username = 'tester', workspaceId = 'default') =>
  new AuditTrail({ workspaceId, username, requestId: null, clientIp: null, runId: null });
