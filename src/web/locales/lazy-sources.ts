/**
 * The console's sources that only ever load behind a lazy boundary (lazyWithMessages): the pages
 * past the device list and the dialogs. Their messages make the second catalog, fetched with the
 * first of them, so the first load carries only the list's and the shell's strings (figure 1).
 * A build fails when one of these lands in the first load (vite.config.ts). Paths from the
 * repository's root; those ending in '/' are folders.
 */
export const LAZY_SOURCES: readonly string[] = [
  'src/web/app/device-page-route.tsx',
  'src/web/features/audit/',
  'src/web/features/devices/bulk-force-offline/force-offline-dialog.tsx',
  'src/web/features/devices/bulk-force-offline/force-offline-progress.tsx',
  'src/web/features/devices/bulk-force-offline/run-force-offline.ts',
  'src/web/features/devices/bulk-task/bulk-task-dialog.tsx',
  'src/web/features/devices/bulk-task/task-words.ts',
  'src/web/features/devices/device-detail/',
  'src/web/features/devices/device-edit/',
  'src/web/features/devices/force-offline/',
  'src/web/features/devices/freeze/bulk-freeze-dialog.tsx',
  'src/web/features/devices/freeze/freeze-action.tsx',
  'src/web/features/devices/freeze/freeze-dialog.tsx',
  'src/web/features/devices/freeze/run-bulk-freeze.ts',
  'src/web/features/devices/key-replacement/',
  'src/web/features/devices/status-modification/',
  'src/web/features/shortcuts/shortcuts-help.tsx',
  'src/web/features/tasks/',
  'src/web/features/users/',
  'src/web/components/audit-labels.ts',
  'src/web/components/audit-records-table.tsx',
  'src/web/components/bulk-result-report.tsx',
  'src/web/components/bulk-run-footer.tsx',
  'src/web/components/modal-dialog.tsx',
  'src/web/components/offset-paging.tsx',
];

/** Whether `file` (from the repository's root) is one of LAZY_SOURCES. */
export const isLazySource = (file: string): boolean => LAZY_SOURCES.some((source) => (source.endsWith('/') ? file.startsWith(source) : file === source));
