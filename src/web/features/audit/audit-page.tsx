import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditFilter } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { auditExportPath, auditQueries } from '@/web/api/audit-records';
import { AuditRecordsTable } from '@/web/components/audit-records-table';
import { CsvExportButton } from '@/web/components/csv-export-button';
import { OffsetPaging } from '@/web/components/offset-paging';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { AuditFilters } from '@/web/features/audit/audit-filters';
import '@/web/features/audit/audit.css';

const PAGE = 50;

/** /audit: every change and refused change in the workspace, newest first, filtered and paged, and all of it as CSV. */
export default function AuditPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Audit log`);
  const blocked = roleReason(useRole(), 'admin', t`read the audit log`);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>
            <Trans>Audit log</Trans>
          </h1>
          <p className="page-subtitle">
            <Trans>Who changed what, when, and what was refused, recorded with each change.</Trans>
          </p>
        </div>
      </div>
      {blocked ? <p className="card audit-blocked">{blocked}</p> : <AuditRecords />}
    </div>
  );
}

function AuditRecords() {
  const { t } = useLingui();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const query = useQuery(auditQueries.page(filter, { offset, limit: PAGE }));
  const { data } = query;
  const apply = (next: AuditFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const reason = describeError(query.error);
  return (
    <section className="card audit-card" aria-label={t`Audit records`}>
      <div className="audit-toolbar">
        <AuditFilters onApply={apply} />
        <CsvExportButton path={auditExportPath()} query={{ ...filter }} fileName="audit" noun="record" total={data?.total} />
      </div>
      {query.isError && (
        <p role="alert">
          <Trans>The audit log could not be read: {reason}</Trans>
        </p>
      )}
      {!data && !query.isError && (
        <p className="cell-muted">
          <Trans>Loading the audit log…</Trans>
        </p>
      )}
      {data?.total === 0 && (
        <p className="cell-muted audit-empty">
          <Trans>No records match.</Trans>
        </p>
      )}
      {data && data.items.length > 0 && <AuditRecordsTable records={data.items} busy={query.isPlaceholderData} caption={t`Audit records, newest first`} />}
      {data && data.total > 0 && <OffsetPaging label={t`Audit pages`} pageSize={PAGE} offset={offset} shown={data.items.length} total={data.total} onPage={setOffset} />}
    </section>
  );
}
