/**
 * Keeps each organisation's key pair in IndexedDB. A non-extractable CryptoKey survives
 * structured cloning into IndexedDB without its bytes ever becoming readable by script.
 */
const DB_NAME = 'device-console-keys';
const STORE = 'org-keys';

export interface StoredOrgKey {
  orgId: string;
  privateKey: CryptoKey;
  publicKeyPem: string;
  fingerprint: string;
  createdAt: number;
}

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'orgId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function loadOrgKey(orgId: string): Promise<StoredOrgKey | undefined> {
  return (await run<StoredOrgKey | undefined>('readonly', (s) => s.get(orgId))) ?? undefined;
}

export async function saveOrgKey(key: StoredOrgKey): Promise<void> {
  await run('readwrite', (s) => s.put(key));
}
