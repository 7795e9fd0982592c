import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TIndicators,
  ZCaseCommandSchema,
  ZCompleteEntrustmentSchema,
  ZEntrustmentListSchema,
  ZEntrustmentRequestedSchema,
  ZEntrustmentSchema,
  ZFailingSchema,
  ZLiveSchema,
  ZOpenSupervisionSchema,
  ZPetitionConcludedSchema,
  ZPetitionListSchema,
  ZPetitionRegisteredSchema,
  ZRegisterPetitionSchema,
  ZReportedSchema,
  ZRequestEntrustmentSchema,
  ZSupervisionListSchema,
  ZSupervisionOpenedSchema,
  ZTrendSchema,
  ZWarningListSchema,
} from '../../../src/modules/command/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';

// The contract names these shapes as schemas; their types are read from them (type-only).
export type { TIndicators };
export type TIndicator = TIndicators['indicators'][number];
export type TIndicatorCode = TIndicator['code'];
export type TChildCourt = TIndicators['children'][number];
export type TTrend = z.infer<typeof ZTrendSchema>;
export type TFailing = z.infer<typeof ZFailingSchema>;
export type TFailingItem = TFailing['items'][number];
export type TSupervisionList = z.infer<typeof ZSupervisionListSchema>;
export type TSupervision = TSupervisionList['items'][number];
export type TSupervisionState = TSupervision['state'];
export type TOpenSupervision = z.input<typeof ZOpenSupervisionSchema>;
type TSupervisionOpened = z.infer<typeof ZSupervisionOpenedSchema>;
type TReported = z.infer<typeof ZReportedSchema>;
export type TEntrustment = z.infer<typeof ZEntrustmentSchema>;
export type TEntrustmentListItem = z.infer<typeof ZEntrustmentListSchema>['items'][number];
export type TEntrustmentState = TEntrustment['state'];
export type TEntrustmentMatter = TEntrustment['matter'];
export type TRequestEntrustment = z.input<typeof ZRequestEntrustmentSchema>;
type TEntrustmentRequested = z.infer<typeof ZEntrustmentRequestedSchema>;
export type TCompleteEntrustment = z.input<typeof ZCompleteEntrustmentSchema>;
export type TPetition = z.infer<typeof ZPetitionListSchema>['items'][number];
export type TRegisterPetition = z.input<typeof ZRegisterPetitionSchema>;
type TPetitionRegistered = z.infer<typeof ZPetitionRegisteredSchema>;
type TPetitionConcluded = z.infer<typeof ZPetitionConcludedSchema>;
export type TCaseCommand = z.infer<typeof ZCaseCommandSchema>;
export type TLive = z.infer<typeof ZLiveSchema>;
export type TActivity = TLive['activity'];
export type TWarningList = z.infer<typeof ZWarningListSchema>;
export type TWarning = TWarningList['items'][number];
export type WarningFilter = { level?: TWarning['level']; kind?: TWarning['kind']; special?: boolean };

/** The "3+1" indicators in the order the desk and the screen show them (rules/indicators.ts). */
export const indicatorCodes = everyValueOf<TIndicatorCode>()([
  'assetCasesConcluded',
  'terminationQualified',
  'petitionsConcluded',
  'overallConcluded',
]);
export const entrustmentMatters = everyValueOf<TEntrustmentMatter>()([
  'serve',
  'investigate',
  'seal',
  'seize',
  'other',
]);

/** A court (by its code, 法院代字) and a period of China dates; all optional — the server's defaults. */
export type CommandScope = { court?: string; from?: string; to?: string };

const base = '/api/v1/command';
const id = encodeURIComponent;

export const commandKeys = {
  all: ['command'] as const,
  indicators: (scope: CommandScope) => [...commandKeys.all, 'indicators', scope] as const,
  trend: (scope: CommandScope) => [...commandKeys.all, 'trend', scope] as const,
  failing: (code: TIndicatorCode, scope: CommandScope, page: FailingPage) =>
    [...commandKeys.all, 'failing', code, scope, page] as const,
  supervisions: (court: string | undefined) => [...commandKeys.all, 'supervisions', court] as const,
  entrustments: (court: string | undefined) => [...commandKeys.all, 'entrustments', court] as const,
  petitions: (court: string | undefined) => [...commandKeys.all, 'petitions', court] as const,
  case: (caseId: string) => [...commandKeys.all, 'case', caseId] as const,
  live: (court: string | undefined) => [...commandKeys.all, 'live', court] as const,
  warnings: (court: string | undefined, filter: WarningFilter) =>
    [...commandKeys.all, 'warnings', court, filter] as const,
};

type Polling = { refetchInterval?: number };

/** The "3+1" indicators of a court and the courts directly below it. */
export function useIndicators(scope: CommandScope, polling: Polling = {}) {
  return useQuery({
    queryKey: commandKeys.indicators(scope),
    queryFn: ({ signal }) => requestJson<TIndicators>(`${base}/indicators`, { query: scope, signal }),
    refetchInterval: polling.refetchInterval,
    refetchIntervalInBackground: polling.refetchInterval !== undefined,
  });
}

/** The indicators month by month over the period. */
export function useTrend(scope: CommandScope, polling: Polling = {}) {
  return useQuery({
    queryKey: commandKeys.trend(scope),
    queryFn: ({ signal }) => requestJson<TTrend>(`${base}/indicators/trend`, { query: scope, signal }),
    refetchInterval: polling.refetchInterval,
    refetchIntervalInBackground: polling.refetchInterval !== undefined,
  });
}

export type FailingPage = { limit: number; offset: number };

/** 未达标案件: the cases (or petitions) failing an indicator, each with its reason. */
export function useFailing(code: TIndicatorCode, scope: CommandScope, page: FailingPage) {
  return useQuery({
    queryKey: commandKeys.failing(code, scope, page),
    queryFn: ({ signal }) =>
      requestJson<TFailing>(`${base}/indicators/${id(code)}/failing`, {
        query: { ...scope, ...page },
        signal,
      }),
  });
}

/** 督办台账 of a court (its cases and those below it, and those it opened). */
export function useSupervisions(court: string | undefined) {
  return useQuery({
    queryKey: commandKeys.supervisions(court),
    queryFn: ({ signal }) =>
      requestJson<TSupervisionList>(`${base}/supervisions`, { query: { court }, signal }),
  });
}

/** 委托事项 a court sent and received. */
export function useEntrustments(court: string | undefined) {
  return useQuery({
    queryKey: commandKeys.entrustments(court),
    queryFn: ({ signal }) =>
      requestJson<{ items: TEntrustmentListItem[] }>(`${base}/entrustments`, { query: { court }, signal }),
  });
}

/** 信访台账 of a court. */
export function usePetitions(court: string | undefined) {
  return useQuery({
    queryKey: commandKeys.petitions(court),
    queryFn: ({ signal }) =>
      requestJson<{ items: TPetition[] }>(`${base}/petitions`, { query: { court }, signal }),
  });
}

/** 预警 in a court and below it: deadlines yellow before and red after, passive cases; special cases first. */
export function useWarnings(court: string | undefined, filter: WarningFilter) {
  return useQuery({
    queryKey: commandKeys.warnings(court, filter),
    queryFn: ({ signal }) =>
      requestJson<TWarningList>(`${base}/warnings`, {
        query: {
          court,
          level: filter.level,
          kind: filter.kind,
          special: filter.special ? 'true' : undefined,
        },
        signal,
      }),
  });
}

/** The supervisions, entrustments and petitions of one case (its page's 督办与委托 tab). */
export function useCaseCommand(caseId: string) {
  return useQuery({
    queryKey: commandKeys.case(caseId),
    queryFn: ({ signal }) => requestJson<TCaseCommand>(`${base}/cases/${id(caseId)}`, { signal }),
  });
}

/**
 * The big screen's one read — today's counters and this year's indicators of the court and those
 * below it — polled while the screen is up, even when its window is not in front.
 */
export function useLive(court: string | undefined, refetchInterval: number) {
  return useQuery({
    queryKey: commandKeys.live(court),
    queryFn: ({ signal }) => requestJson<TLive>(`${base}/live`, { query: { court }, signal }),
    refetchInterval,
    refetchIntervalInBackground: true,
  });
}

/**
 * Any change in the command centre may move an indicator, a ledger and a case's card: refresh
 * everything the command centre shows (a handful of queries).
 */
function useRefreshCommand() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: commandKeys.all });
}

/** 督办: a command centre or a leader of a higher court opens a supervision on a case below. */
export function useOpenSupervision() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: (body: TOpenSupervision) =>
      requestJson<TSupervisionOpened>(`${base}/supervisions`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 督办报告: the case's team reports back. */
export function useReportOnSupervision() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: ({ supervisionId, text }: { supervisionId: string; text: string }) =>
      requestJson<TReported>(`${base}/supervisions/${id(supervisionId)}/reports`, {
        method: 'POST',
        body: { text },
      }),
    onSuccess: refresh,
  });
}

/** 事项委托: the case's team asks another court to do a matter on its ground. */
export function useRequestEntrustment() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: (body: TRequestEntrustment) =>
      requestJson<TEntrustmentRequested>(`${base}/entrustments`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 受理委托 (the receiving court). */
export function useAcceptEntrustment() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: (entrustmentId: string) =>
      requestJson<TEntrustment>(`${base}/entrustments/${id(entrustmentId)}/accept`, { method: 'POST' }),
    onSettled: refresh,
  });
}

/** 委托办结: the receiving court reports the result, with the names of its receipts. */
export function useCompleteEntrustment() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: ({ entrustmentId, body }: { entrustmentId: string; body: TCompleteEntrustment }) =>
      requestJson<TEntrustment>(`${base}/entrustments/${id(entrustmentId)}/complete`, {
        method: 'POST',
        body,
      }),
    onSettled: refresh,
  });
}

/** 信访登记: the case's court leader or a command centre above it. */
export function useRegisterPetition() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: (body: TRegisterPetition) =>
      requestJson<TPetitionRegistered>(`${base}/petitions`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 信访办结 with its resolution. */
export function useConcludePetition() {
  const refresh = useRefreshCommand();
  return useMutation({
    mutationFn: ({ petitionId, resolution }: { petitionId: string; resolution: string }) =>
      requestJson<TPetitionConcluded>(`${base}/petitions/${id(petitionId)}/conclude`, {
        method: 'POST',
        body: { resolution },
      }),
    onSettled: refresh,
  });
}
