import { t } from '@lingui/core/macro';
import { AUTH_TOKEN_HEADER, REQUEST_ID_HEADER } from '@/contracts/auth';
import { ApiError, CLIENT_ERROR_CODES } from '@/web/api/api-error';
import { currentSession, envelopeError, toUrl, unauthorized, type QueryValue } from '@/web/api/client';
import { saveBlob, stampedName } from '@/web/lib/csv';

const NEWLINE = 10;
const BLOB_STEP_BYTES = 1024 * 1024;

/**
 * Reads a CSV the service streams (the device list's or the audit log's export) chunk by chunk,
 * telling `onRows` how many rows have arrived, and answers it as a Blob. No timeout: a large export
 * takes as long as it takes.
 */
export async function downloadCsv(path: string, query: Record<string, QueryValue>, onRows: (rows: number) => void, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(toUrl(path, query), { headers: { accept: 'text/csv', [AUTH_TOKEN_HEADER]: currentSession().token }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: t`The service cannot be reached. Check your connection and retry.` });
  }
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  if (!response.ok || !response.body) {
    const text = await response.text();
    const failure = envelopeError(response.status, text ? (JSON.parse(text) as unknown) : undefined, requestId);
    if (failure?.status === 401) throw unauthorized(failure.requestId);
    throw failure ?? new ApiError({ status: response.status, code: CLIENT_ERROR_CODES.http, message: t`The export failed.`, requestId });
  }
  // What has arrived moves into a Blob each megabyte: the browser keeps Blobs outside the tab's
  // memory (on disk when large), so the tab never holds more than that much of the export.
  let saved = new Blob([]);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // The header row is not a device.
  let rows = -1;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending.push(value);
    pendingBytes += value.byteLength;
    if (pendingBytes >= BLOB_STEP_BYTES) {
      saved = new Blob([saved, ...(pending as BlobPart[])]);
      pending = [];
      pendingBytes = 0;
    }
    for (const byte of value) if (byte === NEWLINE) rows++;
    onRows(rows);
  }
  return new Blob([saved, ...(pending as BlobPart[])], { type: 'text/csv;charset=utf-8' });
}

/** The export as the browser's download, named `namePrefix` and the time it was asked for, once the whole of it has arrived. */
export async function saveCsvExport(path: string, query: Record<string, QueryValue>, namePrefix: string, onRows: (rows: number) => void, signal?: AbortSignal): Promise<void> {
  const fileName = stampedName(namePrefix);
  saveBlob(fileName, await downloadCsv(path, query, onRows, signal));
}
