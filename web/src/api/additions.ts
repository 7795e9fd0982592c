import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TAddition,
  TAdditionInput,
  TExtensionInput,
  THearingInput,
  TRulingInput,
  ZAdditionCreatedSchema,
  ZAdditionListSchema,
  ZExtendedSchema,
  ZHearingRecordedSchema,
  ZRuledSchema,
} from '../../../src/modules/procedures/additions/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';

/**
 * Changing and adding respondents (变更、追加被执行人, 变更追加规定): the case's applications, the
 * application the team enters, the hearing, the president's extension and the ruling, which adds
 * the party to the case with its limit of liability.
 */
export type { TAddition, TAdditionInput, TExtensionInput, THearingInput, TRulingInput };
export type TAdditionGround = TAdditionInput['ground'];
export type TAdditionPartyKind = TAdditionInput['party']['kind'];
export type TAdditionState = TAddition['state'];
export type TRulingDecision = TRulingInput['decision'];
type TAdditionList = z.infer<typeof ZAdditionListSchema>;
type TAdditionCreated = z.infer<typeof ZAdditionCreatedSchema>;
type THearingRecorded = z.infer<typeof ZHearingRecordedSchema>;
type TExtended = z.infer<typeof ZExtendedSchema>;
type TRuled = z.infer<typeof ZRuledSchema>;

/** The grounds (additions/rules/additions.ts: additionGrounds), in the order of the articles. */
export const additionGrounds = everyValueOf<TAdditionGround>()([
  'heir',
  'soleProprietor',
  'partner',
  'unpaidCapital',
  'withdrawnCapital',
  'transferBeforePaying',
  'onePersonCompany',
  'deregisteredWithoutLiquidation',
  'freeReceipt',
]);

/** Arts. 10, 17–19, 22: the grounds whose added respondent answers only within a limit (rules/additions.ts). */
export const limitedGrounds: ReadonlySet<TAdditionGround> = new Set<TAdditionGround>([
  'heir',
  'unpaidCapital',
  'withdrawnCapital',
  'transferBeforePaying',
  'freeReceipt',
]);

export const additionPartyKinds = everyValueOf<TAdditionPartyKind>()(['natural', 'legal', 'other']);
export const rulingDecisions = everyValueOf<TRulingDecision>()(['add', 'reject']);

const id = encodeURIComponent;

export const additionKeys = {
  all: ['respondent-additions'] as const,
  case: (caseId: string) => [...additionKeys.all, caseId] as const,
};

export function useAdditions(caseId: string) {
  return useQuery({
    queryKey: additionKeys.case(caseId),
    queryFn: ({ signal }) =>
      requestJson<TAdditionList>(`/api/v1/cases/${id(caseId)}/respondent-additions`, { signal }),
  });
}

/** After a change: the applications, and the case (a ruling to add gives it a respondent and a timeline node). */
function useRefreshAdditions(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: additionKeys.case(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    ]);
}

/** 登记申请: the applicant's written application as the case team enters it; the ruling is due in 60 days. */
export function useApplyForAddition(caseId: string) {
  const refresh = useRefreshAdditions(caseId);
  return useMutation({
    mutationFn: (body: TAdditionInput) =>
      requestJson<TAdditionCreated>(`/api/v1/cases/${id(caseId)}/respondent-additions`, {
        method: 'POST',
        body,
      }),
    onSuccess: refresh,
  });
}

/** 听证: the public hearing, or the finding that the facts are clear and undisputed (art. 28). */
export function useRecordHearing(caseId: string) {
  const refresh = useRefreshAdditions(caseId);
  return useMutation({
    mutationFn: ({ additionId, body }: { additionId: string; body: THearingInput }) =>
      requestJson<THearingRecorded>(`/api/v1/respondent-additions/${id(additionId)}/hearing`, {
        method: 'POST',
        body,
      }),
    onSuccess: refresh,
  });
}

/** 延长审查期限: the president extends the 60 days (art. 28). */
export function useExtendAddition(caseId: string) {
  const refresh = useRefreshAdditions(caseId);
  return useMutation({
    mutationFn: ({ additionId, body }: { additionId: string; body: TExtensionInput }) =>
      requestJson<TExtended>(`/api/v1/respondent-additions/${id(additionId)}/extension`, {
        method: 'POST',
        body,
      }),
    onSuccess: refresh,
  });
}

/** 裁定: add the party as a respondent (with its limit) or reject the application. */
export function useRuleOnAddition(caseId: string) {
  const refresh = useRefreshAdditions(caseId);
  return useMutation({
    mutationFn: ({ additionId, body }: { additionId: string; body: TRulingInput }) =>
      requestJson<TRuled>(`/api/v1/respondent-additions/${id(additionId)}/rule`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}
