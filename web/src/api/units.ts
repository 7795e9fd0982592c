import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TNewUnit,
  TScene,
  TUnit,
  TUnitCapability,
  TUnitCreated,
  TUnitList,
} from '../../../src/modules/matching/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';

/** The codes of the unit API (src/modules/matching/contracts.ts), for the forms' options. */
export const unitScenes = everyValueOf<TScene>()([
  'railway',
  'airline',
  'realEstate',
  'finance',
  'tendering',
  'border',
]);
/** `match`: matching and the change feed; `feed`: the change feed only. */
export const unitCapabilities = everyValueOf<TUnitCapability>()(['match', 'feed']);

export const unitKeys = {
  all: ['units'] as const,
  list: () => [...unitKeys.all, 'list'] as const,
};

/** 联合惩戒单位 registered as API clients (system administrator only). */
export function useUnits() {
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: ({ signal }) => requestJson<TUnitList>('/api/v1/admin/units', { signal }),
  });
}

/** Registers a unit; the answer carries the API key (and webhook secret), shown this one time only. */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewUnit) =>
      requestJson<TUnitCreated>('/api/v1/admin/units', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Revokes a unit's key, for good. */
export function useRevokeUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<TUnit>(`/api/v1/admin/units/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
