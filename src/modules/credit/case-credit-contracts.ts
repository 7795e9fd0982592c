/**
 * The credit panel of a case (`GET /api/v1/cases/{id}/credit`): for each respondent its listings
 * with their history and correction requests, its consumption restrictions with the persons bound
 * and their spending permissions, its exit restrictions and any finding that no ground applies.
 * Re-exported by contracts.ts; the keys are declared in the order the answer has always had them.
 */
import { z } from 'zod';
import { boundRoleValues } from './rules/consumption.ts';
import { correctionGroundValues } from './rules/correction.ts';

// The states and roles the credit tables hold (their check constraints, 0001_credit.sql).
export const entryStateValues = ['pendingApproval', 'listed', 'refused', 'deleted', 'revoked'] as const;
export const correctionStateValues = [
  'pending',
  'upheld',
  'rejected',
  'higherReview',
  'higherUpheld',
  'higherRejected',
] as const;
export const restrictionStateValues = ['active', 'lifted'] as const;
export const personStateValues = ['active', 'released', 'lifted'] as const;
export const restrictionRoleValues = ['debtor', ...boundRoleValues] as const;
export type TRestrictionRole = (typeof restrictionRoleValues)[number];

const ZLabel = z.object({ zh: z.string(), en: z.string() });

/** The fields a correction (失信规定 art. 11(2)) may change. */
const ZCorrectedFieldsSchema = z.object({
  name: z.string().optional(),
  facts: z.string().optional(),
  legalRepresentative: z.string().nullable().optional(),
});

/**
 * What a step of an entry's history changed, by action: `requested` (ground, initiatedBy),
 * `listed` (publishFrom, expiresOn, restrictionId), `deleted` and `creditRepair` (ground, clause,
 * groundOccurredOn), `corrected` (before, after); other actions change nothing. Stored as jsonb,
 * whose key order (shorter keys first) the declared order follows.
 */
export const ZHistoryChangesSchema = z.object({
  after: ZCorrectedFieldsSchema.optional(),
  before: ZCorrectedFieldsSchema.optional(),
  clause: z.string().optional(),
  // The listing ground (1–6) when requested; the deletion ground when deleted.
  ground: z.union([z.number(), z.string()]).optional(),
  expiresOn: z.string().nullable().optional(),
  initiatedBy: z.string().optional(),
  publishFrom: z.string().nullable().optional(),
  restrictionId: z.string().nullable().optional(),
  groundOccurredOn: z.string().optional(),
});
export type THistoryChanges = z.infer<typeof ZHistoryChangesSchema>;

export const ZHistoryItemSchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string(),
  actor: z.string(),
  occurredOn: z.string(),
  changes: ZHistoryChangesSchema,
});
export type THistoryItem = z.infer<typeof ZHistoryItemSchema>;

export const ZCorrectionRequestSchema = z.object({
  id: z.string(),
  ground: z.enum(correctionGroundValues),
  statement: z.string(),
  state: z.enum(correctionStateValues),
  receivedOn: z.string(),
  reviewDueOn: z.string(),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  correctionDueOn: z.string().nullable(),
  correctedOn: z.string().nullable(),
  higherReviewRequestDueOn: z.string().nullable(),
  higherReviewRequestedOn: z.string().nullable(),
  higherReviewDueOn: z.string().nullable(),
  higherDecidedOn: z.string().nullable(),
});
export type TCorrectionRequest = z.infer<typeof ZCorrectionRequestSchema>;

export const ZCreditEntrySchema = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.enum(entryStateValues),
  ground: z.number(),
  groundLabel: ZLabel,
  facts: z.string(),
  initiatedBy: z.enum(['ownMotion', 'application']),
  applicationReceivedOn: z.string().nullable(),
  decisionDueOn: z.string().nullable(),
  isDecisionOverdue: z.boolean(),
  extendYears: z.number(),
  graceMonths: z.number(),
  requestedOn: z.string(),
  requestedBy: z.string(),
  decidedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  isPublished: z.boolean(),
  decisionLetter: z.string().nullable(),
  refusalReason: z.string().nullable(),
  deletedOn: z.string().nullable(),
  deletionGround: z.string().nullable(),
  deletionLabel: z.object({ clause: z.string(), zh: z.string(), en: z.string() }).nullable(),
  deletionReason: z.string().nullable(),
  deletionDueOn: z.string().nullable(),
  deletionLetter: z.string().nullable(),
  isCreditRepair: z.boolean(),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  history: z.array(ZHistoryItemSchema),
  corrections: z.array(ZCorrectionRequestSchema),
});
export type TCreditEntry = z.infer<typeof ZCreditEntrySchema>;

export const ZRestrictedPersonSchema = z.object({
  id: z.string(),
  reference: z.string(),
  role: z.enum(restrictionRoleValues),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  state: z.enum(personStateValues),
  restrictedFrom: z.string(),
  releasedOn: z.string().nullable(),
  releaseReason: z.string().nullable(),
  permissions: z.array(
    z.object({
      id: z.string(),
      behaviours: z.array(z.number()),
      validFrom: z.string(),
      validUntil: z.string(),
      reason: z.string(),
    }),
  ),
});
export type TRestrictedPerson = z.infer<typeof ZRestrictedPersonSchema>;

export const ZConsumptionRestrictionSchema = z.object({
  id: z.string(),
  state: z.enum(restrictionStateValues),
  behaviours: z.array(z.number()),
  orderedOn: z.string(),
  orderedBy: z.string(),
  orderText: z.string(),
  liftedOn: z.string().nullable(),
  liftGround: z.string().nullable(),
  liftReason: z.string().nullable(),
  isCreditRepair: z.boolean(),
  subjects: z.array(ZRestrictedPersonSchema),
});
export type TConsumptionRestriction = z.infer<typeof ZConsumptionRestrictionSchema>;

export const ZExitRestrictionViewSchema = z.object({
  id: z.string(),
  state: z.enum(restrictionStateValues),
  name: z.string(),
  idNumber: z.string().nullable(),
  authority: z.string(),
  orderedOn: z.string(),
  noticeText: z.string(),
  liftedOn: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type TExitRestrictionView = z.infer<typeof ZExitRestrictionViewSchema>;

/** 终本规定 art. 1(2): the judge's finding that no ground of 失信规定 art. 1 applies, as recorded. */
export const ZNoGroundFindingSchema = z.object({
  caseId: z.string(),
  respondentPartyId: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedOn: z.string(),
});
export type TNoGroundFinding = z.infer<typeof ZNoGroundFindingSchema>;

export const ZRespondentCreditSchema = z.object({
  id: z.string(),
  // The party's kind: natural, legal or other.
  kind: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  entries: z.array(ZCreditEntrySchema),
  restrictions: z.array(ZConsumptionRestrictionSchema),
  exitRestrictions: z.array(ZExitRestrictionViewSchema),
  noGroundFinding: ZNoGroundFindingSchema.nullable(),
});
export type TRespondentCredit = z.infer<typeof ZRespondentCreditSchema>;

export const ZCaseCreditSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  canSign: z.boolean(),
  isTeamMember: z.boolean(),
  respondents: z.array(ZRespondentCreditSchema),
});
export type TCaseCredit = z.infer<typeof ZCaseCreditSchema>;
