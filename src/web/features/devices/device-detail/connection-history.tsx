import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ConnectionEvent } from '@/contracts/console';
import { deviceQueries } from '@/web/api/device-queries';
import { formatDateTimeSeconds } from '@/web/lib/format';
import { OffsetPaging } from '@/web/components/offset-paging';
import { ReadState } from '@/web/features/devices/device-detail/read-failed';

/** Entries a page; the service keeps the latest 100 a device. */
const HISTORY_PAGE = 20;

const EVENT_LABELS: Record<ConnectionEvent['event'], MessageDescriptor> = { connected: msg`Connected`, disconnected: msg`Disconnected`, refused: msg`Refused` };

/** Every connect, disconnect and refused attempt of the device, newest first, a page at a time. */
export function ConnectionHistory({ deviceId }: { deviceId: number }) {
  const titleId = useId();
  const { t, i18n } = useLingui();
  const [offset, setOffset] = useState(0);
  // Paging keeps the page on screen until the next one came, so the table does not jump.
  const query = useQuery({ ...deviceQueries.connections(deviceId, { offset, limit: HISTORY_PAGE }), placeholderData: keepPreviousData });
  const { data } = query;

  return (
    <section className="card detail-card connection-history" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Trans>Connection history</Trans>
      </h2>
      <ReadState query={query} loading={t`Loading the history…`} what={t`The history`} />
      {data?.total === 0 && <p className="cell-muted">
          <Trans>No connections yet: this device has never connected.</Trans>
        </p>}
      {data && data.items.length > 0 && (
        <table className="history-table" aria-labelledby={titleId} aria-busy={query.isPlaceholderData}>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Time</Trans>
              </th>
              <th scope="col">
                <Trans>Event</Trans>
              </th>
              <th scope="col">
                <Trans>Reason</Trans>
              </th>
              <th scope="col">
                <Trans>Address</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item, i) => (
              // Two events can share a millisecond (a refusal right after a drop), so the position breaks the tie.
              <tr key={`${item.at}-${i}`}>
                <td>
                  <time dateTime={new Date(item.at).toISOString()}>{formatDateTimeSeconds(item.at)}</time>
                </td>
                <td>
                  <span className={`history-event history-${item.event}`}>{i18n._(EVENT_LABELS[item.event])}</span>
                </td>
                <td>{item.reason}</td>
                <td className="mono">{item.client_ip ?? <span className="cell-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* Kept while a page is empty (the history was cut back under it), so Newer still leads back. */}
      {data && data.total > 0 && <OffsetPaging label={t`Connection history pages`} pageSize={HISTORY_PAGE} offset={offset} shown={data.items.length} total={data.total} onPage={setOffset} />}
    </section>
  );
}
