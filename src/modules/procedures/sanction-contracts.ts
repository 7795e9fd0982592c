import { z } from 'zod';
import { ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';

/**
 * Sanctions for obstructing enforcement (CPL arts. 114–119): fines, detention and referrals for
 * the crime of refusing to perform — what the case judge proposes, what a court leader decides,
 * the payments, the one review, public security's answers, and the sanction as the case page
 * shows it. The limits (rules/sanctions.ts) are checked by the use cases, which name the field.
 */
export const sanctionKindValues = ['fine', 'detention', 'refusalReferral'] as const;
export const sanctionStatusValues = ['proposed', 'decided', 'rejected', 'revoked'] as const;

const ZName = ZText(200, { min: 1 });

export const ZSanctionInputSchema = z.strictObject({
  kind: z.enum(sanctionKindValues),
  /** A respondent of the case … */
  partyId: z.uuid().optional(),
  /** … or an outside unit refusing to assist (CPL art. 117) … */
  unit: z.strictObject({ name: ZName, creditCode: ZText(18, { min: 18 }) }).optional(),
  /** … or an outside person (a unit's principal, anyone hiding sealed property: CPL art. 114). */
  person: z.strictObject({ name: ZName, idNumber: ZText(18, { min: 18 }) }).optional(),
  /** The act sanctioned (CPL-I art. 184: one act is fined, or detained, once). */
  act: z.strictObject({
    description: ZText(2000, { min: 1, isMultiline: true }),
    occurredOn: ZIsoDate,
  }),
  /** A fine: CPL art. 118, ≤ ¥100,000 on a person, ¥50,000–¥1,000,000 on a unit. */
  amountFen: ZPositiveFen.optional(),
  /** Detention: CPL art. 118, 1 to 15 days. */
  days: z.number().int().min(1).max(366).optional(),
  /** Detention: the detention centre the person is handed to. */
  place: ZText(200, { min: 1 }).optional(),
});
export type TSanctionInput = z.infer<typeof ZSanctionInputSchema>;

export const ZDecisionInputSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TDecisionInput = z.infer<typeof ZDecisionInputSchema>;

export const ZReleaseInputSchema = z.strictObject({
  /** CPL-I art. 182: the detained admitted and corrected the wrong (具结悔过). */
  note: ZText(2000, { min: 1, isMultiline: true }),
});
export type TReleaseInput = z.infer<typeof ZReleaseInputSchema>;

export const ZReviewInputSchema = z.strictObject({
  /** The day the sanctioned received the decision: the 3 days run from it (CPL-I art. 185). */
  receivedOn: ZIsoDate,
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TReviewInput = z.infer<typeof ZReviewInputSchema>;

export const ZReviewDecisionInputSchema = z.strictObject({
  outcome: z.enum(['upheld', 'revoked']),
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TReviewDecisionInput = z.infer<typeof ZReviewDecisionInputSchema>;

export const ZFinePaymentInputSchema = z.strictObject({
  paidOn: ZIsoDate,
  amountFen: ZPositiveFen,
  /** The receipt (非税收入缴款书) number, or how it was paid. */
  note: ZText(500).optional(),
});
export type TFinePaymentInput = z.infer<typeof ZFinePaymentInputSchema>;

export const ZReferralReplyInputSchema = z.strictObject({
  outcome: z.enum(['accepted', 'declined']),
  repliedOn: ZIsoDate,
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TReferralReplyInput = z.infer<typeof ZReferralReplyInputSchema>;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZSanctionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(sanctionKindValues),
  kindLabel: ZLabel,
  status: z.enum(sanctionStatusValues),
  statusLabel: ZLabel,
  subject: z.object({
    kind: z.enum(['party', 'unit', 'person']),
    partyId: z.uuid().nullable(),
    name: z.string(),
    isOrganisation: z.boolean(),
    /** Masked outside the case team. */
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
  }),
  act: z.object({ description: z.string(), occurredOn: ZIsoDate }),
  amountFen: z.number().nullable(),
  days: z.number().nullable(),
  place: z.string().nullable(),
  proposedAt: z.string(),
  proposedBy: z.string(),
  decision: z
    .object({
      decidedAt: z.string(),
      decidedOn: ZIsoDate,
      decidedBy: z.string(),
      note: z.string().nullable(),
      /** 司惩: the decision (决定书) of a fine or detention. */
      number: z.string().nullable(),
    })
    .nullable(),
  detention: z
    .object({
      /** 第N次拘留 of this person. */
      sequence: z.number().nullable(),
      sequenceLabel: ZLabel.nullable(),
      /** The order to public security: sent until answered. */
      order: z
        .object({
          state: z.enum(['queued', 'sending', 'answered', 'failed']),
          attempts: z.number(),
          lastError: z.string().nullable(),
        })
        .nullable(),
      /** `awaiting` public security's answer; `admitted`; `refused`; the order `failed`; `released` early. */
      custody: z.enum(['awaiting', 'admitted', 'refused', 'failed', 'released']).nullable(),
      /** On the day: in custody, served, or released early. */
      standing: z.enum(['inCustody', 'served', 'releasedEarly']).nullable(),
      place: z.string().nullable(),
      startDate: ZIsoDate.nullable(),
      endDate: ZIsoDate.nullable(),
      refusalReason: z.string().nullable(),
      release: z
        .object({
          decidedAt: z.string(),
          decidedBy: z.string(),
          note: z.string(),
          state: z.enum(['queued', 'sending', 'answered', 'failed']).nullable(),
          releasedOn: ZIsoDate.nullable(),
          refusalReason: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  fine: z
    .object({
      amountFen: z.number(),
      paidFen: z.number(),
      outstandingFen: z.number(),
      isPaid: z.boolean(),
      payments: z.array(
        z.object({
          id: z.uuid(),
          paidOn: ZIsoDate,
          amountFen: z.number(),
          note: z.string(),
          recordedAt: z.string(),
          recordedBy: z.string(),
        }),
      ),
      /** Where the money goes: the treasury, not the case account. */
      note: ZLabel,
    })
    .nullable(),
  review: z
    .object({
      receivedOn: ZIsoDate,
      appliedOn: ZIsoDate,
      /** CPL-I art. 185: the higher court's 5 days. */
      decideBy: ZIsoDate,
      isDecisionLate: z.boolean(),
      note: z.string(),
      appliedBy: z.string(),
      outcome: z.enum(['upheld', 'revoked']).nullable(),
      decidedOn: ZIsoDate.nullable(),
      decidedBy: z.string().nullable(),
      decisionNote: z.string().nullable(),
    })
    .nullable(),
  referral: z
    .object({
      transferredOn: ZIsoDate,
      /** 拒执罪解释 (2024): public security's 60 days. */
      replyDueOn: ZIsoDate,
      reply: z.enum(['accepted', 'declined']).nullable(),
      repliedOn: ZIsoDate.nullable(),
      replyNote: z.string().nullable(),
      isReplyOverdue: z.boolean(),
      /** No answer in 60 days: the applicant may bring a private prosecution. */
      mayProsecutePrivately: z.boolean(),
    })
    .nullable(),
});
export type TSanction = z.infer<typeof ZSanctionSchema>;

export const ZSanctionListSchema = z.object({
  items: z.array(ZSanctionSchema),
  rules: z.object({
    maxPersonFineFen: z.number(),
    minUnitFineFen: z.number(),
    maxUnitFineFen: z.number(),
    maxDetentionDays: z.number(),
    reviewApplicationDays: z.number(),
    reviewDecisionDays: z.number(),
    referralReplyDays: z.number(),
  }),
});

export const ZSanctionCreatedSchema = z.object({ id: z.uuid() });

export const ZSanctionDecidedSchema = z.object({
  id: z.uuid(),
  status: z.enum(sanctionStatusValues),
  decisionNumber: z.string().nullable(),
  /** Detention: the person's Nth. */
  sequence: z.number().nullable(),
});

export const ZFinePaymentRecordedSchema = z.object({
  id: z.uuid(),
  paidFen: z.number(),
  outstandingFen: z.number(),
  isPaid: z.boolean(),
});

export const ZReviewAppliedSchema = z.object({ id: z.uuid(), applyBy: ZIsoDate, decideBy: ZIsoDate });

export const ZReviewDecidedSchema = z.object({
  id: z.uuid(),
  outcome: z.enum(['upheld', 'revoked']),
  status: z.enum(sanctionStatusValues),
  isDecisionLate: z.boolean(),
});

export const ZReleaseOrderedSchema = z.object({ id: z.uuid(), requestId: z.uuid() });

export const ZReferralReplyRecordedSchema = z.object({
  id: z.uuid(),
  reply: z.enum(['accepted', 'declined']),
});
