/** Where the outbox's sync stands, for the page's badge and buttons. */
export type SyncProblem =
  /** No network (the browser is offline, or a request could not reach the server). */
  | 'offline'
  /** The session is gone: the officer signs in again, then the outbox is sent. */
  | 'signedOut'
  /** The server failed or is busy (5xx, 429): tried again later. */
  | 'server'
  /** The device's storage could not be read or written. */
  | 'storage';

export type SyncStatus = {
  running: boolean;
  problem: SyncProblem | null;
  /** The record being sent, and how many of its files' bytes the server has. */
  current: { clientKey: string; sentBytes: number; totalBytes: number } | null;
  /** How many records this page has sent since it opened. */
  sentCount: number;
};

type Listener = () => void;

let status: SyncStatus = { running: false, problem: null, current: null, sentCount: 0 };
const listeners = new Set<Listener>();

export function subscribeSyncStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function syncStatusSnapshot(): SyncStatus {
  return status;
}

export function setSyncStatus(change: Partial<SyncStatus>): void {
  status = { ...status, ...change };
  for (const listener of listeners) listener();
}
