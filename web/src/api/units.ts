import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson } from './client.ts';
import type { ItemList } from './identity-contract.ts';
import type { NewUnitBody, Unit, UnitCreated } from './units-contract.ts';

export * from './units-contract.ts';

export const unitKeys = {
  all: ['units'] as const,
  list: () => [...unitKeys.all, 'list'] as const,
};

/** 联合惩戒单位 registered as API clients (system administrator only). */
export function useUnits() {
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: ({ signal }) => requestJson<ItemList<Unit>>('/api/v1/admin/units', { signal }),
  });
}

/** Registers a unit; the answer carries the API key (and webhook secret), shown this one time only. */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUnitBody) =>
      requestJson<UnitCreated>('/api/v1/admin/units', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Revokes a unit's key, for good. */
export function useRevokeUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<Unit>(`/api/v1/admin/units/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
