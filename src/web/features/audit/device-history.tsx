import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { auditQueries } from '@/web/api/audit-records';
import { describeError } from '@/web/api/api-error';
import { AuditRecordsTable } from '@/web/components/audit-records-table';
import { OffsetPaging } from '@/web/components/offset-paging';
import { roleReason, useRole } from '@/web/lib/role-rules';

const PAGE = 20;

/** The device's audit records, newest first, with the before and after of each change; the audit log is the admins'. */
export function DeviceHistory({ deviceId }: { deviceId: number }) {
  const { t } = useLingui();
  const titleId = useId();
  const blocked = roleReason(useRole(), 'admin', t`read the audit log`);
  return (
    <section className="card detail-card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Trans>Change history</Trans>
      </h2>
      {blocked ? <p className="cell-muted">{blocked}</p> : <Records deviceId={deviceId} />}
    </section>
  );
}

function Records({ deviceId }: { deviceId: number }) {
  const { t } = useLingui();
  const [offset, setOffset] = useState(0);
  const query = useQuery(auditQueries.page({ device_id: deviceId }, { offset, limit: PAGE }));
  const { data } = query;
  if (query.isError) {
    const reason = describeError(query.error);
    return (
      <p role="alert">
        <Trans>The history could not be read: {reason}</Trans>
      </p>
    );
  }
  if (!data) {
    return (
      <p className="cell-muted">
        <Trans>Loading the history…</Trans>
      </p>
    );
  }
  if (data.total === 0) {
    return (
      <p className="cell-muted">
        <Trans>No changes recorded for this device.</Trans>
      </p>
    );
  }
  return (
    <>
      <AuditRecordsTable records={data.items} busy={query.isPlaceholderData} caption={t`Changes to this device, newest first`} showDevice={false} />
      <OffsetPaging label={t`Change history pages`} pageSize={PAGE} offset={offset} shown={data.items.length} total={data.total} onPage={setOffset} />
    </>
  );
}
