import { useRef, useState } from 'react';
import { ApiError } from '@/web/api/api-error';
import type { QueryValue } from '@/web/api/client';

export type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number } | { phase: 'done'; rows: number } | { phase: 'failed'; message: string };

/** A CSV export the service streams (`path` with `query`): saved as `fileName` once whole, counting its rows as they come; cancellable. */
export function useCsvExport(path: string, query: Record<string, QueryValue>, fileName: string) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const start = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'running', rows: 0 });
    try {
      // Loaded on the first export: the list's first load does without it.
      const [{ downloadCsv }, { saveBlob }] = await Promise.all([import('@/web/api/download-csv'), import('@/web/lib/csv')]);
      let rows = 0;
      const blob = await downloadCsv(path, query, (n) => setState({ phase: 'running', rows: (rows = n) }), controller.signal);
      saveBlob(fileName, blob);
      setState({ phase: 'done', rows });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ phase: 'failed', message: error instanceof ApiError ? error.message : 'The export failed.' });
    }
  };
  const cancel = () => {
    running.current?.abort();
    setState({ phase: 'idle' });
  };
  return { state, start, cancel };
}

/** A file name with the time of the export, e.g. `devices-2026-12-05-08-30-00.csv`. */
export const stampedName = (prefix: string) => `${prefix}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
