import { z } from 'zod';
import { ZFen, ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';
import { claimPriorityValues, planStateValues, respondentKindValues } from './rules/distribution.ts';

/**
 * The API contract of 参与分配 and the distribution plan (CPL-I arts. 506–510, 514): request
 * schemas strict, answers closed (the web app reads these types).
 */

export const ZDistributionParamSchema = z.object({ id: z.string().min(1).max(100) }).strict();

const ZClaimPriority = z.enum(claimPriorityValues);

/**
 * An application to take part (art. 507), recorded by the case team: either an applicant of the
 * case (`partyId`; name and number are the party's), or a creditor from outside it, named here.
 */
export const ZApplyToParticipateSchema = z
  .object({
    partyId: z.uuid().optional(),
    creditorName: ZText(200, { min: 1 }).optional(),
    idNumber: ZText(40, { min: 1 }).optional(),
    creditCode: ZText(40, { min: 1 }).optional(),
    basis: ZText(500, { min: 1 }),
    priority: ZClaimPriority,
    principalFen: ZFen,
    interestFen: ZFen.optional(),
    seizedAt: ZIsoDate.nullable().optional(),
    appliedOn: ZIsoDate.optional(),
  })
  .strict();
export type TApplyToParticipate = z.infer<typeof ZApplyToParticipateSchema>;

/** Drafting a plan: whose property it distributes, when the case has several respondents. */
export const ZDraftPlanSchema = z.object({ respondentPartyId: z.uuid().optional() }).strict();
export type TDraftPlan = z.infer<typeof ZDraftPlanSchema>;

/** A written objection (art. 509): absent `objectorApplicationId`, the respondent objects. */
export const ZObjectSchema = z
  .object({
    objectorApplicationId: z.uuid().optional(),
    againstApplicationId: z.uuid(),
    disputedFen: ZPositiveFen,
    reason: ZText(500, { min: 1, isMultiline: true }),
    filedOn: ZIsoDate.optional(),
  })
  .strict();
export type TObject = z.infer<typeof ZObjectSchema>;

/** The others' answer to the objection (art. 510): an opposition, or none within the 15 days. */
export const ZOppositionSchema = z
  .object({
    isOpposed: z.boolean(),
    note: ZText(500, { isMultiline: true }).optional(),
    filedOn: ZIsoDate.optional(),
  })
  .strict();
export type TOpposition = z.infer<typeof ZOppositionSchema>;

/** The objector's suit against the opponents (分配方案异议之诉, art. 510). */
export const ZSuitSchema = z
  .object({
    note: ZText(500, { isMultiline: true }).optional(),
    filedOn: ZIsoDate.optional(),
  })
  .strict();
export type TSuit = z.infer<typeof ZSuitSchema>;

const ZShareSchema = z.object({
  applicationId: z.string(),
  creditorName: z.string(),
  priority: ZClaimPriority,
  claimFen: z.number().int(),
  amountFen: z.number().int(),
  principalFen: z.number().int(),
  interestFen: z.number().int(),
  lodgedFen: z.number().int(),
});

export const ZDistributionSchema = z.object({
  caseId: z.string(),
  respondentKind: z.enum(respondentKindValues).nullable(),
  ordinaryRule: z.enum(['proRata', 'seizureOrder']).nullable(),
  unallocatedFen: z.number().int(),
  /** Money kept back by executed plans for an objector's suit: no new plan distributes it. */
  lodgedFen: z.number().int(),
  applications: z.array(
    z.object({
      id: z.string(),
      partyId: z.string().nullable(),
      creditorName: z.string(),
      idNumber: z.string().nullable(),
      creditCode: z.string().nullable(),
      basis: z.string(),
      priority: ZClaimPriority,
      principalFen: z.number().int(),
      interestFen: z.number().int(),
      seizedAt: z.string().nullable(),
      appliedOn: z.string(),
      /** Paid to it by executed plans, and what is payable to it now. */
      allocatedFen: z.number().int(),
      payableFen: z.number().int(),
    }),
  ),
  /** What a plan drafted now would say (nothing to distribute, or no claim: null). */
  preview: z
    .object({
      amountFen: z.number().int(),
      costsFen: z.number().int(),
      refundFen: z.number().int(),
      shares: z.array(ZShareSchema),
    })
    .nullable(),
  plan: z
    .object({
      id: z.string(),
      state: z.enum(planStateValues),
      amountFen: z.number().int(),
      costsFen: z.number().int(),
      refundFen: z.number().int(),
      lodgedFen: z.number().int(),
      draftedAt: z.string(),
      servedOn: z.string().nullable(),
      objectionNotifiedOn: z.string().nullable(),
      opposedOn: z.string().nullable(),
      oppositionNotifiedOn: z.string().nullable(),
      suedOn: z.string().nullable(),
      finalOn: z.string().nullable(),
      executedAt: z.string().nullable(),
      deadlines: z.object({
        objectionDueOn: z.string().nullable(),
        oppositionDueOn: z.string().nullable(),
        suitDueOn: z.string().nullable(),
      }),
      shares: z.array(ZShareSchema),
      objections: z.array(
        z.object({
          id: z.string(),
          objectorApplicationId: z.string().nullable(),
          againstApplicationId: z.string(),
          disputedFen: z.number().int(),
          reason: z.string(),
          filedOn: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type TDistribution = z.infer<typeof ZDistributionSchema>;
