import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAnswerInput,
  TPartyRequest,
  TPartyRequestList,
  TRequestKind,
  TTeamInbox,
} from '../../../src/modules/disclosure/contracts.ts';
import { requestJson } from './client.ts';

/**
 * What parties and lawyers sent a case's team through the portal (当事人事项), as the team sees it
 * on the workbench (staff session): each with its due date, answered with an outcome and a text.
 */
export type { TAnswerInput, TPartyRequest, TRequestKind, TTeamInbox };
export type TRequestOutcome = TAnswerInput['outcome'];
export type TRequestAttachment = TPartyRequest['attachments'][number];

export const requestOutcomes: readonly TRequestOutcome[] = ['accepted', 'rejected', 'noted'];

const caseBase = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const partyRequestKeys = {
  all: ['party-requests'] as const,
  case: (caseId: string) => [...partyRequestKeys.all, 'case', caseId] as const,
  inbox: () => [...partyRequestKeys.all, 'inbox'] as const,
};

/** The file of an attachment (an image is shown inline; the staff session cookie goes with it). */
export function attachmentUrl(caseId: string, requestId: string, attachmentId: string): string {
  return `${caseBase(caseId)}/party-requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function isImageAttachment(attachment: TRequestAttachment): boolean {
  return attachment.contentType.startsWith('image/');
}

export function useCasePartyRequests(caseId: string) {
  return useQuery({
    queryKey: partyRequestKeys.case(caseId),
    queryFn: ({ signal }) => requestJson<TPartyRequestList>(`${caseBase(caseId)}/party-requests`, { signal }),
    refetchInterval: 30_000,
  });
}

/** Open requests on the cases of the signed-in officer, the nearest due date first. */
export function useTeamInbox() {
  return useQuery({
    queryKey: partyRequestKeys.inbox(),
    queryFn: ({ signal }) => requestJson<TTeamInbox>('/api/v1/party-requests/inbox', { signal }),
  });
}

export function useAnswerPartyRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: TAnswerInput }) =>
      requestJson<TPartyRequest>(
        `${caseBase(caseId)}/party-requests/${encodeURIComponent(requestId)}/answer`,
        { method: 'POST', body },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partyRequestKeys.all }),
  });
}
