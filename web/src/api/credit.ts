import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TApproved,
  TBoundPerson,
  TBoundRole,
  TCaseCredit,
  TCorrectionDecided,
  TCorrectionDecision,
  TCorrectionFiled,
  TCorrectionGround,
  TCreated,
  TDecisionPreview,
  TDeletionGround,
  TDelisted,
  TEntryList,
  TEntryState,
  TEntryStateAnswer,
  TExitLifted,
  TGridInbox,
  TGridRead,
  TLiftGround,
  TListRespondent,
  TNoGroundRecorded,
  TRestrictionLifted,
  TRestrictionState,
} from '../../../src/modules/credit/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';

/** The codes of the credit API (src/modules/credit/contracts.ts), for the forms' options and labels. */
export const entryStates = everyValueOf<TEntryState>()([
  'pendingApproval',
  'listed',
  'refused',
  'deleted',
  'revoked',
]);
export const liftGrounds = everyValueOf<TLiftGround>()(['performed', 'security', 'applicantConsent']);
export const deletionGrounds = everyValueOf<TDeletionGround>()([
  'applicantRequest',
  'fullyPerformed',
  'settlementPerformed',
  'securityProvided',
  'terminatedRoundNoAssets',
  'suspendedRetrialOrBankruptcy',
  'notEnforced',
  'enforcementTerminated',
  'termExpired',
]);
export const correctionGrounds = everyValueOf<TCorrectionGround>()([
  'wronglyListed',
  'wrongInformation',
  'shouldHaveBeenDeleted',
]);
export const boundRoles = everyValueOf<TBoundRole>()([
  'legalRepresentative',
  'principal',
  'responsiblePerson',
  'actualController',
]);
// 失信规定 art. 1 (grounds 1–6) and 限消规定 art. 3 (behaviours 1–9): numbered items.
export const listingGrounds = [1, 2, 3, 4, 5, 6] as const;
export type ListingGround = (typeof listingGrounds)[number];
export const behaviours = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The entry list's filters as the page keeps them (in the URL); sent as the list's query. */
export type EntryListParams = {
  state?: TEntryState | '';
  ground?: number | '';
  q?: string;
  from?: string;
  to?: string;
  overdue?: 'true' | '';
  page: number;
  pageSize: number;
};

export const creditKeys = {
  all: ['credit'] as const,
  cases: () => [...creditKeys.all, 'case'] as const,
  case: (caseId: string) => [...creditKeys.cases(), caseId] as const,
  lists: () => [...creditKeys.all, 'entries'] as const,
  list: (params: EntryListParams) => [...creditKeys.lists(), params] as const,
  grid: (page: number) => [...creditKeys.all, 'grid', page] as const,
};

export function useCaseCredit(caseId: string) {
  return useQuery({
    queryKey: creditKeys.case(caseId),
    queryFn: ({ signal }) =>
      requestJson<TCaseCredit>(`/api/v1/cases/${encodeURIComponent(caseId)}/credit`, { signal }),
  });
}

export function useEntryList(params: EntryListParams) {
  return useQuery({
    queryKey: creditKeys.list(params),
    queryFn: ({ signal }) =>
      requestJson<TEntryList>('/api/v1/credit/entries', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The Excel export of the same filters (a download link, cookie-authenticated GET). */
export function entryExportUrl(params: Omit<EntryListParams, 'page' | 'pageSize'>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `/api/v1/credit/entries/export.xlsx${text ? `?${text}` : ''}`;
}

export function useGridInbox(page: number) {
  return useQuery({
    queryKey: creditKeys.grid(page),
    queryFn: ({ signal }) =>
      requestJson<TGridInbox>('/api/v1/credit/grid/inbox', { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkGridRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) =>
      requestJson<TGridRead>('/api/v1/credit/grid/inbox/read', {
        method: 'POST',
        body: { seq },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...creditKeys.all, 'grid'] }),
  });
}

/** After any credit decision on a case: refresh its credit panel, the case (checklist) and the lists. */
function useCreditMutation<B, R>(caseId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: creditKeys.case(caseId) }),
        queryClient.invalidateQueries({ queryKey: creditKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}

const post = <T>(path: string, body: unknown) => requestJson<T>(path, { method: 'POST', body });
const id = encodeURIComponent;

export function useListRespondent(caseId: string) {
  return useCreditMutation(caseId, (body: TListRespondent) =>
    post<TEntryStateAnswer>(`/api/v1/cases/${id(caseId)}/dishonest`, body),
  );
}

/** The decision letter as signing would issue it today, for the leader to read first (nothing written). */
export function useDecisionPreview(entryId: string | null) {
  return useQuery({
    queryKey: ['credit', 'decision-preview', entryId],
    queryFn: ({ signal }) =>
      requestJson<TDecisionPreview>(`/api/v1/credit/entries/${id(entryId ?? '')}/decision-preview`, {
        signal,
      }),
    enabled: entryId !== null,
    gcTime: 0,
  });
}

export function useApproveEntry(caseId: string) {
  return useCreditMutation(caseId, (entryId: string) =>
    post<TApproved>(`/api/v1/credit/entries/${id(entryId)}/approve`, {}),
  );
}

export function useRefuseEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string }) =>
    post<TEntryStateAnswer>(`/api/v1/credit/entries/${id(b.entryId)}/refuse`, { reason: b.reason }),
  );
}

export function useDelistEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string; ground: TDeletionGround }) =>
    post<TDelisted>(`/api/v1/credit/entries/${id(b.entryId)}/delist`, { reason: b.reason, ground: b.ground }),
  );
}

export function useRevokeEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string }) =>
    post<TEntryStateAnswer>(`/api/v1/credit/entries/${id(b.entryId)}/revoke`, { reason: b.reason }),
  );
}

export function useFileCorrection(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; ground: TCorrectionGround; statement: string }) =>
    post<TCorrectionFiled>(`/api/v1/credit/entries/${id(b.entryId)}/corrections`, {
      ground: b.ground,
      statement: b.statement,
    }),
  );
}

export function useDecideCorrection(caseId: string) {
  return useCreditMutation(caseId, (b: TCorrectionDecision & { requestId: string }) =>
    post<TCorrectionDecided>(`/api/v1/credit/corrections/${id(b.requestId)}/decide`, {
      decision: b.decision,
      reason: b.reason,
      corrections: b.corrections,
      deletionGround: b.deletionGround,
    }),
  );
}

export function useOrderRestriction(caseId: string) {
  return useCreditMutation(caseId, (b: { respondentId: string; boundPersons?: TBoundPerson[] }) =>
    post<TRestrictionState>(`/api/v1/cases/${id(caseId)}/consumption-restrictions`, b),
  );
}

export function useLiftRestriction(caseId: string) {
  return useCreditMutation(caseId, (b: { restrictionId: string; ground: TLiftGround; reason: string }) =>
    post<TRestrictionLifted>(`/api/v1/credit/restrictions/${id(b.restrictionId)}/lift`, {
      ground: b.ground,
      reason: b.reason,
    }),
  );
}

export function useAllowSpending(caseId: string) {
  return useCreditMutation(
    caseId,
    (b: { subjectId: string; behaviours: number[]; validFrom: string; validUntil: string; reason: string }) =>
      post<TCreated>(`/api/v1/credit/restricted-persons/${id(b.subjectId)}/spending-permissions`, {
        behaviours: b.behaviours,
        validFrom: b.validFrom,
        validUntil: b.validUntil,
        reason: b.reason,
      }),
  );
}

export function useRestrictExit(caseId: string) {
  return useCreditMutation(
    caseId,
    (b: { respondentId: string; authority?: string; person?: { name: string; idNumber: string } }) =>
      post<TRestrictionState>(`/api/v1/cases/${id(caseId)}/exit-restrictions`, b),
  );
}

export function useLiftExit(caseId: string) {
  return useCreditMutation(caseId, (b: { exitId: string; reason: string }) =>
    post<TExitLifted>(`/api/v1/credit/exit-restrictions/${id(b.exitId)}/lift`, { reason: b.reason }),
  );
}

export function useRecordNoGround(caseId: string) {
  return useCreditMutation(caseId, (b: { respondentId: string; reason: string }) =>
    post<TNoGroundRecorded>(`/api/v1/cases/${id(caseId)}/credit/no-ground`, b),
  );
}
