/**
 * The field page's IndexedDB database on the device: `outbox` keeps the records not yet on the
 * server and `blobs` their photos and videos (apart, so that noting an upload's progress never
 * rewrites a video), `snapshots` the last copy of the officer's cases, so the page still shows them
 * with no network. Kept when the page closes; lost only if the browser's site data is cleared.
 */
const dbName = 'zhixing-field';
const dbVersion = 1;
export const outboxStore = 'outbox';
export const blobStore = 'blobs';
export const snapshotStore = 'snapshots';
export type StoreName = typeof outboxStore | typeof blobStore | typeof snapshotStore;

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName, dbVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(outboxStore))
        db.createObjectStore(outboxStore, { keyPath: 'clientKey' });
      if (!db.objectStoreNames.contains(blobStore)) db.createObjectStore(blobStore);
      if (!db.objectStoreNames.contains(snapshotStore))
        db.createObjectStore(snapshotStore, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('IndexedDB could not be opened'));
    };
  });
  return opening;
}

function done<T>(request: IDBRequest<T>, tx: IDBTransaction): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Resolved when the transaction has committed: what was written is on disk.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export async function readOne<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await openDb();
  const tx = db.transaction(store, 'readonly');
  const value: unknown = await done(tx.objectStore(store).get(key), tx);
  return value === undefined ? undefined : (value as T);
}

export async function readAll<T>(store: StoreName): Promise<T[]> {
  const db = await openDb();
  const tx = db.transaction(store, 'readonly');
  const values: unknown[] = await done(tx.objectStore(store).getAll(), tx);
  return values as T[];
}

export async function writeOne<T>(store: StoreName, value: T): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  await done(tx.objectStore(store).put(value), tx);
}

/**
 * Several writes in one transaction: all are committed, or none (a record and its files are saved
 * and removed together). Resolves when the transaction has committed.
 */
export async function writeTogether(
  stores: StoreName[],
  write: (store: (name: StoreName) => IDBObjectStore) => void,
): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(stores, 'readwrite');
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  write((name) => tx.objectStore(name));
  await committed;
}
