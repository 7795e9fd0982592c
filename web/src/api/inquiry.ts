import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAssetList,
  TAssetSort,
  TBatchProgress,
  TCaseInquiries,
  TCreateMeasure,
  TDocument,
  TGraph,
  TInstitutionCode,
  TInstitutionList,
  TLaunchBatch,
  TLaunched,
  TMeasureCreated,
  TMeasureList,
  TNoticeList,
  TNoticeRead,
  TRequestState,
  TRetried,
  TUpdateInstitution,
} from '../../../src/modules/inquiry/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';

/** The codes of the inquiry API (src/modules/inquiry/contracts.ts), for the options and the labels. */
export const requestStates = everyValueOf<TRequestState>()([
  'pending',
  'sending',
  'accepted',
  'answered',
  'failed',
  'expired',
]);

const caseBase = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const inquiryKeys = {
  all: ['inquiry'] as const,
  assets: (caseId: string, sort: TAssetSort, order: 'asc' | 'desc') =>
    [...inquiryKeys.all, 'assets', caseId, sort, order] as const,
  caseAll: (caseId: string) => [...inquiryKeys.all, 'case', caseId] as const,
  measures: (caseId: string) => [...inquiryKeys.caseAll(caseId), 'measures'] as const,
  inquiries: (caseId: string) => [...inquiryKeys.caseAll(caseId), 'inquiries'] as const,
  graph: (caseId: string) => [...inquiryKeys.caseAll(caseId), 'graph'] as const,
  batch: (batchId: string) => [...inquiryKeys.all, 'batch', batchId] as const,
  institutions: () => [...inquiryKeys.all, 'institutions'] as const,
  notices: (caseId: string) => [...inquiryKeys.all, 'notices', caseId] as const,
};

/** While something is in flight the lists refresh every 2 s, so the feedback fills in live. */
const livePollMs = 2000;
/**
 * The progress bar reads one small summary: every half second while answers come in, so it fills
 * as they do rather than jumping from 0 to 100% when the institutions answer within two seconds.
 */
const progressPollMs = 500;

export function useCaseAssets(caseId: string, sort: TAssetSort, order: 'asc' | 'desc', isLive: boolean) {
  return useQuery({
    queryKey: inquiryKeys.assets(caseId, sort, order),
    queryFn: ({ signal }) =>
      requestJson<TAssetList>(`${caseBase(caseId)}/assets`, { query: { sort, order }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: isLive ? livePollMs : false,
  });
}

/** The feedback list as a workbook in the user's language. */
export function assetExportUrl(
  caseId: string,
  sort: TAssetSort,
  order: 'asc' | 'desc',
  lang: 'zh' | 'en',
): string {
  return `${caseBase(caseId)}/assets/export?sort=${sort}&order=${order}&lang=${lang}`;
}

export function useCaseInquiries(caseId: string) {
  return useQuery({
    queryKey: inquiryKeys.inquiries(caseId),
    queryFn: ({ signal }) => requestJson<TCaseInquiries>(`${caseBase(caseId)}/inquiries`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.doneAt === null) ||
      query.state.data?.requests.some(
        (r) => r.state !== 'answered' && r.state !== 'failed' && r.state !== 'expired',
      )
        ? progressPollMs
        : false,
  });
}

export function useBatchProgress(batchId: string | null) {
  return useQuery({
    queryKey: inquiryKeys.batch(batchId ?? ''),
    queryFn: ({ signal }) => requestJson<TBatchProgress>(`/api/v1/inquiry/batches/${batchId}`, { signal }),
    enabled: batchId !== null,
    refetchInterval: (query) => (query.state.data?.done ? false : 1000),
  });
}

export function useLaunchCaseInquiry(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purpose: string) =>
      requestJson<TLaunched>(`${caseBase(caseId)}/inquiries`, { method: 'POST', body: { purpose } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryKeys.caseAll(caseId) }),
  });
}

export function useLaunchBatch() {
  return useMutation({
    mutationFn: (body: TLaunchBatch) =>
      requestJson<TLaunched>('/api/v1/inquiry/batches', { method: 'POST', body }),
  });
}

export function useCaseMeasures(caseId: string) {
  return useQuery({
    queryKey: inquiryKeys.measures(caseId),
    queryFn: ({ signal }) => requestJson<TMeasureList>(`${caseBase(caseId)}/measures`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.state === 'requested') ? livePollMs : false,
  });
}

export function useCreateMeasure(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateMeasure) =>
      requestJson<TMeasureCreated>(`${caseBase(caseId)}/measures`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inquiryKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}

export function fetchMeasureDocument(measureId: string) {
  return requestJson<TDocument>(`/api/v1/inquiry/measures/${encodeURIComponent(measureId)}/document`);
}

export function useRetryRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) =>
      requestJson<TRetried>(`/api/v1/inquiry/requests/${requestId}/retry`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryKeys.caseAll(caseId) }),
  });
}

export function useAssetGraph(caseId: string) {
  return useQuery({
    queryKey: inquiryKeys.graph(caseId),
    queryFn: ({ signal }) => requestJson<TGraph>(`${caseBase(caseId)}/asset-graph`, { signal }),
  });
}

export function useCaseNotices(caseId: string) {
  return useQuery({
    queryKey: inquiryKeys.notices(caseId),
    queryFn: ({ signal }) =>
      requestJson<TNoticeList>('/api/v1/inquiry/notices', { query: { caseId }, signal }),
  });
}

export function useInstitutions() {
  return useQuery({
    queryKey: inquiryKeys.institutions(),
    queryFn: ({ signal }) => requestJson<TInstitutionList>('/api/v1/inquiry/institutions', { signal }),
    refetchInterval: 5000,
  });
}

export function useUpdateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: TUpdateInstitution }) =>
      requestJson<TInstitutionCode>(`/api/v1/inquiry/institutions/${encodeURIComponent(code)}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryKeys.institutions() }),
  });
}

export function useMarkNoticeRead(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<TNoticeRead>(`/api/v1/inquiry/notices/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryKeys.notices(caseId) }),
  });
}
