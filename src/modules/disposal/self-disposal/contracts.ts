import { z } from 'zod';
import { ZIsoDate, ZPositiveFen, ZText } from '../../../kernel/index.ts';
import { goodFaithKindValues, securityKindValues } from './rules/good-faith.ts';
import { maxSelfDisposalDays, selfDisposalStateValues } from './rules/self-disposal.ts';

/**
 * The API contract of the good-faith measures (善意文明执行意见, 法发〔2019〕35号): the respondent's
 * self-disposal of a sealed asset — applied for on the party portal, decided by the case judge with
 * its period and lowest price, the agreed sale, the price paid into the case account — and the
 * records of a seal replaced by security and of financing with sealed property.
 */

const ZId = z.uuid('编号格式错误 / Not an id');
const text = (max: number) => ZText(max, { min: 1 });
const note = (max: number) => ZText(max, { min: 1, isMultiline: true });

export const ZIdParamSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const ZCreateSelfDisposalSchema = z.strictObject({
  assetId: ZId.meta({
    description: '本案已查封、扣押的财产 / An asset of the case sealed or seized (inquiry’s asset id)',
  }),
  days: z
    .number()
    .int()
    .min(1)
    // 善意文明执行意见: the court sets the period, at most 60 days.
    .max(maxSelfDisposalDays, {
      error: `自行处置期限最长${maxSelfDisposalDays}日（善意文明执行意见） / At most ${maxSelfDisposalDays} days (善意文明执行意见)`,
    })
    .meta({ description: '自行处置期限（日），最长 60 日 / The period in days, at most 60' }),
  lowestPriceFen: ZPositiveFen.meta({
    description: '最低价（分） / The lowest price the sale may be agreed at',
  }),
  applicationId: ZId.optional().meta({
    description: '被执行人的申请 / The respondent’s application decided on',
  }),
});
export type TCreateSelfDisposal = z.infer<typeof ZCreateSelfDisposalSchema>;

export const ZRecordSaleSchema = z.strictObject({
  buyerName: text(100),
  priceFen: ZPositiveFen.meta({
    description: '成交价（分），不得低于最低价 / The agreed price, not below the lowest price',
  }),
});
export type TRecordSale = z.infer<typeof ZRecordSaleSchema>;

export const ZApplySelfDisposalSchema = z.strictObject({
  assetId: ZId,
  proposedPriceFen: ZPositiveFen,
  buyer: text(100).optional().meta({ description: '意向买受人 / The buyer found, if any' }),
  note: note(2000),
});
export type TApplySelfDisposal = z.infer<typeof ZApplySelfDisposalSchema>;

export const ZSelfDisposalSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  assetId: z.string(),
  assetType: z.string(),
  assetDescription: z.string(),
  state: z.enum(selfDisposalStateValues),
  days: z.number(),
  decidedOn: ZIsoDate,
  dueOn: ZIsoDate,
  lowestPriceFen: z.number(),
  applicationId: z.string().nullable(),
  /** The case account (一案一账号) the buyer pays into. */
  accountNumber: z.string().nullable(),
  sale: z.object({ buyerName: z.string(), priceFen: z.number(), recordedOn: ZIsoDate }).nullable(),
  paidFen: z.number(),
  paidOn: ZIsoDate.nullable(),
  /** The lifting of the seal asked of the registry once the price was paid. */
  releaseMeasureId: z.string().nullable(),
  releaseProblem: z.string().nullable(),
  completedOn: ZIsoDate.nullable(),
  lapsedOn: ZIsoDate.nullable(),
  /** Lapsed: the asset is free for a new lot (拍卖). */
  isReturnedToAuction: z.boolean(),
  /** Whether the asset is still sealed or seized in the case. */
  isAssetUnderControl: z.boolean(),
  decidedByName: z.string(),
});
export type TSelfDisposal = z.infer<typeof ZSelfDisposalSchema>;

export const applicationStateValues = ['pending', 'granted'] as const;

export const ZSelfDisposalApplicationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  assetId: z.string(),
  state: z.enum(applicationStateValues),
  proposedPriceFen: z.number(),
  buyer: z.string().nullable(),
  note: z.string(),
  submitterName: z.string(),
  submittedAt: z.string(),
});
export type TSelfDisposalApplication = z.infer<typeof ZSelfDisposalApplicationSchema>;

export const ZSelfDisposalListSchema = z.object({
  items: z.array(ZSelfDisposalSchema),
  applications: z.array(ZSelfDisposalApplicationSchema),
});

const ZConsent = {
  applicantConsent: z.boolean().meta({ description: '申请执行人同意 / The applicant consented' }),
  reviewNote: note(2000).optional().meta({
    description: '法院审查意见，申请执行人未同意时必填 / The court’s review; required without consent',
  }),
};

export const ZSealSubstitutionSchema = z.strictObject({
  assetId: ZId,
  security: z.strictObject({
    kind: z.enum(securityKindValues),
    description: text(1000),
    amountFen: ZPositiveFen,
  }),
  ...ZConsent,
});
export type TSealSubstitution = z.infer<typeof ZSealSubstitutionSchema>;

export const ZSealedFinancingSchema = z.strictObject({
  assetId: ZId,
  lender: text(200),
  amountFen: ZPositiveFen,
  ...ZConsent,
});
export type TSealedFinancing = z.infer<typeof ZSealedFinancingSchema>;

export const ZGoodFaithMeasureSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(goodFaithKindValues),
  state: z.literal('recorded'),
  assetId: z.string(),
  security: z
    .object({ kind: z.enum(securityKindValues), description: z.string(), amountFen: z.number() })
    .nullable(),
  lender: z.string().nullable(),
  amountFen: z.number(),
  applicantConsent: z.boolean(),
  reviewNote: z.string().nullable(),
  recordedOn: ZIsoDate,
  recordedByName: z.string(),
});
export type TGoodFaithMeasure = z.infer<typeof ZGoodFaithMeasureSchema>;
