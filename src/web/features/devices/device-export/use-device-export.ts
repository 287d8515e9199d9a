import { useRef, useState } from 'react';
import type { DeviceFilterQuery, DeviceSort } from '@/contracts/roma';
import { ApiError } from '@/web/api/api-error';
import { consoleInstancePath } from '@/web/api/device-paths';
import { downloadCsv } from '@/web/api/download-csv';
import { saveBlob } from '@/web/lib/csv';

export type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number } | { phase: 'done'; rows: number } | { phase: 'failed'; message: string };

const fileName = () => `devices-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;

/** Exports every device the filter matches, as the service streams it, counting the rows as they come. */
export function useDeviceExport(filters: DeviceFilterQuery, sort: DeviceSort | undefined) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const start = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'running', rows: 0 });
    try {
      let rows = 0;
      const blob = await downloadCsv(consoleInstancePath('/devices/export'), { ...filters, sort }, (n) => setState({ phase: 'running', rows: (rows = n) }), controller.signal);
      saveBlob(fileName(), blob);
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
