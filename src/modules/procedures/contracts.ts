import { z } from 'zod';
import { ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';

/**
 * Enforcement settlements (执行和解): what the team records, the instalments and payments, and the
 * settlement as the case page shows it. Property reports: report-contracts.ts.
 */
export const ZIdParamSchema = z.strictObject({ id: z.uuid() });

export const ZInstalmentInputSchema = z.strictObject({
  dueDate: ZIsoDate,
  amountFen: ZPositiveFen,
});

export const ZSettlementInputSchema = z.strictObject({
  terms: ZText(4000, { min: 1, isMultiline: true }),
  // rules/settlement.ts: 1 to 120 instalments, due dates strictly increasing from today
  instalments: z.array(ZInstalmentInputSchema).min(1).max(120),
});
export type TSettlementInput = z.infer<typeof ZSettlementInputSchema>;

export const ZCreatedSchema = z.object({ id: z.uuid() });

export const ZDefaultInputSchema = z.strictObject({
  note: ZText(2000, { isMultiline: true }).optional(),
});
export type TDefaultInput = z.infer<typeof ZDefaultInputSchema>;

export const ZPaymentInputSchema = z.strictObject({
  paidOn: ZIsoDate,
  amountFen: ZPositiveFen,
  note: ZText(500).optional(),
});
export type TPaymentInput = z.infer<typeof ZPaymentInputSchema>;

export const settlementStatusValues = ['active', 'defaulted', 'performed'] as const;
export const instalmentStatusValues = ['pending', 'paid', 'overdue'] as const;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZSettlementSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  terms: z.string(),
  status: z.enum(settlementStatusValues),
  statusLabel: ZLabel,
  instalments: z.array(
    z.object({
      position: z.number().int(),
      dueDate: ZIsoDate,
      amountFen: z.number(),
      paidFen: z.number(),
      status: z.enum(instalmentStatusValues),
    }),
  ),
  totalFen: z.number(),
  paidFen: z.number(),
  outstandingFen: z.number(),
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
  /** CPL art. 250: the last day to apply to restore the original enforcement. */
  limitationEndsOn: ZIsoDate,
  /** An instalment is overdue: the applicant may ask to restore the original enforcement (or sue on the settlement). */
  mayRestore: z.boolean(),
  /** Performed in full: the judge may close the case through the close endpoint with this closing type. */
  closingType: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  endedAt: z.string().nullable(),
  endedOn: ZIsoDate.nullable(),
  endedBy: z.string().nullable(),
  endNote: z.string().nullable(),
});
export type TSettlement = z.infer<typeof ZSettlementSchema>;

export const ZSettlementListSchema = z.object({ items: z.array(ZSettlementSchema) });

export const ZDefaultedSchema = z.object({
  id: z.uuid(),
  status: z.literal('defaulted'),
  caseStatus: z.string(),
  /** What was paid under the settlement stays deducted from the original claim. */
  deductedFen: z.number(),
});

export const ZPaymentRecordedSchema = z.object({
  id: z.uuid(),
  settlementStatus: z.enum(settlementStatusValues),
  paidFen: z.number(),
  outstandingFen: z.number(),
});
