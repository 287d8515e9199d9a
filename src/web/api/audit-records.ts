import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { auditPageSchema, type AuditFilter } from '@/contracts/operators';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';

export interface AuditWindow {
  offset: number;
  limit: number;
}

export const auditQueries = {
  all: () => ['audit'] as const,
  page: (filter: AuditFilter, window: AuditWindow) =>
    queryOptions({
      queryKey: [...auditQueries.all(), filter, window],
      queryFn: async ({ signal }) => (await apiFetch({ path: consoleInstancePath('/audit'), query: { ...filter, ...window }, schema: auditPageSchema, signal })).data,
      // A page turn keeps the rows on screen until the next page is in.
      placeholderData: keepPreviousData,
    }),
};

/** The export's address: every record the filter matches, as CSV. */
export const auditExportPath = () => consoleInstancePath('/audit/export');
