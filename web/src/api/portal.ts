import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Bilingual } from '../i18n/index.ts';
import { requestJson } from './client.ts';

/** The public disclosure API (`/api/v1/public/…`): no sign-in, rate-limited per address. */
export type PublicSubject =
  | { kind: 'natural'; name: string; sex: 'male' | 'female'; age: number; idNumber: string }
  | { kind: 'organisation'; name: string; creditCode: string | null; legalRepresentative: string | null };

export type PublicEntry = {
  reference: string;
  subject: PublicSubject;
  obligationFen: number;
  performedFen: number;
  conduct: Bilingual;
  basis: { documentNumber: string; issuedBy: string };
  caseNumber: string;
  court: string;
  filedOn: string;
  listedOn: string;
};

export type PublicRestricted = {
  reference: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  role: string;
  roleLabel: Bilingual;
  debtorName: string;
  behaviours: (Bilingual & { item: number })[];
  caseNumber: string;
  court: string;
  restrictedFrom: string;
};

export type PublicPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type PublicList = 'dishonest' | 'consumption-restrictions';

export const portalKeys = {
  all: ['portal'] as const,
  search: (list: PublicList, q: string, page: number) => [...portalKeys.all, list, q, page] as const,
};

export function usePublicSearch<T>(list: PublicList, q: string, page: number) {
  return useQuery({
    queryKey: portalKeys.search(list, q, page),
    queryFn: ({ signal }) =>
      requestJson<PublicPage<T>>(`/api/v1/public/${list}`, { query: { q, page }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
