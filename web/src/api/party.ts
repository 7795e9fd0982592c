import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApplicationInput,
  TClueInput,
  TLawyerLogin,
  TMessageInput,
  TPartyCase,
  TPartyCaseList,
  TPartyCodeRequest,
  TPartyLogin,
  TPartyRequestList,
  TPortalMe,
  TPortalSession,
  TRequestKind,
  ZCreatedRequestSchema,
  ZPartyCodeAcceptedSchema,
} from '../../../src/modules/disclosure/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';
import { asPortal, asPortalVoid, usePortalSession, writePortalSession } from './portal-session.ts';

/**
 * The party and lawyer portal (`/my`, `/api/v1/party/…`): sign-in by SMS code or licence number,
 * the person's own cases, and what they send the case team (notices: party-notices.ts). The
 * portal token goes with every request (portal-session.ts).
 */
export type TPartyCodeAccepted = z.infer<typeof ZPartyCodeAcceptedSchema>;
export type TCreatedRequest = z.infer<typeof ZCreatedRequestSchema>;
export type TApplicationKind = TApplicationInput['kind'];
export type TAttachmentInput = NonNullable<TClueInput['attachments']>[number];
export type TPartyCaseSummary = TPartyCaseList['items'][number];
export type TPartyRequest = TPartyRequestList['items'][number];
export type {
  TApplicationInput,
  TClueInput,
  TLawyerLogin,
  TPartyCase,
  TPartyCodeRequest,
  TPartyLogin,
  TPortalSession,
  TRequestKind,
};

/** What the generic application form offers (contracts: applicationKindValues). */
export const applicationKinds = everyValueOf<TApplicationKind>()([
  'dishonestListing',
  'consumptionRestriction',
  'audit',
  'restoration',
  'objection',
  'correction',
]);

/** The files a clue may carry (contracts: attachmentContentTypes, at most 3 of 5 MB). */
export const attachmentTypes = everyValueOf<TAttachmentInput['contentType']>()([
  'image/jpeg',
  'image/png',
  'application/pdf',
]);
export const maxAttachments = 3;
export const maxAttachmentBytes = 5 * 1024 * 1024;

export const partyKeys = {
  all: ['party'] as const,
  me: () => [...partyKeys.all, 'me'] as const,
  cases: () => [...partyKeys.all, 'cases'] as const,
  case: (caseId: string) => [...partyKeys.all, 'case', caseId] as const,
  requests: (caseId: string) => [...partyKeys.case(caseId), 'requests'] as const,
  deliveries: (caseId: string) => [...partyKeys.case(caseId), 'deliveries'] as const,
  notices: () => [...partyKeys.all, 'notices'] as const,
  preferences: () => [...partyKeys.all, 'preferences'] as const,
};

const caseBase = (caseId: string) => `/api/v1/party/cases/${encodeURIComponent(caseId)}`;

/** A new person signs in (or out): nothing of the previous one may stay in the cache. */
function startOver(queryClient: QueryClient, session: TPortalSession | null): void {
  queryClient.removeQueries({ queryKey: partyKeys.all });
  writePortalSession(session);
}

// ——— Signing in ———

/** 获取验证码: the server answers the same whether or not the pair exists (no enumeration). */
export function useRequestPartyCode() {
  return useMutation({
    mutationFn: (body: TPartyCodeRequest) =>
      requestJson<TPartyCodeAccepted>('/api/v1/party/login/code', {
        method: 'POST',
        body,
        credentialHeaders: {},
      }),
  });
}

export function usePartyLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPartyLogin) =>
      requestJson<TPortalSession>('/api/v1/party/login', { method: 'POST', body, credentialHeaders: {} }),
    onSuccess: (session) => startOver(queryClient, session),
  });
}

export function useLawyerLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLawyerLogin) =>
      requestJson<TPortalSession>('/api/v1/lawyer/login', { method: 'POST', body, credentialHeaders: {} }),
    onSuccess: (session) => startOver(queryClient, session),
  });
}

/** Signs out on the server; the tab forgets the token even when the server cannot be reached. */
export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => asPortalVoid('/api/v1/party/logout', { method: 'POST' }),
    onSettled: () => startOver(queryClient, null),
  });
}

export function usePortalMe() {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.me(),
    queryFn: ({ signal }) => asPortal<TPortalMe>('/api/v1/party/me', { signal }),
    enabled: session !== null,
    retry: false,
  });
}

// ——— The person's cases ———

export function usePartyCases() {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.cases(),
    queryFn: ({ signal }) => asPortal<TPartyCaseList>('/api/v1/party/cases', { signal }),
    enabled: session !== null,
    retry: false,
  });
}

export function usePartyCase(caseId: string) {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.case(caseId),
    queryFn: ({ signal }) => asPortal<TPartyCase>(caseBase(caseId), { signal }),
    enabled: session !== null && caseId !== '',
    retry: false,
  });
}

/** The person's clues, messages and applications on the case, with the team's answers. */
export function usePartyRequests(caseId: string) {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyKeys.requests(caseId),
    queryFn: ({ signal }) => asPortal<TPartyRequestList>(`${caseBase(caseId)}/requests`, { signal }),
    enabled: session !== null && caseId !== '',
    retry: false,
    refetchInterval: 30_000,
  });
}

function useSubmit<B>(caseId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      asPortal<TCreatedRequest>(`${caseBase(caseId)}/${path}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partyKeys.requests(caseId) }),
  });
}

/** 提交财产线索: text and up to three photos or PDFs; the team verifies within 7 days (3 if urgent). */
export function useSubmitClue(caseId: string) {
  return useSubmit<TClueInput>(caseId, 'clues');
}

/** 联系法官: a message the team answers within 3 working days. */
export function useSendMessage(caseId: string) {
  return useSubmit<TMessageInput>(caseId, 'messages');
}

export function useSubmitApplication(caseId: string) {
  return useSubmit<TApplicationInput>(caseId, 'applications');
}
