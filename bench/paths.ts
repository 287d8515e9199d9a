import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A tool installed by `npm ci`, run without npx (which adds a process and its warnings). */
export const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);

/** The built console the service serves. */
export const WEB_ROOT = path.join(ROOT, 'dist/web');

/** The file name main.ts gives the SQLite database inside DATA_DIR. */
export const SQLITE_FILE = 'device-console.sqlite';
