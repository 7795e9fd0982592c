import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDeliveryList,
  TPartyNoticeList,
  TPreferences,
} from '../../../src/modules/disclosure/contracts.ts';
import { partyKeys } from './party.ts';
import { asPortal, asPortalVoid, usePortalSession } from './portal-session.ts';

/** The portal's notices to the person, how they want them (SMS, in-app), and what was sent. */
export type TPartyNotice = TPartyNoticeList['items'][number];
export type TDelivery = TDeliveryList['items'][number];
export type { TPreferences };

const caseBase = (caseId: string) => `/api/v1/party/cases/${encodeURIComponent(caseId)}`;

/** The SMS and in-app messages sent to the person about the case. */
export function useDeliveries(caseId: string) {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.deliveries(caseId),
    queryFn: ({ signal }) => asPortal<TDeliveryList>(`${caseBase(caseId)}/deliveries`, { signal }),
    enabled: session !== null && caseId !== '',
    retry: false,
  });
}

// ——— Notices and preferences ———

export function usePartyNotices() {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.notices(),
    queryFn: ({ signal }) => asPortal<TPartyNoticeList>('/api/v1/party/notices', { signal }),
    enabled: session !== null,
    retry: false,
    refetchInterval: 60_000,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => asPortalVoid('/api/v1/party/notices/read', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partyKeys.notices() }),
  });
}

export function usePreferences() {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.preferences(),
    queryFn: ({ signal }) => asPortal<TPreferences>('/api/v1/party/preferences', { signal }),
    enabled: session !== null,
    retry: false,
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPreferences) =>
      asPortal<TPreferences>('/api/v1/party/preferences', { method: 'PUT', body }),
    onSuccess: (preferences) => queryClient.setQueryData(partyKeys.preferences(), preferences),
  });
}
