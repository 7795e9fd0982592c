import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignTeamBody,
  CaseCreated,
  CaseDetail,
  CaseListItem,
  CaseListParams,
  CloseCaseBody,
  FileCaseBody,
  Page,
  RecordNodeBody,
  RestoreCaseBody,
} from './cases-contract.ts';
import { requestJson, requestVoid } from './client.ts';

export * from './cases-contract.ts';

const base = '/api/v1/cases';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};

export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ signal }) => requestJson<Page<CaseListItem>>(base, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => requestJson<CaseDetail>(`${base}/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useFileCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileCaseBody) => requestJson<CaseCreated>(base, { method: 'POST', body }),
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
    mutationFn: (body: RecordNodeBody) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/nodes`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useCloseCase(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: CloseCaseBody) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/close`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useRestoreCase(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: RestoreCaseBody) =>
      requestJson<CaseCreated>(`${base}/${encodeURIComponent(caseId)}/restore`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAssignTeam(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: (body: AssignTeamBody) =>
      requestVoid(`${base}/${encodeURIComponent(caseId)}/team`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}
