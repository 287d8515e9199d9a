import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { DeviceReport } from '@/contracts/console';
import { deviceQueries } from '@/web/api/device-queries';
import { formatDateTimeSeconds } from '@/web/lib/format';
import { ReadState } from '@/web/features/devices/device-detail/read-failed';

interface ServiceReport {
  service_id: string;
  properties: Record<string, unknown>;
}

/** IoTDA's report body, `{services: [{service_id, properties}]}`; anything else is shown as it came. */
function servicesOf(report: unknown): ServiceReport[] | undefined {
  const services = (report as { services?: unknown } | null)?.services;
  if (!Array.isArray(services)) return undefined;
  const valid = services.every((s) => typeof s?.service_id === 'string' && typeof s?.properties === 'object' && s.properties !== null);
  return valid ? (services as ServiceReport[]) : undefined;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** What the device last reported on `$oc/devices/{id}/sys/properties/report`. */
export function LatestReport({ deviceId }: { deviceId: number }) {
  const titleId = useId();
  const { t } = useLingui();
  const query = useQuery(deviceQueries.report(deviceId));
  return (
    <section className="card detail-card latest-report" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Trans>Latest report</Trans>
      </h2>
      <ReadState query={query} loading={t`Loading the report…`} what={t`The report`} />
      {query.data && <ReportBody data={query.data} />}
    </section>
  );
}

function ReportBody({ data }: { data: DeviceReport }) {
  if (data.reported_at === null) return (
      <p className="cell-muted">
        <Trans>No report yet.</Trans>
      </p>
    );
  const services = servicesOf(data.report);
  const isoTime = new Date(data.reported_at).toISOString();
  const reportedAt = formatDateTimeSeconds(data.reported_at);
  return (
    <>
      <p className="cell-muted">
        <Trans>
          Reported <time dateTime={isoTime}>{reportedAt}</time>
        </Trans>
      </p>
      {services ? (
        <dl className="report-services">
          {services.map((service, i) => (
            // A device may repeat a service in one report; the position keeps the keys apart.
            <div key={`${service.service_id}-${i}`}>
              <dt>{service.service_id}</dt>
              <dd>
                <ServiceProperties properties={service.properties} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="report-text">{typeof data.report === 'string' ? data.report : JSON.stringify(data.report, null, 2)}</pre>
      )}
    </>
  );
}

function ServiceProperties({ properties }: { properties: Record<string, unknown> }) {
  const entries = Object.entries(properties);
  if (entries.length === 0) return (
      <span className="cell-muted">
        <Trans>No properties</Trans>
      </span>
    );
  return (
    <dl className="detail-list">
      {entries.map(([name, value]) => (
        <div key={name} className="detail-row">
          <dt>{name}</dt>
          <dd className="mono">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
