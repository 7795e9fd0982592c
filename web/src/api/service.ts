import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBookMeeting,
  TMeeting,
  TMeetingSlot,
  TReceipt,
  TReceiveMaterials,
  TRegisterVisit,
  TVisit,
  TVisitList,
  TVisitorRole,
  TVisitProgress,
  TVisitPurpose,
  TVisitStatistics,
} from '../../../src/modules/service/contracts.ts';
import type {
  TAnswerDeputyProposal,
  TAssignDeputyProposal,
  TDeputyProposal,
  TDeputyProposalKind,
  TDeputyProposalList,
  TDeputyProposalState,
  TRegisterDeputyProposal,
} from '../../../src/modules/service/deputy-proposal-contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';

/**
 * The service window (执行事务中心): visits to the counter, materials received into a case with a
 * receipt, progress read from the case, meetings with the judge, the day's log and its counts; and
 * deputies' suggestions and CPPCC proposals (人大代表建议、政协委员提案).
 */
export type {
  TAnswerDeputyProposal,
  TBookMeeting,
  TDeputyProposal,
  TDeputyProposalKind,
  TDeputyProposalState,
  TMeeting,
  TMeetingSlot,
  TReceipt,
  TReceiveMaterials,
  TRegisterDeputyProposal,
  TRegisterVisit,
  TVisit,
  TVisitorRole,
  TVisitProgress,
  TVisitPurpose,
  TVisitStatistics,
};

export const visitorRoles = everyValueOf<TVisitorRole>()([
  'applicant',
  'respondent',
  'agent',
  'lawyer',
  'other',
]);
export const visitPurposes = everyValueOf<TVisitPurpose>()([
  'materials',
  'progress',
  'meeting',
  'consultation',
  'other',
]);
export const meetingSlots = everyValueOf<TMeetingSlot>()(['am', 'pm']);
export const deputyProposalKinds = everyValueOf<TDeputyProposalKind>()([
  'deputySuggestion',
  'committeeProposal',
]);
export const deputyProposalStates = everyValueOf<TDeputyProposalState>()([
  'registered',
  'assigned',
  'answered',
]);

const base = '/api/v1/service';
const id = encodeURIComponent;

export const serviceKeys = {
  all: ['service'] as const,
  visits: (on: string) => [...serviceKeys.all, 'visits', on] as const,
  progress: (visitId: string) => [...serviceKeys.all, 'progress', visitId] as const,
  statistics: (from: string, to: string) => [...serviceKeys.all, 'statistics', from, to] as const,
  proposals: (state: TDeputyProposalState | undefined) =>
    [...serviceKeys.all, 'proposals', state ?? 'all'] as const,
};

/** 来访登记簿: the visits of a China date. */
export function useVisits(on: string) {
  return useQuery({
    queryKey: serviceKeys.visits(on),
    queryFn: ({ signal }) => requestJson<TVisitList>(`${base}/visits`, { query: { on }, signal }),
  });
}

export function useVisitStatistics(from: string, to: string) {
  return useQuery({
    queryKey: serviceKeys.statistics(from, to),
    queryFn: ({ signal }) =>
      requestJson<TVisitStatistics>(`${base}/statistics`, { query: { from, to }, signal }),
  });
}

function useRefreshVisits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: serviceKeys.all });
}

export function useRegisterVisit() {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: (body: TRegisterVisit) => requestJson<TVisit>(`${base}/visits`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 收取材料: a receipt, and a step on the case's timeline. */
export function useReceiveMaterials(visitId: string) {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: (body: TReceiveMaterials) =>
      requestJson<TReceipt>(`${base}/visits/${id(visitId)}/materials`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 答复进度: read when asked for (the read is audited), not on every render. */
export function useVisitProgress(visitId: string, enabled: boolean) {
  return useQuery({
    queryKey: serviceKeys.progress(visitId),
    queryFn: ({ signal }) =>
      requestJson<TVisitProgress>(`${base}/visits/${id(visitId)}/progress`, { signal }),
    enabled,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBookMeeting(visitId: string) {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: (body: TBookMeeting) =>
      requestJson<TMeeting>(`${base}/visits/${id(visitId)}/meetings`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useCloseVisit() {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: (visitId: string) =>
      requestJson<TVisit>(`${base}/visits/${id(visitId)}/close`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

// ——— Deputies' suggestions and CPPCC proposals ———

export function useDeputyProposals(state?: TDeputyProposalState) {
  return useQuery({
    queryKey: serviceKeys.proposals(state),
    queryFn: ({ signal }) =>
      requestJson<TDeputyProposalList>(`${base}/proposals`, { query: { state }, signal }),
  });
}

function useRefreshDeputyProposals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...serviceKeys.all, 'proposals'] });
}

export function useRegisterDeputyProposal() {
  const refresh = useRefreshDeputyProposals();
  return useMutation({
    mutationFn: (body: TRegisterDeputyProposal) =>
      requestJson<TDeputyProposal>(`${base}/proposals`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAssignDeputyProposal() {
  const refresh = useRefreshDeputyProposals();
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: string; body: TAssignDeputyProposal }) =>
      requestJson<TDeputyProposal>(`${base}/proposals/${id(proposalId)}/assign`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAnswerDeputyProposal() {
  const refresh = useRefreshDeputyProposals();
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: string; body: TAnswerDeputyProposal }) =>
      requestJson<TDeputyProposal>(`${base}/proposals/${id(proposalId)}/answer`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}
