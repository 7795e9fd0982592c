import { z } from 'zod';
import { ZIsoDate, ZPositiveFen, ZText } from '../../../kernel/index.ts';
import { additionGrounds } from './rules/additions.ts';

/**
 * Changing and adding respondents (变更、追加被执行人, 变更追加规定): the applicant's application as
 * the case team enters it, the hearing, the president's extension, the ruling, and the applications
 * as the case page shows them. Which grounds need a limit, the hearing a ruling to add needs and
 * the 60 days are rules/additions.ts's, checked by the use cases, which name the field.
 */
export const additionStateValues = ['underReview', 'added', 'rejected'] as const;
export const additionPartyKindValues = ['natural', 'legal', 'other'] as const;

export const ZAdditionIdParamSchema = z.strictObject({ id: z.uuid() });

export const ZAdditionInputSchema = z.strictObject({
  ground: z.enum(additionGrounds),
  /** Whom the applicant asks to add: a person (ID number) or a body (credit code), checked as filing checks parties. */
  party: z.strictObject({
    kind: z.enum(additionPartyKindValues),
    name: ZText(200, { min: 1 }),
    idNumber: ZText(40).optional().nullable(),
    creditCode: ZText(40).optional().nullable(),
  }),
  /** Arts. 10, 17–19, 22: the limit of liability in fen (required for those grounds, refused for the others). */
  limitFen: ZPositiveFen.optional().nullable(),
  /** The facts and evidence the written application states. */
  facts: ZText(4000, { min: 1, isMultiline: true }),
});
export type TAdditionInput = z.infer<typeof ZAdditionInputSchema>;

export const ZAdditionCreatedSchema = z.object({
  id: z.uuid(),
  state: z.literal('underReview'),
  /** Art. 28: the ruling is due 60 days after the application. */
  dueOn: ZIsoDate,
});

export const ZHearingInputSchema = z.strictObject({
  /** The day of the public hearing, or of the panel's finding that none is needed. */
  heldOn: ZIsoDate,
  /** The hearing record (听证笔录), or why the facts are clear and undisputed. */
  record: ZText(8000, { min: 1, isMultiline: true }),
  /** Art. 28: no hearing, the facts being clear and undisputed. */
  isWaived: z.boolean().optional(),
});
export type THearingInput = z.infer<typeof ZHearingInputSchema>;

export const ZHearingRecordedSchema = z.object({
  id: z.uuid(),
  heldOn: ZIsoDate,
  isWaived: z.boolean(),
});

export const ZExtensionInputSchema = z.strictObject({
  // A plausibility bound, not a rule: art. 28 sets no length for the president's extension.
  days: z.number().int().min(1).max(365),
  reason: ZText(2000, { min: 1, isMultiline: true }),
});
export type TExtensionInput = z.infer<typeof ZExtensionInputSchema>;

export const ZExtendedSchema = z.object({
  id: z.uuid(),
  days: z.number(),
  dueOn: ZIsoDate,
});

export const ZRulingInputSchema = z.strictObject({
  decision: z.enum(['add', 'reject']),
  reasons: ZText(8000, { min: 1, isMultiline: true }),
});
export type TRulingInput = z.infer<typeof ZRulingInputSchema>;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

const ZObjectionSchema = z.object({
  /** Art. 30: review by the higher court; art. 32: an enforcement objection suit. */
  kind: z.enum(['review', 'suit']),
  days: z.number(),
  dueOn: ZIsoDate,
  label: ZLabel,
});

export const ZRuledSchema = z.object({
  id: z.uuid(),
  state: z.enum(['added', 'rejected']),
  decision: z.enum(['add', 'reject']),
  ruledOn: ZIsoDate,
  /** Made after the 60 days (and any extension) ran out. */
  isLate: z.boolean(),
  /** The last day to challenge the ruling (arts. 30, 32), counted from its service on the day it is made. */
  objectionDueOn: ZIsoDate,
  objection: ZObjectionSchema,
  /** The respondent the case gained; null on a rejection. */
  partyId: z.uuid().nullable(),
});

export const ZAdditionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  state: z.enum(additionStateValues),
  stateLabel: ZLabel,
  ground: z.enum(additionGrounds),
  groundLabel: ZLabel,
  article: z.string(),
  party: z.object({
    kind: z.enum(additionPartyKindValues),
    name: z.string(),
    /** Masked outside the case team. */
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
  }),
  /** The limit of liability in fen; null: answers jointly, without one. */
  limitFen: z.number().nullable(),
  facts: z.string(),
  appliedVia: z.enum(['team', 'portal']),
  appliedOn: ZIsoDate,
  appliedBy: z.string(),
  /** Art. 28: 60 days from the application, plus the president's extensions. */
  dueOn: ZIsoDate,
  isOverdue: z.boolean(),
  hearing: z
    .object({
      heldOn: ZIsoDate,
      record: z.string(),
      isWaived: z.boolean(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .nullable(),
  extensions: z.array(
    z.object({
      days: z.number(),
      reason: z.string(),
      approvedOn: ZIsoDate,
      approvedBy: z.string(),
      dueOnAfter: ZIsoDate,
    }),
  ),
  ruling: z
    .object({
      decision: z.enum(['add', 'reject']),
      reasons: z.string(),
      ruledOn: ZIsoDate,
      ruledBy: z.string(),
      isLate: z.boolean(),
      objection: ZObjectionSchema,
      partyId: z.uuid().nullable(),
    })
    .nullable(),
});
export type TAddition = z.infer<typeof ZAdditionSchema>;

export const ZAdditionListSchema = z.object({ items: z.array(ZAdditionSchema) });
