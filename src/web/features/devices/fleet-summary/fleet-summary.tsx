import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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

interface PartWords {
  label: MessageDescriptor;
  /** The button's title while it does not filter. */
  only: MessageDescriptor;
  /** Its title while it filters: pressing it again shows all. */
  all: MessageDescriptor;
}

const PARTS = {
  online: { label: msg`Online`, only: msg`Show only online devices`, all: msg`Show all, not only online` },
  offline: { label: msg`Offline`, only: msg`Show only offline devices`, all: msg`Show all, not only offline` },
  inactive: { label: msg`Inactive`, only: msg`Show only inactive devices`, all: msg`Show all, not only inactive` },
  enabled: { label: msg`Enabled`, only: msg`Show only enabled devices`, all: msg`Show all, not only enabled` },
  disabled: { label: msg`Disabled`, only: msg`Show only disabled devices`, all: msg`Show all, not only disabled` },
  frozen: { label: msg`Frozen`, only: msg`Show only frozen devices`, all: msg`Show all, not only frozen` },
  thawed: { label: msg`Not frozen`, only: msg`Show only not frozen devices`, all: msg`Show all, not only not frozen` },
} satisfies Record<string, PartWords>;

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
  const { t, i18n } = useLingui();
  const query = useQuery({ ...deviceSummaryQuery(filters), placeholderData: keepPreviousData });
  const summary = query.data;
  if (!summary) {
    const reason = query.isError ? describeError(query.error) : '';
    return (
      <section className="card fleet-summary fleet-summary-empty" aria-label={t`Fleet summary`}>
        {query.isError ? (
          <p role="alert">
            <Trans>Fleet counts are unavailable: {reason}</Trans>
          </p>
        ) : (
          <p role="status">
            <Trans>Counting devices…</Trans>
          </p>
        )}
      </section>
    );
  }
  const { total } = summary;
  const toggle = <K extends keyof SummaryFilter>(key: K, value: SummaryFilter[K]) =>
    onFilter({ [key]: filters[key] === value ? undefined : value } as SummaryFilter);
  const part = (tone: keyof typeof PARTS, count: number, key: keyof SummaryFilter, value: string) => (
    <SummaryPart
      key={tone}
      label={i18n._(PARTS[tone].label)}
      title={i18n._(PARTS[tone].only)}
      pressedTitle={i18n._(PARTS[tone].all)}
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
        <Trans>Fleet summary</Trans>
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
        <h3 id="summary-connection">
          <Trans>Connection</Trans>
        </h3>
        {part('online', online['1'], 'online_status', '1')}
        {part('offline', online['2'], 'online_status', '2')}
        {part('inactive', online['0'], 'online_status', '0')}
      </div>
      <div className="summary-group" role="group" aria-labelledby="summary-admin">
        <h3 id="summary-admin">
          <Trans>Administrative state</Trans>
        </h3>
        {part('enabled', summary.status['0'], 'status', '0')}
        {part('disabled', summary.status['1'], 'status', '1')}
      </div>
      <div className="summary-group" role="group" aria-labelledby="summary-frozen">
        <h3 id="summary-frozen">
          <Trans>Freeze</Trans>
        </h3>
        {part('frozen', summary.frozen, 'frozen', 'true')}
        {part('thawed', total - summary.frozen, 'frozen', 'false')}
      </div>
      <ActivityChart />
    </section>
  );
});
