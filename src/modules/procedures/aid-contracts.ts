import { z } from 'zod';
import { ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';
import { aidStatusValues } from './rules/judicial-aid.ts';

/**
 * State judicial aid (司法救助): the judge's application for the applicant, the court leader's
 * decision, the payment, each court's monthly wage, and the aid as the case page shows it.
 */
const ZLabel = z.object({ zh: z.string(), en: z.string() });

// At most 1,000,000 yuan a month: a wage above it is a typing error, not a statistic.
const maxMonthlyWageFen = 100_000_000;

export const ZAidApplicationSchema = z.strictObject({
  applicantPartyId: z.uuid(),
  reason: ZText(500, { min: 1, isMultiline: true }),
  /** The hardship (生活困难): household, income, illness — what the court verified. */
  hardshipFacts: ZText(4000, { min: 1, isMultiline: true }),
  requestedAmountFen: ZPositiveFen,
});
export type TAidApplication = z.infer<typeof ZAidApplicationSchema>;

export const ZAidDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** The amount granted; required to approve, at most the cap (意见 part 3). */
  amountFen: ZPositiveFen.optional(),
  reason: ZText(2000, { min: 1, isMultiline: true }),
});
export type TAidDecision = z.infer<typeof ZAidDecisionSchema>;

export const ZAidPaymentSchema = z.strictObject({
  paidOn: ZIsoDate,
  /** The bank's reference of the transfer from the aid fund to the applicant. */
  bankReference: ZText(60, { min: 1 }),
  note: ZText(500).optional(),
});
export type TAidPayment = z.infer<typeof ZAidPaymentSchema>;

export const ZMonthlyWageSchema = z.strictObject({
  /** The year the wage is of: the previous year's, or an earlier one until it is published. */
  year: z.number().int().min(2000).max(2199),
  monthlyWageFen: z.number().int().min(1).max(maxMonthlyWageFen),
});
export type TMonthlyWage = z.infer<typeof ZMonthlyWageSchema>;

export const ZMonthlyWageSavedSchema = z.object({
  courtId: z.uuid(),
  year: z.number(),
  monthlyWageFen: z.number(),
  /** 36 months of it: the cap before the outstanding claim is considered. */
  capFen: z.number(),
});

export const ZAidSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  applicant: z.object({ id: z.uuid(), name: z.string() }),
  reason: z.string(),
  hardshipFacts: z.string(),
  requestedFen: z.number(),
  filedOn: ZIsoDate,
  /** (practice) 10 working days from filing. */
  decisionDueOn: ZIsoDate,
  isDecisionOverdue: z.boolean(),
  status: z.enum(aidStatusValues),
  statusLabel: ZLabel,
  decision: z
    .object({
      decidedOn: ZIsoDate,
      decidedBy: z.string(),
      reason: z.string(),
      monthlyWageFen: z.number().nullable(),
      capFen: z.number().nullable(),
      approvedFen: z.number().nullable(),
    })
    .nullable(),
  payment: z
    .object({
      paidOn: ZIsoDate,
      paidFen: z.number(),
      bankReference: z.string(),
      paidBy: z.string(),
    })
    .nullable(),
  /** 意见: what money recovered later still owes the aid fund before the applicant is paid. */
  repayFromRecoveryFen: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TAid = z.infer<typeof ZAidSchema>;

export const ZCaseAidSchema = z.object({
  caseId: z.uuid(),
  outstandingFen: z.number(),
  /** The base and the cap a decision today would use. */
  monthlyWage: z.object({
    year: z.number().nullable(),
    monthlyWageFen: z.number(),
    isDemoDefault: z.boolean(),
  }),
  capFen: z.number(),
  items: z.array(ZAidSchema),
});

export const ZAidCreatedSchema = z.object({ id: z.uuid(), decisionDueOn: ZIsoDate });

export const ZAidDecidedSchema = z.object({
  id: z.uuid(),
  status: z.enum(aidStatusValues),
  approvedFen: z.number().nullable(),
  capFen: z.number(),
});

export const ZAidPaidSchema = z.object({
  id: z.uuid(),
  status: z.literal('paid'),
  paidFen: z.number(),
  /** Whether the payment went on the case timeline (a closed case takes no node). */
  isNodeRecorded: z.boolean(),
  repayFromRecoveryFen: z.number(),
});
