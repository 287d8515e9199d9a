import { Suspense, useState } from 'react';
import { useLocation } from 'wouter';
import { useShortcutKeys } from '@/web/lib/use-shortcut-keys';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The list of shortcuts loads when someone asks for it; the listener stays a few lines.
const ShortcutsHelp = lazyWithMessages(() => import('@/web/features/shortcuts/shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })));

/**
 * The console's shortcuts that work on every page: ? lists them all, "g d" goes to the device
 * list and "g t" to Tasks. The device list binds its own (/, j, k, x) while it is shown.
 */
export default function KeyboardShortcuts() {
  const [, navigate] = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcutKeys({
    '?': () => setHelpOpen(true),
    'g d': () => navigate('/'),
    'g t': () => navigate('/tasks'),
  });
  if (!helpOpen) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsHelp onClose={() => setHelpOpen(false)} />
    </Suspense>
  );
}
