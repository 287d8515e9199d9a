import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useParams, type RouteComponentProps } from 'wouter';
import { describeError, isApiError } from '@/web/api/api-error';
import { deviceQueries } from '@/web/api/device-queries';
import { PageLoading } from '@/web/components/page-loading';
import { DeviceDetail, type DeviceActionsSlot, type DeviceEditorProps } from '@/web/features/devices/device-detail/device-detail';
import { DeviceNotFound } from '@/web/features/devices/device-detail/device-not-found';

// The route may render the page as its component (passing params) or as a child with `actions`.
export interface DeviceDetailPageProps extends Partial<RouteComponentProps<{ id: string }>> {
  /** Actions for the page's action bar, composed by the app (status, force offline, freeze, replace key). */
  actions?: DeviceActionsSlot;
  /** The edit form, composed by the app. */
  editor?: ComponentType<DeviceEditorProps>;
  /** The device's audit history, composed by the app. */
  history?: ComponentType<{ deviceId: number }>;
}

// 001: a device id is an integer of at most 17 digits; anything else names no device.
const parseId = (raw: string): number | undefined => (/^\d{1,17}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined);

/** /devices/:id: the device, a clear page when there is none, and a retry when it could not be read. */
export default function DeviceDetailPage({ actions, editor, history }: DeviceDetailPageProps) {
  const { t } = useLingui();
  const { id = '' } = useParams<{ id: string }>();
  const deviceId = parseId(id);
  const query = useQuery({ ...deviceQueries.detail(deviceId ?? -1), enabled: deviceId !== undefined });

  if (deviceId === undefined || (isApiError(query.error) && query.error.status === 404)) return <DeviceNotFound id={id} />;
  if (query.data) return <DeviceDetail key={deviceId} detail={query.data} actions={actions} editor={editor} history={history} />;
  if (query.isError) {
    const reason = describeError(query.error);
    return (
      <section className="page" aria-labelledby="device-error-title">
        <h1 id="device-error-title">
          <Trans>Device {id}</Trans>
        </h1>
        <div role="alert" className="form-alert">
          <Trans>The device could not be read: {reason}</Trans>{' '}
          <button type="button" className="button" onClick={() => void query.refetch()}>
            <Trans>Retry</Trans>
          </button>
        </div>
      </section>
    );
  }
  return <PageLoading label={t`Loading the device…`} />;
}
