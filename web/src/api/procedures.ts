import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TDefaultInput,
  TPaymentInput,
  TSettlement,
  TSettlementInput,
  ZCreatedSchema,
  ZDefaultedSchema,
  ZPaymentRecordedSchema,
  ZSettlementListSchema,
} from '../../../src/modules/procedures/contracts.ts';
import type {
  TPaperReportInput,
  TPortalReportInput,
  TTeamObligationList,
  ZPortalObligationListSchema,
  ZReportCreatedSchema,
} from '../../../src/modules/procedures/report-contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { caseKeys } from './cases.ts';
import { requestJson } from './client.ts';
import { partyKeys } from './party.ts';
import { asPortal, usePortalSession } from './portal-session.ts';
import { ratingKeys } from './rating.ts';

/**
 * Procedures beside the mainline: enforcement settlements (执行和解) — instalments, payments,
 * default — and property reports (报告财产令) — each respondent's obligation, the reports from the
 * portal or from paper, compared with the online inquiry, with the proposals a breach calls for.
 */
export type { TPaperReportInput, TPaymentInput, TPortalReportInput, TSettlement, TSettlementInput };
export type TSettlementStatus = TSettlement['status'];
export type TInstalment = TSettlement['instalments'][number];
export type TInstalmentStatus = TInstalment['status'];
type TSettlementList = z.infer<typeof ZSettlementListSchema>;
type TCreated = z.infer<typeof ZCreatedSchema>;
type TDefaulted = z.infer<typeof ZDefaultedSchema>;
type TPaymentRecorded = z.infer<typeof ZPaymentRecordedSchema>;
type TReportCreated = z.infer<typeof ZReportCreatedSchema>;

export type TTeamObligation = TTeamObligationList['items'][number];
export type TObligationStatus = TTeamObligation['status'];
export type TReportItem = TTeamObligation['items'][number];
export type TReportItemKind = TReportItem['kind'];
export type TReportItemInput = TPortalReportInput['items'][number];
export type TDifference = TTeamObligation['differences'][number];
export type TDifferenceCode = TDifference['code'];
export type TProposal = TTeamObligation['proposals'][number];
export type TPortalObligationList = z.infer<typeof ZPortalObligationListSchema>;
export type TPortalObligation = TPortalObligationList['items'][number];

/** The kinds of property a report names (report-contracts: reportItemKinds). */
export const reportItemKinds = everyValueOf<TReportItemKind>()([
  'deposit',
  'realEstate',
  'vehicle',
  'securities',
  'equity',
  'receivable',
  'income',
  'other',
]);

const id = encodeURIComponent;
const caseBase = (caseId: string) => `/api/v1/cases/${id(caseId)}`;

export const procedureKeys = {
  all: ['procedures'] as const,
  settlements: (caseId: string) => [...procedureKeys.all, 'settlements', caseId] as const,
  reports: (caseId: string) => [...procedureKeys.all, 'property-reports', caseId] as const,
  portalReport: (caseId: string) => [...partyKeys.case(caseId), 'property-report'] as const,
};

// ——— Settlements ———

export function useSettlements(caseId: string) {
  return useQuery({
    queryKey: procedureKeys.settlements(caseId),
    queryFn: ({ signal }) => requestJson<TSettlementList>(`${caseBase(caseId)}/settlements`, { signal }),
  });
}

/**
 * After a settlement changes: its list, the case (a settlement suspends enforcement, a default
 * resumes it; its status tag and timeline), the case lists and the rating (payments count).
 */
function useRefreshSettlements(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: procedureKeys.settlements(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: ratingKeys.case(caseId) }),
    ]);
}

/** 执行和解: terms and instalments (due dates strictly increasing from today); enforcement is suspended. */
export function useCreateSettlement(caseId: string) {
  const refresh = useRefreshSettlements(caseId);
  return useMutation({
    mutationFn: (body: TSettlementInput) =>
      requestJson<TCreated>(`${caseBase(caseId)}/settlements`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** 和解履行款: a payment to the applicant under the settlement. */
export function useRecordSettlementPayment(caseId: string) {
  const refresh = useRefreshSettlements(caseId);
  return useMutation({
    mutationFn: ({ settlementId, body }: { settlementId: string; body: TPaymentInput }) =>
      requestJson<TPaymentRecorded>(`/api/v1/settlements/${id(settlementId)}/payments`, {
        method: 'POST',
        body,
      }),
    onSettled: refresh,
  });
}

/** 不履行和解协议: the original enforcement is restored; what was paid stays deducted. */
export function useDefaultSettlement(caseId: string) {
  const refresh = useRefreshSettlements(caseId);
  return useMutation({
    mutationFn: ({ settlementId, body }: { settlementId: string; body: TDefaultInput }) =>
      requestJson<TDefaulted>(`/api/v1/settlements/${id(settlementId)}/default`, { method: 'POST', body }),
    onSettled: refresh,
  });
}

// ——— Property reports, as the team sees them ———

export function usePropertyReports(caseId: string) {
  return useQuery({
    queryKey: procedureKeys.reports(caseId),
    queryFn: ({ signal }) =>
      requestJson<TTeamObligationList>(`${caseBase(caseId)}/property-reports`, { signal }),
    // An order issued on the documents tab opens the obligations a moment later (an event): read afresh.
    staleTime: 0,
  });
}

/** 录入书面财产报告: a report the respondent filed on paper, entered by the team. */
export function useSubmitPaperReport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPaperReportInput) =>
      requestJson<TReportCreated>(`${caseBase(caseId)}/property-reports`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: procedureKeys.reports(caseId) }),
  });
}

// ——— The respondent's own report, in the party portal ———

const portalReportPath = (caseId: string) => `/api/v1/party/cases/${id(caseId)}/property-report`;

export function usePortalPropertyReport(caseId: string, isEnabled: boolean) {
  const session = usePortalSession();
  return useQuery({
    queryKey: procedureKeys.portalReport(caseId),
    queryFn: ({ signal }) => asPortal<TPortalObligationList>(portalReportPath(caseId), { signal }),
    enabled: isEnabled && session !== null && caseId !== '',
    retry: false,
  });
}

/** 报告财产: the first report, or a supplement within 10 days of a change. */
export function useSubmitPortalReport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPortalReportInput) =>
      asPortal<TReportCreated>(portalReportPath(caseId), { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: procedureKeys.portalReport(caseId) }),
  });
}
