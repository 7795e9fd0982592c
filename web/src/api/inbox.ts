import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TInbox, TInboxItem, TInboxKind, TMarkRead } from '../../../src/modules/inbox/contracts.ts';
import { requestJson } from './client.ts';

/**
 * 待办: what waits for the signed-in user across every module, computed by the server on each
 * read; the bell polls it every minute and the inbox page shows all of it.
 */
export type { TInbox, TInboxItem, TInboxKind };

export const inboxKeys = { all: ['inbox'] as const };

export function useInbox() {
  return useQuery({
    queryKey: inboxKeys.all,
    queryFn: ({ signal }) => requestJson<TInbox>('/api/v1/inbox', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: TMarkRead['ids']) =>
      requestJson<{ unread: number }>('/api/v1/inbox/read', { method: 'POST', body: { ids } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
