import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  TPublicEntryPage,
  TPublicRestrictedPage,
  TPublicTerminatedPage,
} from '../../../src/modules/disclosure/public-contracts.ts';
import { requestJson } from './client.ts';

/** The public disclosure API (`/api/v1/public/…`): no sign-in, rate-limited per address. */
type PublicPages = {
  dishonest: TPublicEntryPage;
  'consumption-restrictions': TPublicRestrictedPage;
  terminated: TPublicTerminatedPage;
};
export type PublicList = keyof PublicPages;

export const portalKeys = {
  all: ['portal'] as const,
  search: (list: PublicList, q: string, page: number) => [...portalKeys.all, list, q, page] as const,
};

export function usePublicSearch<L extends PublicList>(list: L, q: string, page: number) {
  return useQuery({
    queryKey: portalKeys.search(list, q, page),
    queryFn: ({ signal }) =>
      requestJson<PublicPages[L]>(`/api/v1/public/${list}`, { query: { q, page }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
