import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseType } from '../../../src/kernel/index.ts';
import type {
  TAgentKind,
  TAssignTeam,
  TBasisKind,
  TCaseDetail,
  TCaseFlag,
  TCaseList,
  TCaseSort,
  TCaseStatus,
  TClose,
  TClosingType,
  TFileCase,
  TFiled,
  TPartyKind,
  TRecordNode,
  TRestore,
  TTriage,
} from '../../../src/modules/cases/contracts.ts';
import type { TCorrectParty, TPartyChange } from '../../../src/modules/cases/party-correction-contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson, requestVoid } from './client.ts';

/** The codes of the cases API (src/modules/cases/contracts.ts), for the forms' options and the URL. */
export const caseStatuses = everyValueOf<TCaseStatus>()(['filed', 'inProgress', 'suspended', 'closed']);
export const caseSorts = everyValueOf<TCaseSort>()(['deadline', 'filedOn', '-filedOn']);
export const basisKinds = everyValueOf<TBasisKind>()([
  'judgment',
  'mediation',
  'arbitration',
  'notarizedDebt',
  'paymentOrder',
  'other',
]);
export const partyKinds = everyValueOf<TPartyKind>()(['natural', 'legal', 'other']);
export const agentKinds = everyValueOf<TAgentKind>()(['lawyer', 'agent']);
export const triages = everyValueOf<TTriage>()(['simple', 'complex']);
export const caseFlags = everyValueOf<TCaseFlag>()(['stateOrgan', 'military', 'livelihood', 'enterprise']);

/** The closing type that can later be restored (终结本次执行程序). */
export const restorableClosingType = 'terminatedThisRound' satisfies TClosingType;

/** The case list's filters as the workbench keeps them (in the URL); sent as the list's query. */
export type CaseListParams = {
  mine: boolean;
  status?: TCaseStatus;
  caseType?: CaseType;
  q?: string;
  sort: TCaseSort;
  page: number;
  pageSize: number;
};

const base = '/api/v1/cases';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};

/** A 身份证号 or 统一社会信用代码 typed in the search box finds the parties' cases exactly (`idNumber`). */
const partyCode = /^[0-9A-Za-z]{15,18}$/;

function listQuery(params: CaseListParams) {
  const { q, ...rest } = params;
  const text = q?.trim() ?? '';
  return partyCode.test(text) ? { ...rest, idNumber: text } : { ...params };
}

export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ signal }) => requestJson<TCaseList>(base, { query: listQuery(params), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => requestJson<TCaseDetail>(`${base}/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useFileCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TFileCase) => requestJson<TFiled>(base, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
  });
}

/** After a change to one case, refresh it and every list it may appear in. */
function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
    ]);
}

export function useRecordNode(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: TRecordNode) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/nodes`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useCloseCase(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: TClose) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/close`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useRestoreCase(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: TRestore) =>
      requestJson<TFiled>(`${base}/${encodeURIComponent(caseId)}/restore`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAssignTeam(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: TAssignTeam) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/team`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

/** 当事人信息更正: the team corrects a party's details; the old values are kept. */
export function useCorrectParty(caseId: string) {
  const refresh = useRefreshCase(caseId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partyId, body }: { partyId: string; body: TCorrectParty }) =>
      requestJson<{ id: string | null; fields: string[] }>(
        `${base}/${encodeURIComponent(caseId)}/parties/${encodeURIComponent(partyId)}`,
        { method: 'PATCH', body },
      ),
    onSuccess: (_data, { partyId }) =>
      Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: [...caseKeys.detail(caseId), 'party-changes', partyId] }),
      ]),
  });
}

/** What the corrections of a party replaced, who made them, when and why. */
export function usePartyChanges(caseId: string, partyId: string | null) {
  return useQuery({
    queryKey: [...caseKeys.detail(caseId), 'party-changes', partyId],
    queryFn: ({ signal }) =>
      requestJson<{ items: TPartyChange[] }>(
        `${base}/${encodeURIComponent(caseId)}/parties/${encodeURIComponent(partyId ?? '')}/changes`,
        { signal },
      ),
    enabled: partyId !== null,
  });
}
