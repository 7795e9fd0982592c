import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCreateSelfDisposal,
  TGoodFaithMeasure,
  TRecordSale,
  TSealedFinancing,
  TSealSubstitution,
  TSelfDisposal,
  TSelfDisposalApplication,
  ZSelfDisposalListSchema,
} from '../../../src/modules/disposal/self-disposal/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';
import { disposalKeys } from './disposal.ts';

/**
 * 自行处置 (善意文明执行意见, 法发〔2019〕35号): the respondent sells a sealed asset itself within the
 * period the judge sets, at no less than the lowest price; the buyer pays into the case account and
 * the full price releases the seal. Also the records of 查封置换 and 查封财产融资.
 */

export type TSelfDisposalList = z.infer<typeof ZSelfDisposalListSchema>;
export type TSelfDisposalState = TSelfDisposal['state'];
export type {
  TCreateSelfDisposal,
  TGoodFaithMeasure,
  TRecordSale,
  TSealedFinancing,
  TSealSubstitution,
  TSelfDisposal,
  TSelfDisposalApplication,
};

/** The states of a self-disposal (the contract's `selfDisposalStateValues`), for the labels. */
export const selfDisposalStates = everyValueOf<TSelfDisposalState>()(['open', 'paid', 'completed', 'lapsed']);

// 善意文明执行意见: the court sets the period, at most 60 days (the server's maxSelfDisposalDays).
export const maxSelfDisposalDays = 60;

/** While the price is paid and the seal being lifted, the list is followed this often. */
const releasePollMs = 3000;

const id = encodeURIComponent;

export const selfDisposalKeys = {
  all: ['selfDisposal'] as const,
  case: (caseId: string) => [...selfDisposalKeys.all, 'case', caseId] as const,
};

/** The case's self-disposals and the respondent's applications; followed while a seal is lifted. */
export function useCaseSelfDisposals(caseId: string) {
  return useQuery({
    queryKey: selfDisposalKeys.case(caseId),
    queryFn: ({ signal }) =>
      requestJson<TSelfDisposalList>(`/api/v1/cases/${id(caseId)}/self-disposals`, { signal }),
    // While a paid sale's seal is being lifted — the lift ordered, the registry's answer not yet in.
    refetchInterval: (query) =>
      query.state.data?.items.some(
        (sd) => sd.state === 'paid' || (sd.state === 'completed' && sd.isAssetUnderControl),
      )
        ? releasePollMs
        : false,
  });
}

function useInvalidateCase(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: selfDisposalKeys.case(caseId) }),
      queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
    ]);
}

/** 准许自行处置: the judge sets the period (≤ 60 days) and the lowest price. */
export function useCreateSelfDisposal(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: (body: TCreateSelfDisposal) =>
      requestJson<TSelfDisposal>(`/api/v1/cases/${id(caseId)}/self-disposals`, { method: 'POST', body }),
    onSettled: invalidate,
  });
}

/** 登记买受人: the sale agreed, not below the lowest price. */
export function useRecordSale(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: ({ selfDisposalId, body }: { selfDisposalId: string; body: TRecordSale }) =>
      requestJson<TSelfDisposal>(`/api/v1/self-disposals/${id(selfDisposalId)}/sale`, {
        method: 'POST',
        body,
      }),
    onSettled: invalidate,
  });
}

/** 查封置换: a seal replaced by adequate security. */
export function useRecordSealSubstitution(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: (body: TSealSubstitution) =>
      requestJson<TGoodFaithMeasure>(`/api/v1/cases/${id(caseId)}/seal-substitutions`, {
        method: 'POST',
        body,
      }),
    onSettled: invalidate,
  });
}

/** 查封财产融资: financing with sealed property. */
export function useRecordSealedFinancing(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: (body: TSealedFinancing) =>
      requestJson<TGoodFaithMeasure>(`/api/v1/cases/${id(caseId)}/sealed-financings`, {
        method: 'POST',
        body,
      }),
    onSettled: invalidate,
  });
}
