import { useSyncExternalStore } from 'react';
import { isOutboxLoaded, outboxLoadError, outboxSnapshot, subscribeOutbox } from './outbox-store.ts';
import type { OutboxRecord } from './outbox-types.ts';
import { type SyncStatus, subscribeSyncStatus, syncStatusSnapshot } from './sync-status.ts';

/** The outbox as it is on disk: every record of this device not yet on the server. */
export function useOutbox(): { records: readonly OutboxRecord[]; isLoaded: boolean; error: string | null } {
  const records = useSyncExternalStore(subscribeOutbox, outboxSnapshot);
  const isLoaded = useSyncExternalStore(subscribeOutbox, isOutboxLoaded);
  const error = useSyncExternalStore(subscribeOutbox, outboxLoadError);
  return { records, isLoaded, error };
}

/** The signed-in officer's records in the outbox (another officer's wait for them to sign in). */
export function useMyOutbox(userId: string, caseId?: string): OutboxRecord[] {
  const { records } = useOutbox();
  return records.filter((r) => r.userId === userId && (caseId === undefined || r.caseId === caseId));
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribeSyncStatus, syncStatusSnapshot);
}
