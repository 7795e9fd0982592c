import { useQuery } from '@tanstack/react-query';
import type { TTransparency } from '../../../../src/modules/audit/contracts.ts';
import { requestJson } from '../../api/client.ts';

/** The audit module's public API (`/api/v1/audit/transparency`): no sign-in. */
export const transparencyKeys = {
  all: ['audit', 'transparency'] as const,
  roots: (days: number) => [...transparencyKeys.all, days] as const,
};

export function useTransparency(days = 31) {
  return useQuery({
    queryKey: transparencyKeys.roots(days),
    queryFn: ({ signal }) =>
      requestJson<TTransparency>('/api/v1/audit/transparency', { query: { days }, signal }),
    retry: false,
  });
}
