import { caseTypes } from '../../../../../src/kernel/index.ts';
import { type CaseListParams, caseSorts, caseStatuses } from '../../../api/cases.ts';

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && list.some((item) => item === value);
}

function readPositiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The list's filters live in the URL, so that a link, a reload or Back shows the same list. */
export function readCaseListParams(search: URLSearchParams, defaultMine: boolean): CaseListParams {
  const status = search.get('status');
  const caseType = search.get('caseType');
  const sort = search.get('sort');
  const pageSize = readPositiveInt(search.get('pageSize'), defaultPageSize);
  const params: CaseListParams = {
    mine: search.has('mine') ? search.get('mine') === 'true' : defaultMine,
    sort: isOneOf(caseSorts, sort) ? sort : 'deadline',
    page: readPositiveInt(search.get('page'), 1),
    pageSize: pageSizes.some((size) => size === pageSize) ? pageSize : defaultPageSize,
  };
  if (isOneOf(caseStatuses, status)) params.status = status;
  if (isOneOf(caseTypes, caseType)) params.caseType = caseType;
  const q = search.get('q')?.trim();
  if (q) params.q = q;
  return params;
}

export type CaseListPatch = Partial<
  Record<'mine' | 'status' | 'caseType' | 'q' | 'sort' | 'page' | 'pageSize', string>
>;

/**
 * A new query string from the current one. Any change other than the page goes back to page 1;
 * defaults are left out so that URLs stay short.
 */
export function patchCaseListSearch(
  search: URLSearchParams,
  patch: CaseListPatch,
  defaultMine: boolean,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in patch)) next.delete('page');
  if (next.get('mine') === String(defaultMine)) next.delete('mine');
  if (next.get('sort') === 'deadline') next.delete('sort');
  if (next.get('page') === '1') next.delete('page');
  if (next.get('pageSize') === String(defaultPageSize)) next.delete('pageSize');
  return next;
}

export function hasActiveFilters(params: CaseListParams): boolean {
  return Boolean(params.status || params.caseType || params.q);
}
