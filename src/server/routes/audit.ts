import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod/mini';
import { auditFilterSchema, auditQuerySchema, type AuditPage } from '@/contracts/operators';
import { auditCsv } from '../audit/audit-csv';
import { auditRecordsMatching, readAuditPage } from '../audit/audit-queries';
import { EXPORT_COMPRESSION } from '../answer-compression';
import type { AppDeps } from '../deps';
import { romaBadParameter } from '../errors';
import { issuePath, parseInput } from '../parse-input';
import { romaInstance } from './roma-input';

const AUDIT = 'console.audit.list';
const badQuery = (issue: z.core.$ZodIssue | undefined) => romaBadParameter(AUDIT, issuePath(issue) || 'query', 'query');

/** DESIGN.md "Operators": the workspace's audit log, read by admins; nothing edits or deletes a record. */
export function auditRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/console/v1/projects/:project_id/instances/:instance_id/audit', { config: { role: 'admin' } }, async (request): Promise<AuditPage> => {
      const workspace = romaInstance(request, AUDIT);
      return readAuditPage(deps.db, workspace.id, parseInput(auditQuerySchema, request.query, badQuery));
    });

    app.get('/console/v1/projects/:project_id/instances/:instance_id/audit/export', { config: { role: 'admin' }, compress: EXPORT_COMPRESSION }, async (request, reply) => {
      const workspace = romaInstance(request, AUDIT);
      const filter = parseInput(auditFilterSchema, request.query, badQuery);
      const csv = auditCsv(auditRecordsMatching(deps.db, workspace.id, filter));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${workspace.instance_id}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });
  };
}
