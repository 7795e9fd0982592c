import { z } from 'zod';
import { measureCodes } from './rules/proposals.ts';
import { reasonCodes } from './rules/rating.ts';

/**
 * The ability-to-perform rating of a case (`GET /api/v1/cases/{id}/rating`): the case's score is
 * its best-rated respondent's, with that respondent's reasons; every respondent's rating follows.
 * The reasons' points add up to the score from `base`.
 */
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const ZReasonSchema = z.object({
  code: z.enum(reasonCodes),
  factor: z.enum(['ability', 'willingness']),
  points: z.number().int(),
  zh: z.string(),
  en: z.string(),
});
export type TReason = z.infer<typeof ZReasonSchema>;

export const ZProposedMeasureSchema = z.object({
  code: z.enum(measureCodes),
  zh: z.string(),
  en: z.string(),
});
export type TProposedMeasure = z.infer<typeof ZProposedMeasureSchema>;

const ZTrack = z.enum(['simple', 'complex']);

/** What the respondent's rating was computed from; amounts in fen. */
export const ZRatingFiguresSchema = z.object({
  outstandingFen: z.number().int(),
  attachableFen: z.number().int(),
  availableBalanceFen: z.number().int(),
  frozenHereFen: z.number().int(),
  thingsFirstFen: z.number().int(),
  thingsQueuedFen: z.number().int(),
  assetCount: z.number().int(),
  answeredQueries: z.number().int(),
  pendingQueries: z.number().int(),
  voluntaryPaidFen: z.number().int(),
  daysSinceLastRecovery: z.number().int().nullable(),
  isListed: z.boolean(),
  breachCount: z.number().int(),
  otherOpenCases: z.number().int(),
  otherTerminatedCases: z.number().int(),
});

const ratingFields = {
  score: z.number().int().min(0).max(100),
  ability: z.number().int().min(0).max(100),
  willingness: z.number().int().min(0).max(100),
  isAbleToPay: z.boolean(),
  track: ZTrack,
  trackReason: ZLabel,
  reasons: z.array(ZReasonSchema),
  proposedMeasures: z.array(ZProposedMeasureSchema),
};

export const ZRespondentRatingSchema = z.object({
  partyId: z.uuid(),
  name: z.string(),
  ...ratingFields,
  figures: ZRatingFiguresSchema,
});
export type TRespondentRating = z.infer<typeof ZRespondentRatingSchema>;

export const ZCaseRatingSchema = z.object({
  caseId: z.uuid(),
  ...ratingFields,
  /** The score every rating starts from; the reasons' points add up to `score − base`. */
  base: z.number().int(),
  /** Rated able to pay at or above this score. */
  threshold: z.number().int(),
  /** The respondent whose rating is the case's: the best-rated one. */
  ratedPartyId: z.uuid(),
  respondents: z.array(ZRespondentRatingSchema),
  ratedAt: z.string(),
});
export type TCaseRating = z.infer<typeof ZCaseRatingSchema>;
