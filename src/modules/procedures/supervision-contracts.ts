import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { recommendationStatusValues } from './rules/supervision.ts';

/**
 * Procuratorial supervision (检察监督): the court placing a case under a procuratorate's supervision,
 * the procurator's recommendations (检察建议) and the court's replies, and the read-only view of a
 * supervised case that the procurator reads.
 */
export const ZPlaceSupervisionSchema = z.strictObject({
  /** The procurator handling the supervision; the procuratorate is theirs. */
  procuratorId: z.uuid(),
  reason: ZText(2000, { min: 1, isMultiline: true }),
  /** The procuratorate's own case number (检察院案号), when it has one. */
  procuratorateCaseNumber: ZText(100, { min: 1 }).optional(),
});
export type TPlaceSupervision = z.infer<typeof ZPlaceSupervisionSchema>;

export const ZRecommendationInputSchema = z.strictObject({
  text: ZText(4000, { min: 1, isMultiline: true }),
  /** The date on the recommendation (检察建议书); the court receives it the day it is sent. */
  issuedOn: ZIsoDate,
  /** 检察建议书文号. */
  documentNumber: ZText(100, { min: 1 }).optional(),
});
export type TRecommendationInput = z.infer<typeof ZRecommendationInputSchema>;

export const ZReplyInputSchema = z.strictObject({
  /** The court's written reply (回复意见函): the facts found, the answer and its reasons. */
  text: ZText(4000, { min: 1, isMultiline: true }),
  /** The date of the reply letter; today when left out. */
  repliedOn: ZIsoDate.optional(),
});
export type TReplyInput = z.infer<typeof ZReplyInputSchema>;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZRecommendationSchema = z.object({
  id: z.uuid(),
  supervisionId: z.uuid(),
  caseId: z.uuid(),
  documentNumber: z.string().nullable(),
  text: z.string(),
  issuedOn: ZIsoDate,
  receivedOn: ZIsoDate,
  /** 监督规定 art. 13: the court's written reply is due within 3 months of receipt. */
  replyDueOn: ZIsoDate,
  status: z.enum(recommendationStatusValues),
  statusLabel: ZLabel,
  sentAt: z.string(),
  sentBy: z.string(),
  reply: z
    .object({ text: z.string(), repliedOn: ZIsoDate, repliedAt: z.string(), repliedBy: z.string() })
    .nullable(),
});
export type TRecommendation = z.infer<typeof ZRecommendationSchema>;

export const ZSupervisionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  courtId: z.uuid(),
  procuratorate: z.object({ courtId: z.uuid(), name: z.string() }),
  procurator: z.object({ id: z.uuid(), name: z.string() }),
  reason: z.string(),
  procuratorateCaseNumber: z.string().nullable(),
  placedAt: z.string(),
  placedBy: z.string(),
  recommendations: z.array(ZRecommendationSchema),
  /** Recommendations waiting for the court's reply, and those of them past the 3 months. */
  awaitingReplies: z.number().int(),
  overdueReplies: z.number().int(),
});
export type TSupervision = z.infer<typeof ZSupervisionSchema>;

export const ZSupervisionListSchema = z.object({ items: z.array(ZSupervisionSchema) });

const ZPartyView = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  /** Masked: the procuratorate is outside the case team. */
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
});

/** What the procurator reads of a supervised case: read-only, personal data masked, the read audited. */
export const ZSupervisedCaseSchema = z.object({
  supervision: ZSupervisionSchema,
  case: z.object({
    id: z.uuid(),
    caseNumber: z.string(),
    caseType: z.string(),
    status: z.string(),
    courtId: z.uuid(),
    filedOn: ZIsoDate,
    closedOn: ZIsoDate.nullable(),
    closingType: z.string().nullable(),
    claimAmountFen: z.number(),
    recoveredFen: z.number(),
    basis: z.object({
      kind: z.string(),
      documentNumber: z.string(),
      issuedBy: z.string(),
      effectiveDate: z.string(),
    }),
    applicants: z.array(ZPartyView),
    respondents: z.array(ZPartyView),
  }),
  nodes: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      occurredOn: ZIsoDate,
      note: z.string(),
      actorName: z.string(),
      documents: z.array(z.object({ name: z.string() })),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.uuid(),
      template: z.string(),
      label: ZLabel,
      title: z.string(),
      number: z.string(),
      issuedOn: ZIsoDate,
      sealed: z.boolean(),
      served: z.number().int(),
    }),
  ),
  /** Control measures in force: assets sealed or seized, and deposits frozen for the case. */
  measures: z.object({
    controlled: z.array(
      z.object({
        assetType: z.string(),
        description: z.string(),
        identifier: z.string(),
        respondentName: z.string(),
        measureKind: z.enum(['seal', 'seize']),
        controlledOn: ZIsoDate,
        valueFen: z.number().nullable(),
      }),
    ),
    frozenFen: z.number(),
  }),
  /** The audited read: when, and for what purpose (`x-zhixing-purpose`). */
  readAt: z.string(),
  purpose: z.string(),
});
export type TSupervisedCase = z.infer<typeof ZSupervisedCaseSchema>;
