import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCreateLot,
  TPublicLot,
  TRegisterBidder,
  ZBidAcceptedSchema,
  ZBidderHomeSchema,
  ZBidderRegisteredSchema,
  ZCaseLotsSchema,
  ZDepositAnswerSchema,
  ZLotCreatedSchema,
  ZLotDecidedSchema,
  ZLotPageSchema,
} from '../../../src/modules/disposal/auction-contracts.ts';
import type {
  TLottery,
  TObjection,
  TStartValuation,
  TValuation,
  ZAppraisalExtensionSchema,
  ZAppraisalReportSchema,
  ZCaseValuationsSchema,
  ZDecideObjectionSchema,
  ZExtensionGrantedSchema,
  ZLodgeObjectionSchema,
  ZObjectionAnswerSchema,
  ZValuationStartedSchema,
} from '../../../src/modules/disposal/valuation-contracts.ts';
import { ApiError, type ErrorDetail, requestJson } from './client.ts';

/**
 * Disposal (处置): the case team's valuations (参考价) and lots, and the public auction site
 * (网络司法拍卖) with its bidders. A bidder is not a court user: their bearer token is sent on the
 * bidder routes only, never the staff session.
 */

// The contract names these shapes as schemas; their types are read from them (type-only).
export type TCaseValuations = z.infer<typeof ZCaseValuationsSchema>;
export type TCaseAsset = TCaseValuations['assets'][number];
export type TValuationStarted = z.infer<typeof ZValuationStartedSchema>;
export type TAppraisalReport = z.input<typeof ZAppraisalReportSchema>;
export type TValuationReport = TValuation['reports'][number];
export type TValuationMethod = TValuation['method'];
export type TValuationState = TValuation['state'];
export type TCaseLots = z.infer<typeof ZCaseLotsSchema>;
export type TCaseLot = TCaseLots['items'][number];
export type TLotCreated = z.infer<typeof ZLotCreatedSchema>;
export type TLotDecided = z.infer<typeof ZLotDecidedSchema>;
export type TLodgeObjection = z.input<typeof ZLodgeObjectionSchema>;
export type TDecideObjection = z.input<typeof ZDecideObjectionSchema>;
export type TObjectionAnswer = z.infer<typeof ZObjectionAnswerSchema>;
export type TAppraisalExtension = z.input<typeof ZAppraisalExtensionSchema>;
export type TExtensionGranted = z.infer<typeof ZExtensionGrantedSchema>;
export type TLotPage = z.infer<typeof ZLotPageSchema>;
export type TLotSummary = TLotPage['items'][number];
export type TLotState = TPublicLot['state'];
export type TPublicBid = TPublicLot['bids'][number];
export type TBidderRegistered = z.infer<typeof ZBidderRegisteredSchema>;
export type TDepositAnswer = z.infer<typeof ZDepositAnswerSchema>;
export type TDepositState = TDepositAnswer['state'];
export type TBidAccepted = z.infer<typeof ZBidAcceptedSchema>;
export type TBidderHome = z.infer<typeof ZBidderHomeSchema>;
export type TBidderDeposit = TBidderHome['deposits'][number];
export type { TCreateLot, TLottery, TObjection, TPublicLot, TRegisterBidder, TStartValuation, TValuation };

/** The public search's filters, as the auction site keeps them in its URL. */
export type LotSearch = {
  region?: string;
  type?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
  state?: TLotState;
  page: number;
};

/** The search answers at most this many pages (the contract's `page` ≤ 50). */
export const maxSearchPage = 50;

const id = encodeURIComponent;

export const disposalKeys = {
  all: ['disposal'] as const,
  caseValuations: (caseId: string) => [...disposalKeys.all, 'case', caseId, 'valuations'] as const,
  caseLots: (caseId: string) => [...disposalKeys.all, 'case', caseId, 'lots'] as const,
  lottery: (lotteryId: string) => [...disposalKeys.all, 'lottery', lotteryId] as const,
};

export const auctionKeys = {
  all: ['auction'] as const,
  searches: () => [...auctionKeys.all, 'search'] as const,
  search: (params: LotSearch) => [...auctionKeys.searches(), params] as const,
  lot: (lotId: string) => [...auctionKeys.all, 'lot', lotId] as const,
  bidders: () => [...auctionKeys.all, 'me'] as const,
  me: (bidderId: string) => [...auctionKeys.bidders(), bidderId] as const,
};

/** Still working towards a price: the tab follows it until the platforms or the appraiser answer. */
const openValuationStates: readonly TValuationState[] = [
  'inquiring',
  'extended',
  'drawingLots',
  'appraising',
];

export function isValuationOpen(state: TValuationState): boolean {
  return openValuationStates.includes(state);
}

/** A lot still taking deposits or bids. */
export function isLotOpen(state: TLotState): boolean {
  return state === 'announced' || state === 'bidding';
}

// ——— The case team ———

/** The case's sealed or seized assets and their valuations; followed while a price is awaited. */
export function useCaseValuations(caseId: string) {
  return useQuery({
    queryKey: disposalKeys.caseValuations(caseId),
    queryFn: ({ signal }) =>
      requestJson<TCaseValuations>(`/api/v1/cases/${id(caseId)}/valuations`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((v) => isValuationOpen(v.state)) ? 5000 : false,
  });
}

/** 启动询价评估. */
export function useStartValuation(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStartValuation) =>
      requestJson<TValuationStarted>(`/api/v1/cases/${id(caseId)}/valuations`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
  });
}

/** 摇号: the appraiser is drawn from the roster with the witness value mixed in. */
export function useDrawLots() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ valuationId, witness }: { valuationId: string; witness?: string }) =>
      requestJson<TLottery>(`/api/v1/valuations/${id(valuationId)}/lottery/draw`, {
        method: 'POST',
        body: witness ? { witness } : {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.all }),
  });
}

/** 录入评估报告: the appraiser's report fixes the reference price. */
export function useRecordAppraisalReport(caseId: string, valuationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAppraisalReport) =>
      requestJson<TValuationStarted>(`/api/v1/valuations/${id(valuationId)}/appraisal/report`, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
  });
}

/** The lottery of an appraisal: its commitment before the draw, the seed and result after. */
export function useLottery(lotteryId: string | null) {
  return useQuery({
    queryKey: disposalKeys.lottery(lotteryId ?? ''),
    queryFn: ({ signal }) => requestJson<TLottery>(`/api/v1/lotteries/${id(lotteryId ?? '')}`, { signal }),
    enabled: lotteryId !== null,
  });
}

/** The case's lots, with the winner for the court; followed while one is open. */
export function useCaseLots(caseId: string) {
  return useQuery({
    queryKey: disposalKeys.caseLots(caseId),
    queryFn: ({ signal }) => requestJson<TCaseLots>(`/api/v1/cases/${id(caseId)}/lots`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((l) => l.state === 'bidding' || l.state === 'saleOpen') ? 10_000 : false,
  });
}

/**
 * What the court decides after a failed round (DOMAIN §7): 以物抵债 to an applicant at the reserve,
 * 变卖 for 60 days at the second round's starting price, or release. Each answers the lot's new state.
 */
export type LotDecision =
  | { kind: 'transferInLieu'; partyId: string }
  | { kind: 'sale' }
  | { kind: 'release' };

const decisionPaths: Record<LotDecision['kind'], string> = {
  transferInLieu: 'transfer-in-lieu',
  sale: 'sale',
  release: 'release',
};

export function useDecideLot(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lotId, decision }: { lotId: string; decision: LotDecision }) =>
      requestJson<TLotDecided>(`/api/v1/auction/lots/${id(lotId)}/${decisionPaths[decision.kind]}`, {
        method: 'POST',
        body: decision.kind === 'transferInLieu' ? { partyId: decision.partyId } : {},
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: disposalKeys.caseLots(caseId) }),
        queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
      ]),
  });
}

/** 对询价报告提出异议: within 5 days of the report's service (参考价规定 art. 22). */
export function useLodgeObjection(caseId: string, valuationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLodgeObjection) =>
      requestJson<TObjectionAnswer>(`/api/v1/valuations/${id(valuationId)}/objections`, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
  });
}

/** 审查异议: the judge or a court leader upholds (the report is set aside) or dismisses it. */
export function useDecideObjection(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ objectionId, body }: { objectionId: string; body: TDecideObjection }) =>
      requestJson<TObjectionAnswer>(`/api/v1/valuation-objections/${id(objectionId)}/decision`, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
  });
}

/** 评估机构申请延期: the current appraiser's deadline moves (at most twice, 15 days each). */
export function useAppraisalExtension(caseId: string, valuationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAppraisalExtension) =>
      requestJson<TExtensionGranted>(`/api/v1/valuations/${id(valuationId)}/appraisal/extensions`, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
  });
}

/** 发布拍卖公告: a lot of a priced asset. */
export function useCreateLot(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateLot) =>
      requestJson<TLotCreated>(`/api/v1/cases/${id(caseId)}/lots`, { method: 'POST', body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: disposalKeys.caseLots(caseId) }),
        queryClient.invalidateQueries({ queryKey: disposalKeys.caseValuations(caseId) }),
      ]),
  });
}

// ——— The public auction site ———

export function useLotSearch(params: LotSearch) {
  return useQuery({
    queryKey: auctionKeys.search(params),
    queryFn: ({ signal }) =>
      requestJson<TLotPage>('/api/v1/auction/lots', {
        query: {
          region: params.region,
          type: params.type,
          minPriceFen: params.minPriceFen,
          maxPriceFen: params.maxPriceFen,
          state: params.state,
          page: params.page,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A lot as the public sees it, with the offset of the server's clock from the browser's. */
export type LiveLot = { lot: TPublicLot; offsetMs: number };

/** The server's clock less the browser's, from an answer's `serverNow` and the moment it arrived. */
export function offsetFrom(serverNow: string, receivedAtMs: number): number | null {
  const serverMs = Date.parse(serverNow);
  return Number.isNaN(serverMs) ? null : serverMs - receivedAtMs;
}

export async function fetchPublicLot(lotId: string, signal?: AbortSignal): Promise<LiveLot> {
  const lot = await requestJson<TPublicLot>(`/api/v1/auction/lots/${id(lotId)}`, { signal });
  return { lot, offsetMs: offsetFrom(lot.serverNow, Date.now()) ?? 0 };
}

export function lotStreamUrl(lotId: string): string {
  return `/api/v1/auction/lots/${id(lotId)}/stream`;
}

/** Registration answers the bidder's token once; the site keeps it (lib: bidder-session). */
export function useRegisterBidder() {
  return useMutation({
    mutationFn: (body: TRegisterBidder) =>
      requestJson<TBidderRegistered>('/api/v1/auction/bidders', { method: 'POST', body }),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function detailsOf(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.message === 'string'
      ? [{ path: typeof item.path === 'string' ? item.path : '', message: item.message }]
      : [],
  );
}

/**
 * A request on the bidder's own token (`authorization: Bearer zxb_…`). The shared client sends the
 * staff session only, so the bidder routes have this one; its errors are the same `ApiError`.
 */
async function requestAsBidder<T>(
  token: string,
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: '无法连接服务器，请检查网络 / Cannot reach the server, check the network',
      details: [],
      url: path,
    });
  }
  if (response.ok) {
    const data: T = await response.json();
    return data;
  }
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  throw new ApiError({
    status: response.status,
    code: error && typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
    message:
      error && typeof error.message === 'string'
        ? error.message
        : `请求失败（${response.status}） / Request failed (${response.status})`,
    details: error ? detailsOf(error.details) : [],
    url: path,
  });
}

/**
 * The bidder's deposits and bids; followed while a deposit waits for the bank. `null` when the
 * server no longer knows the token (a 401 here is the bidder's, never the staff session's).
 */
export function useBidderHome(bidder: { id: string; token: string } | null) {
  return useQuery({
    queryKey: auctionKeys.me(bidder?.id ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await requestAsBidder<TBidderHome>(bidder?.token ?? '', '/api/v1/auction/me', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    enabled: bidder !== null,
    retry: false,
    staleTime: 5000,
    refetchInterval: (query) =>
      query.state.data?.deposits.some((d) => d.state === 'requested') ? 2000 : false,
  });
}

/** 交纳保证金: held at the bank in the bidder's name; the bidder number comes with the hold. */
export function usePayDeposit(bidder: { id: string; token: string } | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lotId: string) =>
      requestAsBidder<TDepositAnswer>(bidder?.token ?? '', `/api/v1/auction/lots/${id(lotId)}/deposits`, {
        method: 'POST',
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auctionKeys.me(bidder?.id ?? '') }),
  });
}

/**
 * 变卖全额购买: the bank holds the full sale price in the bidder's name and, if no one paid first,
 * it is paid into the case account and the bidder buys the lot. A 409 tells that someone else did.
 */
export function usePurchase(bidder: { id: string; token: string } | null, lotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestAsBidder<TDepositAnswer>(bidder?.token ?? '', `/api/v1/auction/lots/${id(lotId)}/purchase`, {
        method: 'POST',
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: auctionKeys.me(bidder?.id ?? '') }),
        queryClient.invalidateQueries({ queryKey: auctionKeys.lot(lotId) }),
      ]),
  });
}

/** 出价: the server's clock stamps it; a bid in the last five minutes moves the end. */
export function usePlaceBid(bidder: { id: string; token: string } | null, lotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (amountFen: number) =>
      requestAsBidder<TBidAccepted>(bidder?.token ?? '', `/api/v1/auction/lots/${id(lotId)}/bids`, {
        method: 'POST',
        body: { amountFen },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auctionKeys.me(bidder?.id ?? '') }),
  });
}
