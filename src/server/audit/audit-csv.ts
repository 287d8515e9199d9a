import type { Readable } from 'node:stream';
import { AUDIT_CSV_COLUMNS, type AuditRecord } from '@/contracts/operators';
import { csvStream } from '../csv-stream';

/** The records as CSV in AUDIT_CSV_COLUMNS' order, streamed a batch at a time as they are read. */
export const auditCsv = (batches: AsyncIterable<AuditRecord[]>): Readable => csvStream(AUDIT_CSV_COLUMNS, batches);
