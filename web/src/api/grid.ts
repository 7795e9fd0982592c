import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAreaCodes, TGridAreasInput } from '../../../src/modules/credit/contracts.ts';
import { requestJson } from './client.ts';

/** A grid worker's (网格员) areas are 6-digit GB/T 2260 administrative division codes. */
export const areaCodePattern = /^[1-9]\d{5}$/;

export const gridKeys = {
  all: ['grid'] as const,
  userAreas: (userId: string) => [...gridKeys.all, 'user-areas', userId] as const,
};

const userAreasPath = (userId: string) => `/api/v1/admin/grid-workers/${encodeURIComponent(userId)}/areas`;

/** The areas of a grid worker, as the administrator sees them. */
export function useUserAreas(userId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: gridKeys.userAreas(userId),
    queryFn: ({ signal }) => requestJson<TAreaCodes>(userAreasPath(userId), { signal }),
    enabled: options.enabled ?? true,
  });
}

/** Replaces a grid worker's areas (administrator). */
export function useSetUserAreas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, areaCodes }: TGridAreasInput & { userId: string }) =>
      requestJson<TAreaCodes>(userAreasPath(userId), { method: 'PUT', body: { areaCodes } }),
    // The answer is the stored list (deduplicated, sorted): the row shows it at once.
    onSuccess: (result, { userId }) => queryClient.setQueryData(gridKeys.userAreas(userId), result),
  });
}
