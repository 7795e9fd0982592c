import { type QueryClient, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { fetchCase, fetchFieldRecords, fetchMyCases, fieldKeys } from '../../api/field.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { type FieldCaseCard, toFieldCase, toFieldCaseCard } from './field-case.ts';
import { readSnapshot, saveSnapshot } from './storage/snapshots.ts';

/**
 * What the field page reads, with the device's copy as the fallback: each answer of the server is
 * kept (IndexedDB), and with no network the page shows the copy and says when it was saved.
 */
export type Offline<T> = {
  value: T;
  /** When the copy shown was saved; null when it came from the server just now. */
  savedAt: string | null;
};

/** Asks the server again for everything the page shows from the device's copy (the network is back). */
export function refreshOfflineCopies(queryClient: QueryClient): Promise<void> {
  return queryClient.refetchQueries({
    queryKey: fieldKeys.all,
    predicate: (query) => {
      const data: unknown = query.state.data;
      return typeof data === 'object' && data !== null && 'savedAt' in data && data.savedAt !== null;
    },
  });
}

function isOfflineError(error: unknown): boolean {
  return isApiError(error) && error.status === 0;
}

function useOfflineQuery<T>(
  key: readonly unknown[],
  /** Where the copy is kept; null: not kept (a search's answer). */
  snapshotKey: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  /** Where else to look offline when there is no copy under `snapshotKey`. */
  fallback?: () => Promise<Offline<T> | undefined>,
) {
  return useQuery<Offline<T>>({
    queryKey: key,
    // Runs offline too: then the copy on the device answers.
    networkMode: 'always',
    // The device's copy is stale at once: the server is asked again as soon as the network is back.
    staleTime: (query) => (query.state.data?.savedAt ? 0 : 5 * 60_000),
    retry: (count, error) =>
      !isOfflineError(error) && !(isApiError(error) && error.status < 500) && count < 2,
    queryFn: async ({ signal }): Promise<Offline<T>> => {
      try {
        const value = await load(signal);
        if (snapshotKey) void saveSnapshot(snapshotKey, value);
        return { value, savedAt: null };
      } catch (error) {
        if (!isOfflineError(error)) throw error;
        const copy = (snapshotKey ? await readSnapshot<T>(snapshotKey) : undefined) ?? (await fallback?.());
        if (!copy) throw error;
        return copy;
      }
    },
  });
}

/**
 * The officer's open cases (the first page of theirs, nearest deadline first), or those the search
 * finds. Offline, a search looks through the copy of the first page.
 */
export function useFieldCases(q: string) {
  const user = useCurrentUser();
  const firstPage = `${user.id}/cases`;
  return useOfflineQuery(
    fieldKeys.cases(user.id, q),
    q ? null : firstPage,
    async (signal) => {
      const list = await fetchMyCases(q, signal);
      return list.items.filter((c) => c.status !== 'closed').map(toFieldCaseCard);
    },
    async () => {
      const copy = await readSnapshot<FieldCaseCard[]>(firstPage);
      return copy && { ...copy, value: copy.value.filter((c) => matches(c, q)) };
    },
  );
}

function matches(c: FieldCaseCard, q: string): boolean {
  return c.caseNumber.includes(q) || c.respondentNames.some((name) => name.includes(q));
}

export function useFieldCase(caseId: string) {
  const user = useCurrentUser();
  return useOfflineQuery(fieldKeys.case(user.id, caseId), `${user.id}/case/${caseId}`, async (signal) =>
    toFieldCase(await fetchCase(caseId, signal)),
  );
}

export function useFieldRecords(caseId: string) {
  const user = useCurrentUser();
  return useOfflineQuery(fieldKeys.records(user.id, caseId), `${user.id}/records/${caseId}`, (signal) =>
    fetchFieldRecords(caseId, signal),
  );
}
