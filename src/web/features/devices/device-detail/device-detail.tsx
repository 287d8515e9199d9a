import { Trans, useLingui } from '@lingui/react/macro';
import { Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { Device } from '@/contracts/device';
import type { DeviceDetail as DeviceDetailData } from '@/web/api/get-device';
import { PageLoading } from '@/web/components/page-loading';
import { StatusBadge } from '@/web/components/status-badge';
import { NODE_TYPE_LABELS } from '@/web/lib/format';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';
import { ConnectionHistory } from '@/web/features/devices/device-detail/connection-history';
import { DeviceActions } from '@/web/features/devices/device-detail/device-actions';
import { LatestReport } from '@/web/features/devices/device-detail/latest-report';
import { DeviceSections } from '@/web/features/devices/device-detail/device-sections';
import '@/web/features/devices/device-detail/device-detail.css';
import '@/web/components/detail-header.css';

/** What the page gives the edit form the app plugs in. */
export interface DeviceEditorProps {
  detail: DeviceDetailData;
  onClose: () => void;
  onSaved: (device: Device) => void;
}

/** Actions the app adds to the action bar; `onDone` lets them announce what they did. */
export type DeviceActionsSlot = (device: Device, onDone: (message: string) => void) => ReactNode;

interface DeviceDetailProps {
  detail: DeviceDetailData;
  actions?: DeviceActionsSlot | undefined;
  /** The edit form, composed by the app (loaded lazily there). */
  editor?: ComponentType<DeviceEditorProps> | undefined;
  /** The device's audit history, composed by the app. */
  history?: ComponentType<{ deviceId: number }> | undefined;
}

/** One device: its header and actions, the edit form when open, and every field grouped for reading. */
export function DeviceDetail({ detail, actions, editor: Editor, history: HistorySection }: DeviceDetailProps) {
  const { device } = detail;
  const { t, i18n } = useLingui();
  // The version the edit starts from (with its ETag), kept while the page refreshes underneath.
  const [editing, setEditing] = useState<DeviceDetailData | null>(null);
  const [notice, setNotice] = useState('');
  const deviceId = device.id;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useDocumentTitle(device.device_name);
  const blocker = useChangeBlocker(device, t`edit devices`);
  const editBlocked = Editor === undefined ? t`Editing is not available here.` : blocker;

  // Back to the Edit button when the form closes, so keyboard focus is not lost with it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const startEditing = () => {
    setNotice('');
    setEditing(detail);
  };

  return (
    <section className="page device-page" aria-labelledby="device-title">
      <nav aria-label={t`Breadcrumb`} className="breadcrumb">
        <Link href="/">
          <Trans>Devices</Trans>
        </Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{device.device_name}</span>
      </nav>
      <header className="detail-header">
        <div className="detail-heading">
          <h1 id="device-title">{device.device_name}</h1>
          <p className="device-summary">
            <StatusBadge kind="online" value={device.online_status} />
            <StatusBadge kind="status" value={device.status} />
            {device.frozen && <StatusBadge kind="frozen" value />}
            {device.connected && <span className="device-flag">
                <Trans>Connected</Trans>
              </span>}
            {device.mirrored && <span className="device-flag">
                <Trans>Mirrored</Trans>
              </span>}
            <span className="cell-muted">
              {i18n._(NODE_TYPE_LABELS[device.node_type])} · {device.product.product_name} · <Trans>ID {deviceId}</Trans>
            </span>
          </p>
        </div>
        <DeviceActions
          editBlocked={editBlocked}
          editing={editing !== null}
          onEdit={startEditing}
          editButtonRef={editButton}
          extra={actions?.(device, setNotice)}
        />
      </header>
      <p className={notice ? 'page-notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      {editing && Editor && (
        <Suspense fallback={<PageLoading label={t`Opening the form…`} />}>
          <Editor
            detail={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice(t`Changes saved.`);
            }}
          />
        </Suspense>
      )}
      <DeviceSections device={device} />
      <div className="live-grid">
        <ConnectionHistory deviceId={device.id} />
        <LatestReport deviceId={device.id} />
      </div>
      {HistorySection && <HistorySection deviceId={device.id} />}
    </section>
  );
}
