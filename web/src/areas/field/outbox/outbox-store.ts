import { blobStore, outboxStore, readAll, readOne, writeTogether } from '../storage/field-db.ts';
import { type OutboxRecord, outboxBlobKey } from './outbox-types.ts';

/**
 * The outbox in IndexedDB, and the list the page shows of it. Every change is written to the
 * database first (and committed) and only then shown: what the page says is queued is on disk.
 */
type Listener = () => void;

let records: readonly OutboxRecord[] = [];
let loaded = false;
let loadError: string | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function subscribeOutbox(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function outboxSnapshot(): readonly OutboxRecord[] {
  return records;
}

export function isOutboxLoaded(): boolean {
  return loaded;
}

/** Why the outbox could not be read (no IndexedDB: private mode, storage disabled), or null. */
export function outboxLoadError(): string | null {
  return loadError;
}

/** Reads the outbox again (another tab may have changed it). */
export async function reloadOutbox(): Promise<void> {
  try {
    const all = await readAll<OutboxRecord>(outboxStore);
    records = all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    loadError = null;
  } catch (error) {
    loadError = error instanceof Error ? error.message : String(error);
  }
  loaded = true;
  emit();
}

/** Saves a new record with its files' bytes, all or nothing. */
export async function addOutboxRecord(record: OutboxRecord, blobs: Blob[]): Promise<void> {
  await writeTogether([outboxStore, blobStore], (store) => {
    store(outboxStore).put(record);
    for (const [index, blob] of blobs.entries())
      store(blobStore).put(blob, outboxBlobKey(record.clientKey, index));
  });
  await reloadOutbox();
}

export function readOutboxRecord(clientKey: string): Promise<OutboxRecord | undefined> {
  return readOne<OutboxRecord>(outboxStore, clientKey);
}

export function readOutboxBlob(clientKey: string, index: number): Promise<Blob | undefined> {
  return readOne<Blob>(blobStore, outboxBlobKey(clientKey, index));
}

/** Changes a record as it is on disk now (another tab may have moved it on); gone, nothing is written. */
export async function updateOutboxRecord(
  clientKey: string,
  change: (record: OutboxRecord) => OutboxRecord,
): Promise<OutboxRecord | undefined> {
  const current = await readOutboxRecord(clientKey);
  if (!current) return undefined;
  const next = change(current);
  await writeTogether([outboxStore], (store) => {
    store(outboxStore).put(next);
  });
  await reloadOutbox();
  return next;
}

/** Removes a record and its files' bytes: once the server has it, or when the officer discards it. */
export async function removeOutboxRecord(clientKey: string): Promise<void> {
  const current = await readOutboxRecord(clientKey);
  await writeTogether([outboxStore, blobStore], (store) => {
    store(outboxStore).delete(clientKey);
    for (const file of current?.files ?? []) store(blobStore).delete(outboxBlobKey(clientKey, file.index));
  });
  await reloadOutbox();
}
