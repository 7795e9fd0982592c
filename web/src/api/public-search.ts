import { useQuery } from '@tanstack/react-query';
import type {
  TChallenge,
  TPublicSearch,
  TPublicTerminated,
} from '../../../src/modules/disclosure/public-contracts.ts';
import { canProveWork, solveChallenge } from '../lib/proof-of-work.ts';
import { isApiError, requestJson } from './client.ts';

/**
 * The public search of one respondent (`GET /api/v1/public/search`): a name together with an ID
 * number (a person) or a credit code (an organisation; a name alone then, matched exactly). Under
 * load the server answers 429 `PROOF_OF_WORK_REQUIRED`: the browser fetches a challenge, solves
 * it and asks again with `pow`.
 */
export type { TPublicSearch, TPublicTerminated };
export type TPublicCase = TPublicSearch['cases'][number];

export type RespondentQuery =
  | { kind: 'person'; name: string; idNumber: string }
  | { kind: 'organisation'; name: string; creditCode: string };

const powRequiredCode = 'PROOF_OF_WORK_REQUIRED';

/**
 * The server asks for a proof of work: 429 with the code `PROOF_OF_WORK_REQUIRED`, or (as the
 * module answers today) a 429 whose detail names the `pow` field with that code.
 */
export function isProofOfWorkRequired(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status === 429 &&
    (error.code === powRequiredCode ||
      error.details.some((detail) => detail.path === 'pow' || detail.message === powRequiredCode))
  );
}

export const publicSearchKeys = {
  all: ['public-search'] as const,
  respondent: (query: RespondentQuery | null) => [...publicSearchKeys.all, query] as const,
};

function paramsOf(query: RespondentQuery): Record<string, string> {
  return query.kind === 'person'
    ? { name: query.name, idNumber: query.idNumber }
    : { name: query.name, creditCode: query.creditCode };
}

async function searchRespondent(
  query: RespondentQuery,
  signal: AbortSignal,
  onProving: (isProving: boolean) => void,
): Promise<TPublicSearch> {
  const params = paramsOf(query);
  try {
    return await requestJson<TPublicSearch>('/api/v1/public/search', { query: params, signal });
  } catch (error) {
    // Without WebCrypto (plain http on another host) the page says so instead of trying.
    if (!isProofOfWorkRequired(error) || !canProveWork()) throw error;
  }
  onProving(true);
  try {
    const challenge = await requestJson<TChallenge>('/api/v1/public/challenge', { signal });
    const pow = await solveChallenge(challenge.challenge, challenge.difficulty, signal);
    return await requestJson<TPublicSearch>('/api/v1/public/search', {
      query: { ...params, pow },
      signal,
    });
  } finally {
    onProving(false);
  }
}

/** The four sections about one respondent; nothing is asked until the form is sent. */
export function useRespondentSearch(
  query: RespondentQuery | null,
  onProving: (isProving: boolean) => void = () => {},
) {
  return useQuery({
    queryKey: publicSearchKeys.respondent(query),
    queryFn: ({ signal }) => {
      if (!query) throw new Error('no query');
      return searchRespondent(query, signal, onProving);
    },
    enabled: query !== null,
    retry: false,
    staleTime: 60_000,
  });
}
