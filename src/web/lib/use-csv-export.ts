import { t } from '@lingui/core/macro';
import { useRef, useState } from 'react';
import { ApiError, explainError } from '@/web/api/api-error';
import type { QueryValue } from '@/web/api/client';

export type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number } | { phase: 'done'; rows: number } | { phase: 'failed'; message: string };

/** A CSV export the service streams (`path` with `query`): saved as `namePrefix` and the time once whole, counting its rows as they come; cancellable. */
export function useCsvExport(path: string, query: Record<string, QueryValue>, namePrefix: string) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const start = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'running', rows: 0 });
    try {
      // Loaded on the first export: the list's first load does without it. One module, not two: a second
      // import() of lib/csv, which other chunks import statically, split the bundler's runtime into a chunk of its own.
      const { saveCsvExport } = await import('@/web/api/download-csv');
      let rows = 0;
      await saveCsvExport(path, query, namePrefix, (n) => setState({ phase: 'running', rows: (rows = n) }), controller.signal);
      setState({ phase: 'done', rows });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ phase: 'failed', message: error instanceof ApiError ? explainError(error) : t`The export failed.` });
    }
  };
  const cancel = () => {
    running.current?.abort();
    setState({ phase: 'idle' });
  };
  return { state, start, cancel };
}
