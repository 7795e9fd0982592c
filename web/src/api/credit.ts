import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';
import type {
  BoundRole,
  CaseCredit,
  CorrectionGround,
  DeletionGround,
  EntryListParams,
  EntryPage,
  GridInbox,
  LiftGround,
  ListRespondentBody,
} from './credit-contract.ts';

export * from './credit-contract.ts';

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
      requestJson<CaseCredit>(`/api/v1/cases/${encodeURIComponent(caseId)}/credit`, { signal }),
  });
}

export function useEntryList(params: EntryListParams) {
  return useQuery({
    queryKey: creditKeys.list(params),
    queryFn: ({ signal }) =>
      requestJson<EntryPage>('/api/v1/credit/entries', { query: { ...params }, signal }),
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
      requestJson<GridInbox>('/api/v1/credit/grid/inbox', { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkGridRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) =>
      requestJson<{ lastReadSeq: number }>('/api/v1/credit/grid/inbox/read', {
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

const post = <T = unknown>(path: string, body: unknown) => requestJson<T>(path, { method: 'POST', body });
const id = encodeURIComponent;

export function useListRespondent(caseId: string) {
  return useCreditMutation(caseId, (body: ListRespondentBody) =>
    post<{ id: string; state: string }>(`/api/v1/cases/${id(caseId)}/dishonest`, body),
  );
}

export function useApproveEntry(caseId: string) {
  return useCreditMutation(caseId, (entryId: string) =>
    post(`/api/v1/credit/entries/${id(entryId)}/approve`, {}),
  );
}

export function useRefuseEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string }) =>
    post(`/api/v1/credit/entries/${id(b.entryId)}/refuse`, { reason: b.reason }),
  );
}

export function useDelistEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string; ground: DeletionGround }) =>
    post(`/api/v1/credit/entries/${id(b.entryId)}/delist`, { reason: b.reason, ground: b.ground }),
  );
}

export function useRevokeEntry(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; reason: string }) =>
    post(`/api/v1/credit/entries/${id(b.entryId)}/revoke`, { reason: b.reason }),
  );
}

export function useFileCorrection(caseId: string) {
  return useCreditMutation(caseId, (b: { entryId: string; ground: CorrectionGround; statement: string }) =>
    post(`/api/v1/credit/entries/${id(b.entryId)}/corrections`, { ground: b.ground, statement: b.statement }),
  );
}

export function useDecideCorrection(caseId: string) {
  return useCreditMutation(
    caseId,
    (b: {
      requestId: string;
      decision: 'upheld' | 'rejected';
      reason: string;
      corrections?: { name?: string; legalRepresentative?: string; facts?: string };
      deletionGround?: DeletionGround;
    }) =>
      post(`/api/v1/credit/corrections/${id(b.requestId)}/decide`, {
        decision: b.decision,
        reason: b.reason,
        corrections: b.corrections,
        deletionGround: b.deletionGround,
      }),
  );
}

export function useOrderRestriction(caseId: string) {
  return useCreditMutation(
    caseId,
    (b: { respondentId: string; boundPersons?: { role: BoundRole; name: string; idNumber?: string }[] }) =>
      post(`/api/v1/cases/${id(caseId)}/consumption-restrictions`, b),
  );
}

export function useLiftRestriction(caseId: string) {
  return useCreditMutation(caseId, (b: { restrictionId: string; ground: LiftGround; reason: string }) =>
    post(`/api/v1/credit/restrictions/${id(b.restrictionId)}/lift`, { ground: b.ground, reason: b.reason }),
  );
}

export function useAllowSpending(caseId: string) {
  return useCreditMutation(
    caseId,
    (b: { subjectId: string; behaviours: number[]; validFrom: string; validUntil: string; reason: string }) =>
      post(`/api/v1/credit/restricted-persons/${id(b.subjectId)}/spending-permissions`, {
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
      post(`/api/v1/cases/${id(caseId)}/exit-restrictions`, b),
  );
}

export function useLiftExit(caseId: string) {
  return useCreditMutation(caseId, (b: { exitId: string; reason: string }) =>
    post(`/api/v1/credit/exit-restrictions/${id(b.exitId)}/lift`, { reason: b.reason }),
  );
}

export function useRecordNoGround(caseId: string) {
  return useCreditMutation(caseId, (b: { respondentId: string; reason: string }) =>
    post(`/api/v1/cases/${id(caseId)}/credit/no-ground`, b),
  );
}
