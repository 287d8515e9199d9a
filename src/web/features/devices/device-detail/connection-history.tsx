import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ConnectionEvent } from '@/contracts/console';
import { describeError } from '@/web/api/api-error';
import { deviceConnectionsQuery } from '@/web/api/get-device-connections';
import { formatCount, formatDateTimeSeconds } from '@/web/lib/format';

export const HISTORY_PAGE = 20;

const EVENT_LABELS: Record<ConnectionEvent['event'], string> = { connected: 'Connected', disconnected: 'Disconnected', refused: 'Refused' };

/** Every connect, disconnect and refused attempt of the device, newest first, a page at a time. */
export function ConnectionHistory({ deviceId }: { deviceId: number }) {
  const titleId = useId();
  const [offset, setOffset] = useState(0);
  const query = useQuery(deviceConnectionsQuery(deviceId, { offset, limit: HISTORY_PAGE }));
  const total = query.data?.total ?? 0;
  const items = query.data?.items ?? [];

  return (
    <section className="card detail-card connection-history" aria-labelledby={titleId}>
      <h2 id={titleId}>Connection history</h2>
      {query.isError && (
        <p role="alert" className="field-error">
          The history could not be read: {describeError(query.error)}
        </p>
      )}
      {query.isSuccess && total === 0 && <p className="cell-muted">No connections yet: this device has never connected.</p>}
      {items.length > 0 && (
        <>
          <table className="history-table" aria-labelledby={titleId} aria-busy={query.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Reason</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={`${item.at}-${i}`}>
                  <td>{formatDateTimeSeconds(item.at)}</td>
                  <td>
                    <span className={`history-event history-${item.event}`}>{EVENT_LABELS[item.event]}</span>
                  </td>
                  <td>{item.reason}</td>
                  <td className="mono">{item.client_ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="history-paging">
            <span className="cell-muted">
              {formatCount(offset + 1)}–{formatCount(offset + items.length)} of {formatCount(total)}
            </span>
            <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - HISTORY_PAGE))}>
              Newer
            </button>
            <button type="button" className="button" disabled={offset + HISTORY_PAGE >= total} onClick={() => setOffset(offset + HISTORY_PAGE)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}
