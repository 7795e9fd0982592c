import { useQuery } from '@tanstack/react-query';
import type {
  TCaseRating,
  TProposedMeasure,
  TReason,
  TRespondentRating,
} from '../../../src/modules/rating/contracts.ts';
import { requestJson } from './client.ts';

/**
 * 履行能力评估: the case's ability-to-perform rating — its best-rated respondent's score from the
 * base with the reasons' signed points, ability and willingness, the simple or complex track,
 * and the measures the rating proposes. Computed by the server on every read.
 */
export type { TCaseRating, TProposedMeasure, TReason, TRespondentRating };
export type TTrack = TCaseRating['track'];

export const ratingKeys = {
  all: ['rating'] as const,
  case: (caseId: string) => [...ratingKeys.all, 'case', caseId] as const,
};

export function useCaseRating(caseId: string) {
  return useQuery({
    queryKey: ratingKeys.case(caseId),
    queryFn: ({ signal }) =>
      requestJson<TCaseRating>(`/api/v1/cases/${encodeURIComponent(caseId)}/rating`, { signal }),
  });
}
