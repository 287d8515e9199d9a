import { useLingui } from '@lingui/react/macro';
import { Suspense, useState } from 'react';
import type { Device } from '@/contracts/device';
import { ActionButton } from '@/web/components/action-button';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';
import '@/web/features/devices/key-replacement/key-replacement.css';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The dialog and its crypto load only when an operator opens it.
const ReplaceKeyDialog = lazyWithMessages(() => import('@/web/features/devices/key-replacement/replace-key-dialog'));

/** "Replace key…" for the device page's action bar (002). */
export function ReplaceKeyAction({ device }: { device: Device }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  // Keys are the admins' to hand out (DESIGN.md "Operators").
  const blocked = useChangeBlocker(device, t`replace device keys`, 'admin');
  return (
    <>
      <ActionButton label={t`Replace key…`} onClick={() => setOpen(true)} unavailable={blocked} />
      {open && (
        <Suspense fallback={null}>
          <ReplaceKeyDialog device={device} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
