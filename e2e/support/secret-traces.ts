import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DATA_DIR } from './config';

const dataDir = E2E_DATA_DIR;
const databaseFile = path.join(dataDir, 'device-console.sqlite');

/** Everything the service has logged so far (playwright.config.ts sends its stdout there). */
export const serviceLog = (): string => readFileSync(path.join(dataDir, 'service.log'), 'utf8');

/** Every text value of every row of every table, read beside the running service. */
export function databaseTexts(): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((table) =>
      (db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as Array<Record<string, unknown>>).flatMap((row) =>
        Object.values(row).filter((v): v is string => typeof v === 'string'),
      ),
    );
  } finally {
    db.close();
  }
}

/** The database files' raw bytes (main file and WAL), which would also hold text in freed pages. */
export const databaseBytes = (): string =>
  [databaseFile, `${databaseFile}-wal`]
    .filter(existsSync)
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');

/** Every file of the service's data folder (database, WAL, master key, provisioning file, log) by name, as raw text. */
export const dataFolderFiles = (): Map<string, string> =>
  new Map(
    readdirSync(dataDir)
      .filter((name) => statSync(path.join(dataDir, name)).isFile())
      .map((name) => [name, readFileSync(path.join(dataDir, name)).toString('latin1')]),
  );

/** Web storage and every IndexedDB store of the page's origin, as text (CryptoKeys by their properties). */
export function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [{ ...localStorage }, { ...sessionStorage }];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        dump.push({ db: name, store, rows });
      }
      db.close();
    }
    return JSON.stringify(dump, (_key, value: unknown) =>
      value instanceof CryptoKey ? { type: value.type, extractable: value.extractable, algorithm: value.algorithm, usages: value.usages } : value,
    );
  });
}
