import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect } from 'react';
import { fieldKeys } from '../../api/field.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { refreshOfflineCopies } from './field-queries.ts';
import { outboxSnapshot, reloadOutbox } from './outbox/outbox-store.ts';
import { syncOutbox } from './outbox/sync.ts';
import { setSyncStatus, syncStatusSnapshot } from './outbox/sync-status.ts';

const SyncContext = createContext<(() => Promise<void>) | null>(null);

/** How often a sync that stopped for want of a network or server is tried again, while online. */
const retryMs = 30_000;

/**
 * Runs the outbox's sync for the signed-in officer: when the page opens, when the network comes
 * back (`online`), when the page is shown again, every half minute while something waits and the
 * last try failed, and when asked (同步, a record saved).
 */
export function FieldSyncProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const sync = useCallback(
    () =>
      syncOutbox({
        userId: user.id,
        onSent: (caseId) => {
          void queryClient.invalidateQueries({ queryKey: fieldKeys.records(user.id, caseId) });
          void refreshOfflineCopies(queryClient);
        },
      }),
    [user.id, queryClient],
  );

  useEffect(() => {
    void reloadOutbox().then(sync);
    const onOnline = () => {
      void sync();
      void refreshOfflineCopies(queryClient);
    };
    const onOffline = () => setSyncStatus({ problem: 'offline' });
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadOutbox().then(sync);
    };
    const timer = window.setInterval(() => {
      const { running, problem } = syncStatusSnapshot();
      const waiting = outboxSnapshot().some((r) => r.userId === user.id && r.state === 'queued');
      if (waiting && !running && navigator.onLine && (problem === 'offline' || problem === 'server'))
        void sync();
    }, retryMs);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [sync, user.id, queryClient]);

  return <SyncContext.Provider value={sync}>{children}</SyncContext.Provider>;
}

/** Sends the outbox now; resolves when the sync is done (whatever it achieved). */
export function useFieldSync(): () => Promise<void> {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useFieldSync must be used inside <FieldSyncProvider>');
  return sync;
}
