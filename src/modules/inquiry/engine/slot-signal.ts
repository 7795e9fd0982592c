import { EventEmitter } from 'node:events';
import type { Database } from '../../../platform/db.ts';

/**
 * Wakes an institution's driver when a concurrency slot frees up: an answer recorded anywhere (the
 * API process receiving a callback, another worker polling) issues `NOTIFY inquiry_slot, '<code>'`
 * in its transaction; each worker listens once and passes it on to its drivers. A per-institution
 * counter lets a driver notice a notice that came while it was busy claiming.
 */
export const slotChannel = 'inquiry_slot';

type Listener = {
  emitter: EventEmitter;
  versions: Map<string, number>;
  ready: Promise<void>;
  unlisten: Promise<(() => Promise<void>) | null>;
};
const listeners = new WeakMap<Database, Listener>();

function listen(database: Database): Listener {
  let listener = listeners.get(database);
  if (!listener) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    const versions = new Map<string, number>();
    const unlisten = database.sql
      .listen(slotChannel, (code) => {
        versions.set(code, (versions.get(code) ?? 0) + 1);
        emitter.emit(code);
      })
      .then(
        (meta) => meta.unlisten,
        () => null,
      );
    const ready = unlisten.then(() => undefined);
    listener = { emitter, versions, ready, unlisten };
    listeners.set(database, listener);
  }
  return listener;
}

/** How many slot notices for `code` this process has seen; taken before a claim so that none is missed. */
export function slotVersion(database: Database, code: string): number {
  return listen(database).versions.get(code) ?? 0;
}

/**
 * Resolves on a slot notice for `code` newer than `version` (at once if one came meanwhile), after
 * `timeoutMs`, or when `signal` aborts.
 */
export async function waitForSlot(
  database: Database,
  code: string,
  timeoutMs: number,
  version: number,
  signal?: AbortSignal,
): Promise<void> {
  const { emitter, versions, ready } = listen(database);
  await ready;
  if ((versions.get(code) ?? 0) !== version || signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      emitter.off(code, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    emitter.on(code, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Stops listening (before the database is closed, so no reconnect races the shutdown). */
export async function closeSlotSignal(database: Database): Promise<void> {
  const listener = listeners.get(database);
  if (!listener) return;
  listeners.delete(database);
  const unlisten = await listener.unlisten;
  await unlisten?.().catch(() => undefined);
}
