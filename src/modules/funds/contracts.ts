import { z } from 'zod';
import { ZFen as ZFenAmount, ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';
import { escrowGroundValues } from './rules/escrow.ts';
import { payoutDelayReasonValues } from './rules/payout-deadline.ts';

/** The funds module's API contract: request schemas strict, answers closed (the web reads these types). */

const ZId = z.uuid();
const ZInstant = z.string();

export const ZCaseIdParamSchema = z.object({ id: z.string().min(1).max(100) }).strict();
export const ZIdParamSchema = z.object({ id: ZId }).strict();
export const ZPayeeParamSchema = z.object({ id: z.string().min(1).max(100), partyId: ZId }).strict();

export const ZBankAccountSchema = z
  .object({
    accountNumber: z
      .string()
      .trim()
      .regex(/^[0-9][0-9 -]{5,33}$/, '银行账号应为 6–34 位数字 / An account number has 6–34 digits'),
    accountName: ZText(100, { min: 1 }),
    bankName: ZText(100, { min: 1 }),
  })
  .strict();
export type TBankAccount = z.infer<typeof ZBankAccountSchema>;

export const ZBalancesSchema = z.object({
  receivedFen: z.number().int(),
  feesFen: z.number().int(),
  payableFen: z.number().int(),
  paidFen: z.number().int(),
  escrowFen: z.number().int(),
  refundFen: z.number().int(),
  unallocatedFen: z.number().int(),
});

export const DisbursementStateValues = [
  'pendingApproval',
  'approved',
  'instructed',
  'paid',
  'failed',
  'rejected',
] as const;
const ZDisbursementState = z.enum(DisbursementStateValues);

export const payoutDelayStateValues = ['pendingApproval', 'approved', 'rejected', 'ended'] as const;

/** 延期发放 (执行款物管理规定 art. 15): `dueOn` is the day the money is due once the reason ended. */
export const ZPayoutDelaySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  reason: z.enum(payoutDelayReasonValues),
  note: z.string(),
  state: z.enum(payoutDelayStateValues),
  requestedAt: ZInstant,
  decidedAt: ZInstant.nullable(),
  approvedOn: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  endedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
});
export type TPayoutDelay = z.infer<typeof ZPayoutDelaySchema>;

export const ZCaseFundsSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  accountNumber: z.string(),
  enforcementFeeFen: z.number().int(),
  balances: ZBalancesSchema,
  claim: z.object({
    principalFen: z.number().int(),
    principalAllocatedFen: z.number().int(),
    interestAccruedFen: z.number().int(),
    interestAllocatedFen: z.number().int(),
  }),
  payout: z
    .object({ arrivedOn: z.string(), dueOn: z.string(), light: z.enum(['green', 'yellow', 'red']) })
    .nullable(),
  payees: z.array(
    z.object({
      partyId: z.string(),
      name: z.string(),
      payableFen: z.number().int(),
      reservedFen: z.number().int(),
      bankAccount: z
        .object({ accountNumber: z.string(), accountName: z.string(), bankName: z.string() })
        .nullable(),
    }),
  ),
  receipts: z.array(
    z.object({
      id: z.string(),
      serial: z.string(),
      amountFen: z.number().int(),
      payerName: z.string(),
      receivedAt: ZInstant,
      source: z.string(),
    }),
  ),
  disbursements: z.array(
    z.object({
      id: z.string(),
      amountFen: z.number().int(),
      state: ZDisbursementState,
      payeePartyId: z.string(),
      payeeName: z.string(),
      requiredApprovals: z.number().int(),
      approvals: z.number().int(),
      proposedAt: ZInstant,
      settledAt: ZInstant.nullable(),
      failureReason: z.string().nullable(),
    }),
  ),
  entries: z.array(
    z.object({
      journalId: z.string(),
      seq: z.number().int(),
      kind: z.string(),
      reference: z.string(),
      account: z.string(),
      partyId: z.string().nullable(),
      amountFen: z.number().int(),
      createdAt: ZInstant,
    }),
  ),
  /** Added after the fields above, which stay as they were (an external contract). */
  payoutDelays: z.array(ZPayoutDelaySchema),
});
export type TCaseFunds = z.infer<typeof ZCaseFundsSchema>;

export const ZProposeDisbursementSchema = z
  .object({
    caseId: ZId,
    payeePartyId: ZId,
    amountFen: ZPositiveFen,
    purpose: ZText(200, { min: 1 }).optional(),
    payeeAccount: ZBankAccountSchema.optional(),
  })
  .strict();

export const ZProposedSchema = z.object({ id: z.string(), state: z.literal('pendingApproval') });

export const ZDisbursementSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  state: ZDisbursementState,
  payeePartyId: z.string(),
  payeeName: z.string(),
  payeeAccount: z.string(),
  payeeBank: z.string(),
  amountFen: z.number().int(),
  purpose: z.string(),
  requiredApprovals: z.number().int(),
  approvals: z.number().int(),
  proposedAt: ZInstant,
  approvedAt: ZInstant.nullable(),
  instructedAt: ZInstant.nullable(),
  settledAt: ZInstant.nullable(),
  bankSerial: z.string().nullable(),
  failureReason: z.string().nullable(),
});
export type TDisbursement = z.infer<typeof ZDisbursementSchema>;

export const ZRejectSchema = z.object({ reason: ZText(500, { min: 1 }) }).strict();

export const ZUnmatchedListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      serial: z.string(),
      amountFen: z.number().int(),
      payerName: z.string(),
      payerAccount: z.string(),
      toAccount: z.string(),
      receivedAt: ZInstant,
    }),
  ),
});
export type TUnmatchedList = z.infer<typeof ZUnmatchedListSchema>;

export const ZClaimSchema = z.object({ caseId: ZId }).strict();
export const ZClaimedSchema = z.object({ id: z.string(), caseId: z.string(), state: z.literal('claimed') });

export const ZPayeeAccountSavedSchema = z.object({
  partyId: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  bankName: z.string(),
});

export const ZBankAckSchema = z.object({
  results: z.array(z.object({ key: z.string(), outcome: z.string() })),
});

export const ZCourtDisbursementsQuerySchema = z.object({ state: ZDisbursementState.optional() }).strict();
export const ZCourtDisbursementsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      payeeName: z.string(),
      amountFen: z.number().int(),
      state: ZDisbursementState,
      approvals: z.number().int(),
      requiredApprovals: z.number().int(),
      proposedAt: ZInstant,
    }),
  ),
});
export type TCourtDisbursements = z.infer<typeof ZCourtDisbursementsSchema>;

const ZDifference = z.object({
  kind: z.enum(['missing', 'extra', 'amountDiffers']),
  direction: z.enum(['in', 'out']),
  key: z.string(),
  bankFen: z.number().int().optional(),
  ledgerFen: z.number().int().optional(),
});

export const ZReconciliationSchema = z.object({
  courtId: z.string(),
  accountNumber: z.string(),
  statementDate: z.string(),
  state: z.enum(['balanced', 'differences']),
  bankInFen: z.number().int(),
  bankOutFen: z.number().int(),
  ledgerInFen: z.number().int(),
  ledgerOutFen: z.number().int(),
  differences: z.array(ZDifference),
  checkedAt: ZInstant,
});
export type TReconciliation = z.infer<typeof ZReconciliationSchema>;
export const ZReconciliationsSchema = z.object({ items: z.array(ZReconciliationSchema) });
export const ZReconcileSchema = z.object({ date: ZIsoDate }).strict();

export const ZMonthlyQuerySchema = z
  .object({
    month: z.string().regex(/^(19|2[01])\d{2}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM / A month is YYYY-MM'),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .strict();
export const ZMonthlyReportSchema = z.object({
  month: z.string(),
  courtName: z.string(),
  receivedFen: z.number().int(),
  receipts: z.number().int(),
  feesFen: z.number().int(),
  paidFen: z.number().int(),
  payouts: z.number().int(),
  failedPayouts: z.number().int(),
  unmatchedFen: z.number().int(),
  unmatched: z.number().int(),
  waiting: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      waitingFen: z.number().int(),
      since: z.string().nullable(),
      light: z.enum(['green', 'yellow', 'red']),
    }),
  ),
});
export type TMonthlyReport = z.infer<typeof ZMonthlyReportSchema>;

export const ZLodgeEscrowSchema = z
  .object({
    caseId: ZId,
    payeePartyId: ZId,
    amountFen: ZPositiveFen,
    ground: z.enum(escrowGroundValues),
    note: ZText(500).optional(),
  })
  .strict();
export const ZLodgedSchema = z.object({
  journalId: z.string(),
  amountFen: z.number().int(),
  ground: z.enum(escrowGroundValues),
  groundLabel: z.object({ zh: z.string(), en: z.string() }),
});

export const ZAllocateSchema = z
  .object({
    caseId: ZId,
    shares: z
      .array(z.object({ payeePartyId: ZId, amountFen: ZFenAmount }).strict())
      .min(1)
      .max(50),
    refundFen: ZFenAmount.optional(),
  })
  .strict();
export const ZAllocatedSchema = z.object({
  journalId: z.string(),
  feeFen: z.number().int(),
  sharesFen: z.number().int(),
  refundFen: z.number().int(),
});

export const ZRequestPayoutDelaySchema = z
  .object({ reason: z.enum(payoutDelayReasonValues), note: ZText(500, { min: 1 }) })
  .strict();
export type TRequestPayoutDelay = z.infer<typeof ZRequestPayoutDelaySchema>;
export const ZPayoutDelayRequestedSchema = z.object({ id: z.string(), state: z.literal('pendingApproval') });

export const ZCourtPayoutDelaysQuerySchema = z
  .object({ state: z.enum(payoutDelayStateValues).optional() })
  .strict();
export const ZCourtPayoutDelaysSchema = z.object({
  items: z.array(ZPayoutDelaySchema.extend({ caseNumber: z.string() })),
});
export type TCourtPayoutDelays = z.infer<typeof ZCourtPayoutDelaysSchema>;
