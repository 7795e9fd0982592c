import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { entryStateValues } from './case-credit-contracts.ts';
import { boundRoleValues, liftGroundValues } from './rules/consumption.ts';
import { correctionGroundValues } from './rules/correction.ts';

export * from './case-credit-contracts.ts';

const text = (max: number) => ZText(max, { min: 1 });
// Reasons, facts and statements run over several lines.
const paragraphs = (max: number) => ZText(max, { min: 1, isMultiline: true });
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const deletionGroundValues = [
  'fullyPerformed',
  'settlementPerformed',
  'applicantRequest',
  'terminatedRoundNoAssets',
  'suspendedRetrialOrBankruptcy',
  'notEnforced',
  'enforcementTerminated',
  'termExpired',
  'securityProvided',
] as const;

export const ZCaseIdParamSchema = z.object({ id: z.string().min(1).max(100) });

// Request bodies and queries admit no field they do not declare (OWASP ASVS 5.1.2: no mass assignment).
export const ZListRespondentSchema = z.strictObject({
  respondentId: z.string().min(1).max(100),
  ground: z.number().int().min(1).max(6),
  facts: paragraphs(4000),
  extendYears: z.number().int().optional(),
  graceMonths: z.number().int().optional(),
  initiatedBy: z.enum(['ownMotion', 'application']).optional(),
  applicantId: z.uuid().optional(),
  applicationReceivedOn: ZIsoDate.optional(),
  exclusions: z
    .strictObject({
      hasAdequateSecurity: z.boolean().optional(),
      controlledPropertyFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      isDueInOrderOfPerformance: z.boolean().optional(),
    })
    .optional(),
});
export type TListRespondent = z.infer<typeof ZListRespondentSchema>;

export type TEntryState = (typeof entryStateValues)[number];
export type TDeletionGround = (typeof deletionGroundValues)[number];
export type TBoundRole = (typeof boundRoleValues)[number];
export type TLiftGround = (typeof liftGroundValues)[number];
export type TCorrectionGround = (typeof correctionGroundValues)[number];

export const ZEntryStateSchema = z.object({ id: z.string(), state: z.enum(entryStateValues) });
export type TEntryStateAnswer = z.infer<typeof ZEntryStateSchema>;
export const ZApprovedSchema = ZEntryStateSchema.extend({
  publishFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export type TApproved = z.infer<typeof ZApprovedSchema>;

/** The decision a court leader is about to sign, as it would be issued today (nothing written). */
export const ZDecisionPreviewSchema = z.object({
  decisionLetter: z.string(),
  decidedOn: z.string(),
  publishFrom: z.string(),
  /** Null for ground (1): no fixed term (失信规定 art. 2). */
  expiresOn: z.string().nullable(),
});
export type TDecisionPreview = z.infer<typeof ZDecisionPreviewSchema>;
export const ZApproveSchema = z.strictObject({ graceMonths: z.number().int().optional() });
export type TApprove = z.infer<typeof ZApproveSchema>;
export const ZReasonSchema = z.strictObject({ reason: paragraphs(2000) });
export type TReason = z.infer<typeof ZReasonSchema>;
export const ZDelistSchema = z.strictObject({
  reason: paragraphs(2000),
  ground: z.enum(deletionGroundValues).optional(),
  applicantId: z.uuid().optional(),
  occurredOn: ZIsoDate.optional(),
});
export type TDelist = z.infer<typeof ZDelistSchema>;
export const ZDelistedSchema = z.object({
  id: z.string(),
  state: z.literal('deleted'),
  deletedOn: z.string(),
  ground: z.enum(deletionGroundValues),
});
export type TDelisted = z.infer<typeof ZDelistedSchema>;

const behaviour = z.number().int().min(1).max(9);
export const ZBoundPersonSchema = z.strictObject({
  role: z.enum(boundRoleValues),
  name: text(50),
  idNumber: z.string().max(40).nullish(),
});
export const ZOrderRestrictionSchema = z.strictObject({
  respondentId: z.string().min(1).max(100),
  behaviours: z.array(behaviour).min(1).max(9).optional(),
  boundPersons: z.array(ZBoundPersonSchema).max(10).optional(),
});
export type TBoundPerson = z.infer<typeof ZBoundPersonSchema>;
export type TOrderRestriction = z.infer<typeof ZOrderRestrictionSchema>;
export const ZRestrictionStateSchema = z.object({
  id: z.string(),
  state: z.enum(['active', 'lifted']),
  isExisting: z.boolean().optional(),
});
export type TRestrictionState = z.infer<typeof ZRestrictionStateSchema>;
export const ZLiftSchema = z.strictObject({ ground: z.enum(liftGroundValues), reason: paragraphs(2000) });
export type TLift = z.infer<typeof ZLiftSchema>;
export const ZRestrictionLiftedSchema = z.object({
  id: z.string(),
  state: z.literal('lifted'),
  /** The listing deleted with the restriction (限消规定 art. 9 on full performance), if any. */
  deletedEntryId: z.string().nullable(),
});
export type TRestrictionLifted = z.infer<typeof ZRestrictionLiftedSchema>;
export const ZPersonStateSchema = z.object({ id: z.string(), state: z.enum(['active', 'released']) });
export type TPersonState = z.infer<typeof ZPersonStateSchema>;
export const ZSpendingPermissionSchema = z.strictObject({
  behaviours: z.array(behaviour).min(1).max(9),
  validFrom: ZIsoDate,
  validUntil: ZIsoDate,
  reason: paragraphs(2000),
});
export type TSpendingPermission = z.infer<typeof ZSpendingPermissionSchema>;
export const ZCreatedSchema = z.object({ id: z.string() });
export type TCreated = z.infer<typeof ZCreatedSchema>;
export const ZExitRestrictionSchema = z.strictObject({
  respondentId: z.string().min(1).max(100),
  authority: ZText(100).optional(),
  person: z.strictObject({ name: text(50), idNumber: z.string().min(1).max(40) }).optional(),
});
export type TExitRestriction = z.infer<typeof ZExitRestrictionSchema>;
export const ZExitLiftedSchema = z.object({ id: z.string(), state: z.literal('lifted') });
export type TExitLifted = z.infer<typeof ZExitLiftedSchema>;
export const ZNoGroundSchema = z.strictObject({
  respondentId: z.string().min(1).max(100),
  reason: paragraphs(2000),
});
export type TNoGround = z.infer<typeof ZNoGroundSchema>;
export const ZNoGroundRecordedSchema = z.object({
  caseId: z.string(),
  respondentId: z.string(),
  recordedOn: z.string(),
});
export type TNoGroundRecorded = z.infer<typeof ZNoGroundRecordedSchema>;
export const ZCorrectionSchema = z.strictObject({
  ground: z.enum(correctionGroundValues),
  statement: paragraphs(4000),
  receivedOn: ZIsoDate.optional(),
});
export type TCorrection = z.infer<typeof ZCorrectionSchema>;
export const ZCorrectionFiledSchema = z.object({
  id: z.string(),
  state: z.literal('pending'),
  reviewDueOn: z.string(),
});
export type TCorrectionFiled = z.infer<typeof ZCorrectionFiledSchema>;
export const ZCorrectionDecisionSchema = z.strictObject({
  decision: z.enum(['upheld', 'rejected']),
  reason: paragraphs(2000),
  corrections: z
    .strictObject({
      name: text(200).optional(),
      legalRepresentative: ZText(50).nullish(),
      facts: paragraphs(4000).optional(),
    })
    .optional(),
  deletionGround: z.enum(deletionGroundValues).optional(),
});
export type TCorrectionDecision = z.infer<typeof ZCorrectionDecisionSchema>;
export const ZCorrectionDecidedSchema = z.object({
  id: z.string(),
  state: z.enum(['upheld', 'rejected', 'higherUpheld', 'higherRejected']),
});
export type TCorrectionDecided = z.infer<typeof ZCorrectionDecidedSchema>;
export const ZHigherReviewRequestSchema = z.strictObject({ requestedOn: ZIsoDate.optional() });
export type THigherReviewRequest = z.infer<typeof ZHigherReviewRequestSchema>;
export const ZHigherReviewRequestedSchema = z.object({
  id: z.string(),
  state: z.literal('higherReview'),
  higherReviewDueOn: z.string(),
});
export type THigherReviewRequested = z.infer<typeof ZHigherReviewRequestedSchema>;

export const ZEntryListQuerySchema = z.strictObject({
  state: z.enum(entryStateValues).optional(),
  ground: z.coerce.number().int().min(1).max(6).optional(),
  q: ZText(100).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  courtId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TEntryListQuery = z.infer<typeof ZEntryListQuerySchema>;

export const ZEntryListItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  court: z.string(),
  name: z.string(),
  subjectKind: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  ground: z.number(),
  groundLabel: ZLabel,
  state: z.enum(entryStateValues),
  requestedOn: z.string(),
  decidedOn: z.string().nullable(),
  publishFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  deletedOn: z.string().nullable(),
  deletionGround: z.string().nullable(),
  isCreditRepair: z.boolean(),
  decisionDueOn: z.string().nullable(),
  obligationFen: z.number(),
  performedFen: z.number(),
});
export type TEntryListItem = z.infer<typeof ZEntryListItemSchema>;
export const ZEntryListSchema = z.object({
  items: z.array(ZEntryListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TEntryList = z.infer<typeof ZEntryListSchema>;

// The public lists' and the grid workers' contracts.
export * from './public-contracts.ts';
