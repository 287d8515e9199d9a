import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { describeError } from '@/web/api/api-error';
import { deviceSummaryQuery } from '@/web/api/get-device-summary';
import { ActivityChart } from '@/web/features/devices/fleet-summary/activity-chart';
import { ConnectionDonut } from '@/web/features/devices/fleet-summary/connection-donut';
import { SummaryPart } from '@/web/features/devices/fleet-summary/summary-part';
import '@/web/features/devices/fleet-summary/fleet-summary.css';

type SummaryFilter = Pick<DeviceFilterQuery, 'online_status' | 'status' | 'frozen'>;

interface FleetSummaryProps {
  /** The list's current filters: the counts follow them. */
  filters: DeviceFilterQuery;
  onFilter: (patch: SummaryFilter) => void;
}

/**
 * The fleet at a glance, by connection, administrative state and freeze (each part filters the
 * list), and the last hour's connections and disconnections.
 * The counts follow the event stream (features/live/): no poll.
 * Memoised: a sort click, a page turn or a list refetch leaves its props as they were.
 */
export const FleetSummary = memo(function FleetSummary({ filters, onFilter }: FleetSummaryProps) {
  const query = useQuery({ ...deviceSummaryQuery(filters), placeholderData: keepPreviousData });
  const summary = query.data;
  if (!summary) {
    return (
      <section className="card fleet-summary fleet-summary-empty" aria-label="Fleet summary">
        {query.isError ? <p role="alert">Fleet counts are unavailable: {describeError(query.error)}</p> : <p role="status">Counting devices…</p>}
      </section>
    );
  }
  const { total } = summary;
  const toggle = <K extends keyof SummaryFilter>(key: K, value: SummaryFilter[K]) =>
    onFilter({ [key]: filters[key] === value ? undefined : value } as SummaryFilter);
  const part = (label: string, tone: string, count: number, key: keyof SummaryFilter, value: string) => (
    <SummaryPart
      key={label}
      label={label}
      tone={tone}
      count={count}
      total={total}
      pressed={filters[key] === value}
      onClick={() => toggle(key, value as never)}
    />
  );
  const online = summary.online_status;

  return (
    <section className="card fleet-summary" aria-labelledby="fleet-summary-title" aria-busy={query.isPlaceholderData || undefined}>
      <h2 id="fleet-summary-title" className="visually-hidden">
        Fleet summary
      </h2>
      <ConnectionDonut
        total={total}
        slices={[
          { tone: 'online', count: online['1'] },
          { tone: 'offline', count: online['2'] },
          { tone: 'inactive', count: online['0'] },
        ]}
      />
      <div className="summary-group" role="group" aria-labelledby="summary-connection">
        <h3 id="summary-connection">Connection</h3>
        {part('Online', 'online', online['1'], 'online_status', '1')}
        {part('Offline', 'offline', online['2'], 'online_status', '2')}
        {part('Inactive', 'inactive', online['0'], 'online_status', '0')}
      </div>
      <div className="summary-group" role="group" aria-labelledby="summary-admin">
        <h3 id="summary-admin">Administrative state</h3>
        {part('Enabled', 'enabled', summary.status['0'], 'status', '0')}
        {part('Disabled', 'disabled', summary.status['1'], 'status', '1')}
      </div>
      <div className="summary-group" role="group" aria-labelledby="summary-frozen">
        <h3 id="summary-frozen">Freeze</h3>
        {part('Frozen', 'frozen', summary.frozen, 'frozen', 'true')}
        {part('Not frozen', 'thawed', total - summary.frozen, 'frozen', 'false')}
      </div>
      <ActivityChart />
    </section>
  );
});
