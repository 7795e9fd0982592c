import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { boundRoleValues, liftGroundValues } from './rules/consumption.ts';
import { correctionGroundValues } from './rules/correction.ts';
import { sceneValues } from './rules/scenes.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
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

export const ZListRespondentSchema = z.object({
  respondentId: z.string().min(1).max(100),
  ground: z.number().int().min(1).max(6),
  facts: text(4000),
  extendYears: z.number().int().optional(),
  graceMonths: z.number().int().optional(),
  initiatedBy: z.enum(['ownMotion', 'application']).optional(),
  applicantId: z.string().min(1).max(100).optional(),
  applicationReceivedOn: ZIsoDate.optional(),
  exclusions: z
    .object({
      hasAdequateSecurity: z.boolean().optional(),
      controlledPropertyFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      isDueInOrderOfPerformance: z.boolean().optional(),
    })
    .optional(),
});
export const ZEntryStateSchema = z.object({
  id: z.string(),
  state: z.enum(['pendingApproval', 'listed', 'refused', 'deleted', 'revoked']),
});
export const ZApproveSchema = z.object({ graceMonths: z.number().int().optional() });
export const ZReasonSchema = z.object({ reason: text(2000) });
export const ZDelistSchema = z.object({
  reason: text(2000),
  ground: z.enum(deletionGroundValues).optional(),
  applicantId: z.string().min(1).max(100).optional(),
  occurredOn: ZIsoDate.optional(),
});

const behaviour = z.number().int().min(1).max(9);
export const ZBoundPersonSchema = z.object({
  role: z.enum(boundRoleValues),
  name: text(50),
  idNumber: z.string().max(40).nullish(),
});
export const ZOrderRestrictionSchema = z.object({
  respondentId: z.string().min(1).max(100),
  behaviours: z.array(behaviour).min(1).max(9).optional(),
  boundPersons: z.array(ZBoundPersonSchema).max(10).optional(),
});
export const ZRestrictionStateSchema = z.object({
  id: z.string(),
  state: z.enum(['active', 'lifted']),
  isExisting: z.boolean().optional(),
});
export const ZLiftSchema = z.object({ ground: z.enum(liftGroundValues), reason: text(2000) });
export const ZSpendingPermissionSchema = z.object({
  behaviours: z.array(behaviour).min(1).max(9),
  validFrom: ZIsoDate,
  validUntil: ZIsoDate,
  reason: text(2000),
});
export const ZExitRestrictionSchema = z.object({
  respondentId: z.string().min(1).max(100),
  authority: z.string().trim().max(100).optional(),
  person: z.object({ name: text(50), idNumber: z.string().min(1).max(40) }).optional(),
});
export const ZNoGroundSchema = z.object({ respondentId: z.string().min(1).max(100), reason: text(2000) });
export const ZCorrectionSchema = z.object({
  ground: z.enum(correctionGroundValues),
  statement: text(4000),
  receivedOn: ZIsoDate.optional(),
});
export const ZCorrectionDecisionSchema = z.object({
  decision: z.enum(['upheld', 'rejected']),
  reason: text(2000),
  corrections: z
    .object({
      name: text(200).optional(),
      legalRepresentative: z.string().trim().max(50).nullish(),
      facts: text(4000).optional(),
    })
    .optional(),
  deletionGround: z.enum(deletionGroundValues).optional(),
});
export const ZHigherReviewRequestSchema = z.object({ requestedOn: ZIsoDate.optional() });

export const ZEntryListQuerySchema = z.object({
  state: z.enum(['pendingApproval', 'listed', 'refused', 'deleted', 'revoked']).optional(),
  ground: z.coerce.number().int().min(1).max(6).optional(),
  q: z.string().trim().max(100).optional(),
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
  state: z.string(),
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
export const ZEntryListSchema = z.object({
  items: z.array(ZEntryListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZPublicQuerySchema = z.object({
  q: z.string().max(100),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const ZNewUnitSchema = z.object({
  name: text(100),
  scene: z.enum(sceneValues),
  capability: z.enum(['match', 'feed']).optional(),
  ratePerMinute: z.number().int().min(1).max(10_000_000).optional(),
  dailyQuota: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
export const ZUnitCreatedSchema = z.object({
  id: z.string(),
  apiKey: z.string(),
  webhookSecret: z.string().optional(),
});
export const ZUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  capability: z.string(),
  scene: z.string(),
  keyPrefix: z.string(),
  ratePerMinute: z.number(),
  dailyQuota: z.number(),
  webhookUrl: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const ZMatchSubjectSchema = z.object({
  idNumber: z.string().nullish(),
  creditCode: z.string().nullish(),
  name: z.string().nullish(),
});
export const ZMatchRequestSchema = z.object({ subjects: z.array(ZMatchSubjectSchema).min(1).max(10_000) });
const ZMeasureViewSchema = z.object({
  measure: z.string(),
  behaviours: z.array(z.number()).optional(),
  role: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  court: z.string(),
  caseNumber: z.string(),
  reference: z.string(),
});
export const ZMatchResponseSchema = z.object({
  results: z.array(
    z.object({
      subject: ZMatchSubjectSchema,
      restricted: z.boolean(),
      match: z.enum(['exact', 'fuzzy']).optional(),
      score: z.number().optional(),
      matchedName: z.string().optional(),
      measures: z.array(ZMeasureViewSchema),
      candidates: z
        .array(z.object({ name: z.string(), score: z.number(), measures: z.array(ZMeasureViewSchema) }))
        .optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export const ZChangesQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,18}$/, '游标应为非负整数 / The cursor is a non-negative integer')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export const ZChangesSchema = z.object({
  changes: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      measure: z.string(),
      subject: z.object({
        kind: z.string(),
        idNumber: z.string().nullable(),
        creditCode: z.string().nullable(),
        name: z.string(),
      }),
      behaviours: z.array(z.number()).optional(),
      role: z.string(),
      since: z.string().nullable(),
      until: z.string().nullable(),
      court: z.string(),
      caseNumber: z.string().nullable(),
      reference: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
  next: z.string(),
});

export const ZGridAreasSchema = z.object({
  areaCodes: z
    .array(z.string().regex(/^[1-9]\d{5}$/, '行政区划代码为6位数字 / An area code is 6 digits'))
    .max(50),
});
export const ZPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZSeqSchema = z.object({ seq: z.number().int().min(0) });

/**
 * The answer of a credit route whose shape is the use case's own record (entry, correction,
 * exit restriction); passed through as it is. Typed schemas for these are still to come.
 */
export const ZCreditRecordSchema = z.looseObject({});
