import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { deviceReportQuery } from '@/web/api/get-device-report';
import { formatDateTime } from '@/web/lib/format';

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
  const { data } = useQuery(deviceReportQuery(deviceId));
  if (!data) return null;
  const services = servicesOf(data.report);
  return (
    <section className="card detail-card latest-report" aria-labelledby={titleId}>
      <h2 id={titleId}>Latest report</h2>
      {data.reported_at === null ? (
        <p className="cell-muted">No report yet.</p>
      ) : (
        <>
          <p className="cell-muted">Reported {formatDateTime(data.reported_at)}</p>
          {services ? (
            <dl className="detail-list">
              {services.flatMap((service) =>
                Object.entries(service.properties).map(([name, value]) => (
                  <div key={`${service.service_id}.${name}`} className="detail-row">
                    <dt>
                      {service.service_id} · {name}
                    </dt>
                    <dd className="mono">{show(value)}</dd>
                  </div>
                )),
              )}
            </dl>
          ) : (
            <pre className="report-text">{typeof data.report === 'string' ? data.report : JSON.stringify(data.report, null, 2)}</pre>
          )}
        </>
      )}
    </section>
  );
}
