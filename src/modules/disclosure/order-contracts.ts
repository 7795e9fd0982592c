import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { ZAttachmentInputSchema } from './contracts.ts';
import { defaultOrderValidDays, maxOrderValidDays } from './rules/investigation-order.ts';

/**
 * Lawyers' investigation orders (律师调查令; DOMAIN §9): the lawyer's application, the judge's
 * decision, the public check of an order's code by whoever it is shown to (a bank, a registry), and
 * the results the lawyer uploads to the case.
 */
const ZReason = ZText(500, { min: 1, isMultiline: true });

export const investigationCategoryValues = [
  'deposits',
  'realEstate',
  'vehicles',
  'securities',
  'equity',
  'other',
] as const;
export type TInvestigationCategory = (typeof investigationCategoryValues)[number];

export const ZOrderInputSchema = z.strictObject({
  /** The unit to be investigated: a bank, a registry, a company. */
  addressee: ZText(100, { min: 1 }),
  /** What the lawyer may see there. Never state secrets, trade secrets or privacy. */
  scope: ZText(1000, { min: 1, isMultiline: true }),
  category: z.enum(investigationCategoryValues),
  /** Days the order is valid from the day granted (DOMAIN §9: 15, at most 30). */
  validDays: z
    .number()
    .int()
    .min(1)
    .max(maxOrderValidDays, {
      error: `调查令有效期最长${maxOrderValidDays}日 / At most ${maxOrderValidDays} days`,
    })
    .default(defaultOrderValidDays),
});
export type TOrderInput = z.infer<typeof ZOrderInputSchema>;

export const ZOrderDecisionSchema = z.strictObject({ grant: z.boolean(), reason: ZReason });
export type TOrderDecision = z.infer<typeof ZOrderDecisionSchema>;
export const ZOrderRevocationSchema = z.strictObject({ reason: ZReason });
export type TOrderRevocation = z.infer<typeof ZOrderRevocationSchema>;

/** The public check: exactly these four fields (the API contract of issue 13). */
export const ZOrderVerificationSchema = z.object({
  valid: z.boolean(),
  caseNumber: z.string(),
  validUntil: ZIsoDate,
  scope: z.string(),
});
export type TOrderVerification = z.infer<typeof ZOrderVerificationSchema>;
export const ZOrderCodeParamSchema = z.strictObject({ code: z.string().max(40) });

export const ZOrderResultInputSchema = z.strictObject({
  text: ZText(2000, { min: 1, isMultiline: true }),
  attachments: z.array(ZAttachmentInputSchema).max(3).optional(),
});
export type TOrderResultInput = z.infer<typeof ZOrderResultInputSchema>;
export const ZOrderResultReceivedSchema = z.object({ id: z.uuid() });

const ZFileMetaSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export const ZOrderResultSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  attachments: z.array(ZFileMetaSchema),
});

export const orderStateValues = ['pending', 'granted', 'refused', 'revoked'] as const;
export const ZInvestigationOrderSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  lawyer: z.object({ name: z.string(), lawFirm: z.string(), licenceNumber: z.string() }),
  addressee: z.string(),
  scope: z.string(),
  category: z.enum(investigationCategoryValues),
  validDays: z.number(),
  appliedAt: z.string(),
  /** The decision is due by (DOMAIN §9: 3 days). */
  dueOn: ZIsoDate,
  isOverdue: z.boolean(),
  state: z.enum(orderStateValues),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  /** The verification code as printed on the order (`ABCD-EFGH-2345-6789`), once granted. */
  code: z.string().nullable(),
  validFrom: ZIsoDate.nullable(),
  validUntil: ZIsoDate.nullable(),
  /** Granted, not revoked, and within its days today. */
  isValid: z.boolean(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  results: z.array(ZOrderResultSchema),
});
export type TInvestigationOrder = z.infer<typeof ZInvestigationOrderSchema>;
export const ZInvestigationOrderListSchema = z.object({ items: z.array(ZInvestigationOrderSchema) });

export const ZOrderIdParamSchema = z.strictObject({ id: z.uuid() });
