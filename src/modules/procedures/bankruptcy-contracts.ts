import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import {
  ReferralCriterion,
  referralOutcomeValues,
  referralStatusValues,
} from './rules/bankruptcy-referral.ts';

/**
 * Execution to bankruptcy (执转破): the criteria of each respondent, the judge's referral with the
 * written consent, the receiving court's rulings, and the referral as the case page shows it.
 */
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZReferralInputSchema = z.strictObject({
  respondentPartyId: z.uuid(),
  /** An applicant of the case, or the respondent itself (法发〔2017〕2号 art. 2(2)). */
  consentingPartyId: z.uuid(),
  /** The date of the written consent (书面同意). */
  consentedOn: ZIsoDate,
  /** Why the respondent cannot pay its debts, as the transfer decision states it. */
  insolvencyFacts: ZText(4000, { min: 1, isMultiline: true }),
  /** The court of the debtor's domicile; left out, the intermediate court above the enforcing court. */
  receivingCourtName: ZText(100, { min: 1 }).optional(),
});
export type TReferralInput = z.infer<typeof ZReferralInputSchema>;

export const ZOutcomeInputSchema = z.strictObject({
  outcome: z.enum(referralOutcomeValues),
  /** The date of the receiving court's ruling. */
  ruledOn: ZIsoDate,
  /** The case number of that ruling, e.g. （2026）浙01破申12号. */
  rulingNumber: ZText(100, { min: 1 }),
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TOutcomeInput = z.infer<typeof ZOutcomeInputSchema>;

export const ZCriterionSchema = z.object({
  criterion: z.enum(ReferralCriterion),
  isMet: z.boolean(),
  /** `law`: 法发〔2017〕2号 art. 2; `practice`: the court's practice (configurable). */
  basis: z.enum(['law', 'practice']),
  zh: z.string(),
  en: z.string(),
});

export const ZRespondentCriteriaSchema = z.object({
  partyId: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  meetsCriteria: z.boolean(),
  criteria: z.array(ZCriterionSchema),
  /** What the criteria were judged on (organisations only; null for a person). */
  figures: z
    .object({
      outstandingFen: z.number(),
      answeredQueries: z.number(),
      pendingQueries: z.number(),
      assetCount: z.number(),
      attachableFen: z.number(),
      otherOpenCases: z.number(),
      otherTerminatedCases: z.number(),
    })
    .nullable(),
});
export type TRespondentCriteria = z.infer<typeof ZRespondentCriteriaSchema>;

export const ZReferralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  respondentPartyId: z.uuid(),
  respondentName: z.string(),
  creditCode: z.string(),
  consentingParty: z.object({ id: z.uuid(), name: z.string(), role: z.enum(['applicant', 'respondent']) }),
  consentedOn: ZIsoDate,
  decidedOn: ZIsoDate,
  /** (practice) 15 days from the consent. */
  transferDueOn: ZIsoDate,
  isTransferLate: z.boolean(),
  /** 法发〔2017〕2号: the decision is served on the applicant and the respondent within 5 days. */
  serviceDueOn: ZIsoDate,
  /** CPL-I art. 512: the receiving court rules within 30 days of receiving the materials. */
  acceptanceDueOn: ZIsoDate,
  receivingCourtName: z.string(),
  insolvencyFacts: z.string(),
  criteria: z.array(ZCriterionSchema),
  status: z.enum(referralStatusValues),
  statusLabel: ZLabel,
  outcomes: z.array(
    z.object({
      outcome: z.enum(referralOutcomeValues),
      ruledOn: ZIsoDate,
      rulingNumber: z.string(),
      note: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    }),
  ),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TReferral = z.infer<typeof ZReferralSchema>;

export const ZCaseReferralsSchema = z.object({
  caseId: z.uuid(),
  respondents: z.array(ZRespondentCriteriaSchema),
  referrals: z.array(ZReferralSchema),
});
export type TCaseReferrals = z.infer<typeof ZCaseReferralsSchema>;

export const ZReferralCreatedSchema = z.object({
  id: z.uuid(),
  caseStatus: z.string(),
  transferDueOn: ZIsoDate,
  serviceDueOn: ZIsoDate,
  acceptanceDueOn: ZIsoDate,
});

export const ZOutcomeRecordedSchema = z.object({
  id: z.uuid(),
  status: z.enum(referralStatusValues),
  caseStatus: z.string(),
  closingType: z.string().nullable(),
});
