import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApplyToParticipate,
  TDistribution,
  ZObjectSchema,
  ZOppositionSchema,
  ZSuitSchema,
} from '../../../src/modules/funds/distribution-contracts.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';
import { fundsKeys } from './funds.ts';

// The contract names these shapes as schemas; their types are read from them (type-only).
export type TObjection = z.input<typeof ZObjectSchema>;
export type TOppositionInput = z.input<typeof ZOppositionSchema>;
export type TSuitInput = z.input<typeof ZSuitSchema>;
export type { TApplyToParticipate, TDistribution };
export type TDistributionPlan = NonNullable<TDistribution['plan']>;
export type TPlanState = TDistributionPlan['state'];
export type TDistributionShare = TDistributionPlan['shares'][number];
export type TParticipation = TDistribution['applications'][number];
export type TClaimPriority = TParticipation['priority'];

const id = encodeURIComponent;

export const distributionKeys = {
  all: ['funds', 'distribution'] as const,
  case: (caseId: string) => [...distributionKeys.all, caseId] as const,
};

const pathOf = (caseId: string, rest = '') => `/api/v1/cases/${id(caseId)}/funds/distribution${rest}`;

/** 参与分配 of a case: the applications, the plan with its shares and deadlines, what a draft would say. */
export function useDistribution(caseId: string) {
  return useQuery({
    queryKey: distributionKeys.case(caseId),
    queryFn: ({ signal }) => requestJson<TDistribution>(pathOf(caseId), { signal }),
  });
}

/**
 * Every step answers with the distribution as it now stands: it replaces the cached one. Executing
 * moves money, so the case's funds (and the case) are read again; a refusal means the page is stale.
 */
function useStep<TBody>(caseId: string, send: (body: TBody) => Promise<TDistribution>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => queryClient.setQueryData(distributionKeys.case(caseId), answer),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: distributionKeys.case(caseId) }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.case(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}

const post = (path: string, body?: unknown) =>
  requestJson<TDistribution>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

/** 登记参与分配申请 (the case team, on a creditor's behalf). */
export function useApplyToParticipate(caseId: string) {
  return useStep(caseId, (body: TApplyToParticipate) => post(pathOf(caseId, '/applications'), body));
}

/** 制作分配方案 (the case judge or a leader of the case's court). */
export function useDraftPlan(caseId: string) {
  return useStep(caseId, (body: { respondentPartyId?: string }) => post(pathOf(caseId, '/plan'), body));
}

/** 送达分配方案: the 15 days to object start on the server's date. */
export function useServePlan(caseId: string) {
  return useStep<void>(caseId, () => post(pathOf(caseId, '/plan/serve')));
}

export function useObjectToPlan(caseId: string) {
  return useStep(caseId, (body: TObjection) => post(pathOf(caseId, '/plan/objections'), body));
}

export function useAnswerObjection(caseId: string) {
  return useStep(caseId, (body: TOppositionInput) => post(pathOf(caseId, '/plan/oppositions'), body));
}

export function useRecordSuit(caseId: string) {
  return useStep(caseId, (body: TSuitInput) => post(pathOf(caseId, '/plan/suits'), body));
}

export function useFinalisePlan(caseId: string) {
  return useStep<void>(caseId, () => post(pathOf(caseId, '/plan/finalise')));
}

export function useExecutePlan(caseId: string) {
  return useStep<void>(caseId, () => post(pathOf(caseId, '/plan/execute')));
}
