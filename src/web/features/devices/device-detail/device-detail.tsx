import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { Device } from '@/contracts/device';
import type { DeviceDetail as DeviceDetailData } from '@/web/api/get-device';
import { PageLoading } from '@/web/components/page-loading';
import { StatusBadge } from '@/web/components/status-badge';
import { NODE_TYPE_LABELS } from '@/web/lib/format';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { DeviceActions } from '@/web/features/devices/device-detail/device-actions';
import { DeviceSections } from '@/web/features/devices/device-detail/device-sections';
import '@/web/features/devices/device-detail/device-detail.css';

// The form (react-hook-form, the resolver) loads when the operator starts editing.
const DeviceEditForm = lazy(() => import('@/web/features/devices/device-edit/device-edit-form'));

interface DeviceDetailProps {
  detail: DeviceDetailData;
  actions?: ((device: Device) => ReactNode) | undefined;
}

/** One device: its header and actions, the edit form when open, and every field grouped for reading. */
export function DeviceDetail({ detail, actions }: DeviceDetailProps) {
  const { device } = detail;
  // The version the edit starts from (with its ETag), kept while the page refreshes underneath.
  const [editing, setEditing] = useState<DeviceDetailData | null>(null);
  const [notice, setNotice] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useDocumentTitle(device.device_name);

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
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Devices</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{device.device_name}</span>
      </nav>
      <header className="device-header">
        <div className="device-heading">
          <h1 id="device-title">{device.device_name}</h1>
          <p className="device-summary">
            <StatusBadge kind="online" value={device.online_status} />
            <StatusBadge kind="status" value={device.status} />
            {device.frozen && <StatusBadge kind="frozen" value />}
            {device.connected && <span className="device-flag">Connected</span>}
            {device.mirrored && <span className="device-flag">Mirrored</span>}
            <span className="cell-muted">
              {NODE_TYPE_LABELS[device.node_type]} · {device.product.product_name} · ID {device.id}
            </span>
          </p>
        </div>
        <DeviceActions
          device={device}
          editing={editing !== null}
          onEdit={startEditing}
          onDone={setNotice}
          editButtonRef={editButton}
          extra={actions?.(device)}
        />
      </header>
      <p className={notice ? 'page-notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      {editing && (
        <Suspense fallback={<PageLoading label="Opening the form…" />}>
          <DeviceEditForm
            detail={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice('Changes saved.');
            }}
          />
        </Suspense>
      )}
      <DeviceSections device={device} />
    </section>
  );
}
