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
  const titleId = useId();
  const blocked = roleReason(useRole(), 'admin', 'read the audit log');
  return (
    <section className="card detail-card" aria-labelledby={titleId}>
      <h2 id={titleId}>Change history</h2>
      {blocked ? <p className="cell-muted">{blocked}</p> : <Records deviceId={deviceId} />}
    </section>
  );
}

function Records({ deviceId }: { deviceId: number }) {
  const [offset, setOffset] = useState(0);
  const query = useQuery(auditQueries.page({ device_id: deviceId }, { offset, limit: PAGE }));
  const { data } = query;
  if (query.isError) return <p role="alert">The history could not be read: {describeError(query.error)}</p>;
  if (!data) return <p className="cell-muted">Loading the history…</p>;
  if (data.total === 0) return <p className="cell-muted">No changes recorded for this device.</p>;
  return (
    <>
      <AuditRecordsTable records={data.items} busy={query.isPlaceholderData} caption="Changes to this device, newest first" showDevice={false} />
      <OffsetPaging label="Change history pages" pageSize={PAGE} offset={offset} shown={data.items.length} total={data.total} onPage={setOffset} />
    </>
  );
}
