import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TBankAccount,
  TCaseFunds,
  TCourtDisbursements,
  TCourtPayoutDelays,
  TDisbursement,
  TMonthlyReport,
  TReconciliation,
  TRequestPayoutDelay,
  TUnmatchedList,
  ZAllocatedSchema,
  ZAllocateSchema,
  ZClaimedSchema,
  ZLodgedSchema,
  ZLodgeEscrowSchema,
  ZPayeeAccountSavedSchema,
  ZPayoutDelayRequestedSchema,
  ZProposeDisbursementSchema,
  ZProposedSchema,
} from '../../../src/modules/funds/contracts.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';

// The contract names these shapes only as schemas; their types are read from them (type-only).
export type TProposeDisbursement = z.input<typeof ZProposeDisbursementSchema>;
type TProposed = z.infer<typeof ZProposedSchema>;
type TClaimed = z.infer<typeof ZClaimedSchema>;
type TPayeeAccountSaved = z.infer<typeof ZPayeeAccountSavedSchema>;
export type TLodgeEscrow = z.input<typeof ZLodgeEscrowSchema>;
export type TEscrowGround = TLodgeEscrow['ground'];
type TLodged = z.infer<typeof ZLodgedSchema>;
export type TAllocate = z.input<typeof ZAllocateSchema>;
export type TAllocateShare = TAllocate['shares'][number];
type TAllocated = z.infer<typeof ZAllocatedSchema>;

export type TCaseDisbursement = TCaseFunds['disbursements'][number];
export type TCasePayee = TCaseFunds['payees'][number];
export type TDisbursementState = TCaseDisbursement['state'];
export type TPayoutLight = NonNullable<TCaseFunds['payout']>['light'];
export type TUnmatchedItem = TUnmatchedList['items'][number];
export type TCourtDisbursement = TCourtDisbursements['items'][number];
export type { TMonthlyReport, TReconciliation };
export type TDifference = TReconciliation['differences'][number];
export type TWaitingCase = TMonthlyReport['waiting'][number];

/** What is left to propose for a payee: payable less what proposals not yet paid hold. */
export function availableFen(payee: TCasePayee): number {
  return Math.max(0, payee.payableFen - payee.reservedFen);
}

/**
 * 决定分配: what a decision can divide — the unallocated money less the enforcement fee still
 * owed, which the server takes first (the fee due is the case's fee less what is already taken).
 */
export function allocatableFen(funds: TCaseFunds): { feeFen: number; leftFen: number } {
  const { unallocatedFen, feesFen } = funds.balances;
  const feeFen = Math.min(unallocatedFen, Math.max(0, funds.enforcementFeeFen - feesFen));
  return { feeFen, leftFen: unallocatedFen - feeFen };
}

/**
 * Money on its way through the bank: the case's funds are polled every few seconds until the bank
 * answers. A proposal waiting for a leader is polled slowly, so the team sees the decision come in.
 */
const inFlightStates: readonly TDisbursementState[] = ['approved', 'instructed'];
const inFlightPollMs = 3000;
const pendingPollMs = 15_000;

export function isInFlight(state: TDisbursementState): boolean {
  return inFlightStates.includes(state);
}

const id = encodeURIComponent;

export const fundsKeys = {
  all: ['funds'] as const,
  cases: () => [...fundsKeys.all, 'case'] as const,
  case: (caseId: string) => [...fundsKeys.cases(), caseId] as const,
  unmatched: () => [...fundsKeys.all, 'unmatched'] as const,
  courtDisbursements: () => [...fundsKeys.all, 'disbursements'] as const,
  courtDisbursementsIn: (view: DisbursementView) => [...fundsKeys.courtDisbursements(), view] as const,
  reconciliations: () => [...fundsKeys.all, 'reconciliations'] as const,
  monthly: (month: string) => [...fundsKeys.all, 'monthly', month] as const,
};

/** The desk's views of the court's disbursements; "in flight" is two states of the server's. */
export const disbursementViews = {
  pending: ['pendingApproval'],
  inFlight: ['approved', 'instructed'],
  paid: ['paid'],
  failed: ['failed'],
  rejected: ['rejected'],
} as const satisfies Record<string, readonly TDisbursementState[]>;
export type DisbursementView = keyof typeof disbursementViews;

export function useCaseFunds(caseId: string) {
  return useQuery({
    queryKey: fundsKeys.case(caseId),
    queryFn: ({ signal }) => requestJson<TCaseFunds>(`/api/v1/cases/${id(caseId)}/funds`, { signal }),
    refetchInterval: (query) => {
      const states = query.state.data?.disbursements.map((d) => d.state) ?? [];
      if (states.some(isInFlight)) return inFlightPollMs;
      return states.includes('pendingApproval') ? pendingPollMs : false;
    },
  });
}

/** The court's claim queue (待认领款项). */
export function useUnmatched() {
  return useQuery({
    queryKey: fundsKeys.unmatched(),
    queryFn: ({ signal }) => requestJson<TUnmatchedList>('/api/v1/funds/unmatched', { signal }),
  });
}

/**
 * The court's disbursements in one of the desk's views, newest proposal first. Pending ones are
 * polled slowly (another leader may decide them), money with the bank every few seconds.
 */
export function useCourtDisbursements(view: DisbursementView) {
  return useQuery({
    queryKey: fundsKeys.courtDisbursementsIn(view),
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        disbursementViews[view].map((state) =>
          requestJson<TCourtDisbursements>('/api/v1/funds/disbursements', { query: { state }, signal }),
        ),
      );
      return lists
        .flatMap((list) => list.items)
        .sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : a.proposedAt > b.proposedAt ? -1 : 0));
    },
    refetchInterval: view === 'inFlight' ? inFlightPollMs : view === 'pending' ? pendingPollMs : false,
  });
}

/** The court's reconciliations with the bank, latest statement date first. */
export function useReconciliations() {
  return useQuery({
    queryKey: fundsKeys.reconciliations(),
    queryFn: ({ signal }) =>
      requestJson<{ items: TReconciliation[] }>('/api/v1/funds/reconciliations', { signal }),
  });
}

/** 立即对账: reconciles an ended China date against the bank's statement now. */
export function useReconcileNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      requestJson<TReconciliation>('/api/v1/funds/reconciliations', { method: 'POST', body: { date } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fundsKeys.reconciliations() }),
  });
}

/** 执行款月报 of a month (`YYYY-MM`, China time). */
export function useMonthlyReport(month: string) {
  return useQuery({
    queryKey: fundsKeys.monthly(month),
    queryFn: ({ signal }) =>
      requestJson<TMonthlyReport>('/api/v1/funds/reports/monthly', {
        query: { month, format: 'json' },
        signal,
      }),
  });
}

/** The same report as an Excel workbook (a download link, cookie-authenticated GET). */
export function monthlyReportExportUrl(month: string): string {
  return `/api/v1/funds/reports/monthly?${new URLSearchParams({ month, format: 'xlsx' }).toString()}`;
}

/** After any change of a case's money: its funds, the case (recovered amount) and the lists. */
function useRefreshFunds() {
  const queryClient = useQueryClient();
  return (caseId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: fundsKeys.case(caseId) }),
      queryClient.invalidateQueries({ queryKey: fundsKeys.courtDisbursements() }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
    ]);
}

export function useSavePayeeAccount(caseId: string) {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ partyId, account }: { partyId: string; account: TBankAccount }) =>
      requestJson<TPayeeAccountSaved>(`/api/v1/cases/${id(caseId)}/funds/payee-accounts/${id(partyId)}`, {
        method: 'PUT',
        body: account,
      }),
    onSuccess: () => refresh(caseId),
  });
}

export function useProposeDisbursement(caseId: string) {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: (body: Omit<TProposeDisbursement, 'caseId'>) =>
      requestJson<TProposed>('/api/v1/funds/disbursements', { method: 'POST', body: { ...body, caseId } }),
    // A refusal ("more than what is left") means the page's balances are stale: refresh them too.
    onSettled: () => refresh(caseId),
  });
}

/**
 * 提存: a court leader of the case's court lodges money payable to an applicant in escrow. A
 * refusal ("more than can be lodged") means the page's balances are stale: refresh them too.
 */
export function useLodgeEscrow(caseId: string) {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: (body: Omit<TLodgeEscrow, 'caseId'>) =>
      requestJson<TLodged>('/api/v1/funds/escrows', { method: 'POST', body: { ...body, caseId } }),
    onSettled: () => refresh(caseId),
  });
}

/**
 * 决定分配: the case judge or a leader of the case's court divides the case's unallocated money
 * (several applicants) among them; the fee still owed is taken first by the server, and what is
 * left may go back to the respondent. A refusal ("more than is unallocated") means the page's
 * balances are stale: refresh them too.
 */
export function useAllocate(caseId: string) {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: (body: Omit<TAllocate, 'caseId'>) =>
      requestJson<TAllocated>('/api/v1/funds/allocations', { method: 'POST', body: { ...body, caseId } }),
    onSettled: () => refresh(caseId),
  });
}

/** A leader's decision on a disbursement, from the case's funds tab or the desk. */
export type DisbursementRef = { disbursementId: string; caseId: string };

export function useApproveDisbursement() {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ disbursementId }: DisbursementRef) =>
      requestJson<TDisbursement>(`/api/v1/funds/disbursements/${id(disbursementId)}/approve`, {
        method: 'POST',
      }),
    onSettled: (_answer, _error, { caseId }) => refresh(caseId),
  });
}

export function useRejectDisbursement() {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ disbursementId, reason }: DisbursementRef & { reason: string }) =>
      requestJson<TDisbursement>(`/api/v1/funds/disbursements/${id(disbursementId)}/reject`, {
        method: 'POST',
        body: { reason },
      }),
    onSettled: (_answer, _error, { caseId }) => refresh(caseId),
  });
}

export function useClaimUnmatched() {
  const queryClient = useQueryClient();
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ receiptId, caseId }: { receiptId: string; caseId: string }) =>
      requestJson<TClaimed>(`/api/v1/funds/unmatched/${id(receiptId)}/claim`, {
        method: 'POST',
        body: { caseId },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fundsKeys.unmatched() }),
    onSuccess: (claimed) => refresh(claimed.caseId),
  });
}

// 延期发放 (执行款物管理规定 art. 15) and 退还被执行人 — the types read from the contract (type-only).
export type TPayoutDelay = TCaseFunds['payoutDelays'][number];
export type TPayoutDelayReason = TPayoutDelay['reason'];
export type TPayoutDelayState = TPayoutDelay['state'];
export type TCourtPayoutDelay = TCourtPayoutDelays['items'][number];
export type TRequestPayoutDelayBody = TRequestPayoutDelay;
type TPayoutDelayRequested = z.infer<typeof ZPayoutDelayRequestedSchema>;

/** A delay waiting for a leader, or approved and not yet ended: the case may have one at a time. */
export function openPayoutDelay(funds: TCaseFunds): TPayoutDelay | undefined {
  return funds.payoutDelays.find((d) => d.state === 'pendingApproval' || d.state === 'approved');
}

/**
 * 退还被执行人: what is left to propose to a respondent — the case's refund less what refund
 * proposals not yet paid hold (a disbursement to a respondent draws on the refund; the server's rule).
 */
export function refundAvailableFen(funds: TCaseFunds, respondentIds: readonly string[]): number {
  const held = funds.disbursements
    .filter((d) => respondentIds.includes(d.payeePartyId))
    .filter((d) => d.state === 'pendingApproval' || isInFlight(d.state))
    .reduce((sum, d) => sum + d.amountFen, 0);
  return Math.max(0, funds.balances.refundFen - held);
}

export const payoutDelayKeys = {
  court: () => [...fundsKeys.all, 'payoutDelays'] as const,
  courtIn: (state: TPayoutDelayState) => [...payoutDelayKeys.court(), state] as const,
};

/** The court's payout delays in one state (the funds desk), newest request first. */
export function useCourtPayoutDelays(state: TPayoutDelayState) {
  return useQuery({
    queryKey: payoutDelayKeys.courtIn(state),
    queryFn: ({ signal }) =>
      requestJson<TCourtPayoutDelays>('/api/v1/funds/payout-delays', { query: { state }, signal }),
    refetchInterval: state === 'pendingApproval' ? pendingPollMs : false,
  });
}

/** After a delay changes: the case's funds (its light), the case (deadlines) and the desk's lists. */
function useRefreshDelays() {
  const queryClient = useQueryClient();
  const refresh = useRefreshFunds();
  return (caseId: string) =>
    Promise.all([refresh(caseId), queryClient.invalidateQueries({ queryKey: payoutDelayKeys.court() })]);
}

/** 申请延期发放: the case team names one of art. 15's reasons; a leader of the court decides. */
export function useRequestPayoutDelay(caseId: string) {
  const refresh = useRefreshDelays();
  return useMutation({
    mutationFn: (body: TRequestPayoutDelayBody) =>
      requestJson<TPayoutDelayRequested>(`/api/v1/cases/${id(caseId)}/funds/payout-delays`, {
        method: 'POST',
        body,
      }),
    onSettled: () => refresh(caseId),
  });
}

/** A leader's decision on a delay, or the team's record that its reason ended. */
export type PayoutDelayRef = { delayId: string; caseId: string };

export function useApprovePayoutDelay() {
  const refresh = useRefreshDelays();
  return useMutation({
    mutationFn: ({ delayId }: PayoutDelayRef) =>
      requestJson<TPayoutDelay>(`/api/v1/funds/payout-delays/${id(delayId)}/approve`, { method: 'POST' }),
    onSettled: (_answer, _error, { caseId }) => refresh(caseId),
  });
}

export function useRejectPayoutDelay() {
  const refresh = useRefreshDelays();
  return useMutation({
    mutationFn: ({ delayId, reason }: PayoutDelayRef & { reason: string }) =>
      requestJson<TPayoutDelay>(`/api/v1/funds/payout-delays/${id(delayId)}/reject`, {
        method: 'POST',
        body: { reason },
      }),
    onSettled: (_answer, _error, { caseId }) => refresh(caseId),
  });
}

/** 事由消除: recorded today (the server's clock); the money is then due within 10 days. */
export function useEndPayoutDelay() {
  const refresh = useRefreshDelays();
  return useMutation({
    mutationFn: ({ delayId }: PayoutDelayRef) =>
      requestJson<TPayoutDelay>(`/api/v1/funds/payout-delays/${id(delayId)}/end`, { method: 'POST' }),
    onSettled: (_answer, _error, { caseId }) => refresh(caseId),
  });
}
