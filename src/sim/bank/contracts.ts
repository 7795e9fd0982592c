import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ZIsoDate, ZPositiveFen } from '../../kernel/index.ts';

/**
 * Request, answer and notification shapes of the court bank protocol (docs/protocols/bank.md).
 * Zhixing validates what the bank sends with these very schemas (exported from src/sim/index.ts).
 */

/** The bank's code in `x-zx-institution`, both ways. */
export const BANK_CODE = 'courtbank';

/** The bank's HMAC key in the simulator: hex HMAC-SHA256(secret, 'courtbank'), as for the institutions. */
export function bankKey(secret: string): string {
  return createHmac('sha256', secret).update(BANK_CODE).digest('hex');
}

/** `error.code` of the bank's own refusals (beside the simulator's INVALID_INPUT, CONFLICT …). */
export const BankErrorCode = {
  unknownAccount: 'unknownAccount',
  statementNotReady: 'statementNotReady',
} as const;

/** `reason` of a failed payment. */
export const BankFailureReason = {
  insufficientBalance: 'insufficient balance',
  accountClosed: 'account closed',
  rejected: 'rejected by the bank',
} as const;

export const MAX_NOTIFICATIONS_PER_REQUEST = 100;
export const MAX_SUBSCRIBED_ACCOUNTS = 10_000;

const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 characters A–Z a–z 0–9 _ -');
const ZCourtAccount = z.string().regex(/^\d{12}$/, '12 digits (a court enforcement account)');
const ZName = z.string().trim().min(1).max(100);
const ZInstant = z.iso.datetime({ offset: true });

// Zhixing → bank

export const ZBankSubscriptionRequestSchema = z
  .object({
    notifyBaseUrl: z.url({ protocol: /^https?$/ }).max(2000),
    accounts: z.array(ZCourtAccount).min(1).max(MAX_SUBSCRIBED_ACCOUNTS),
  })
  .strict();

export const ZBankSubscriptionAnswerSchema = z.object({
  /** Court accounts subscribed in all, this request's included. */
  accounts: z.number().int(),
});

export const ZBankPaymentRequestSchema = z
  .object({
    instructionId: ZId,
    fromAccount: ZCourtAccount,
    toAccount: z.string().min(6).max(34),
    toName: ZName,
    amountFen: ZPositiveFen,
    purpose: z.string().max(200),
  })
  .strict();

export const ZBankPaymentAcceptedSchema = z.object({
  instructionId: z.string(),
  status: z.literal('accepted'),
});

/** A payment as polled: `accepted` until it settles; then `paid` (with `bankSerial`) or `failed` (with `reason`). */
export const ZBankPaymentSchema = z.object({
  instructionId: z.string(),
  status: z.enum(['accepted', 'paid', 'failed']),
  amountFen: z.number().int(),
  bankSerial: z.string().optional(),
  settledAt: ZInstant.optional(),
  reason: z.string().optional(),
});

export const ZBankStatementQuerySchema = z.object({ account: ZCourtAccount, date: ZIsoDate });

export const ZBankStatementLineSchema = z.object({
  serial: z.string(),
  direction: z.enum(['in', 'out']),
  amountFen: z.number().int(),
  /** `in`: the account as the payer wrote it; `out`: the payee's account. */
  toAccount: z.string(),
  counterpartyName: z.string(),
  counterpartyAccount: z.string(),
  valueAt: ZInstant,
  /** `out` lines: the payment instruction that made it. */
  instructionId: z.string().optional(),
});

export const ZBankStatementSchema = z.object({
  account: z.string(),
  date: z.string(),
  openingFen: z.number().int(),
  closingFen: z.number().int(),
  lines: z.array(ZBankStatementLineSchema),
});

// Bank → Zhixing (POSTed to `${notifyBaseUrl}/arrivals` and `/payment-results`)

export const ZBankArrivalSchema = z.object({
  serial: z.string().min(1),
  /** Exactly as the payer wrote it: Zhixing decides which case it is. */
  toAccount: z.string(),
  amountFen: ZPositiveFen,
  payerName: z.string(),
  payerAccount: z.string(),
  receivedAt: ZInstant,
});

export const ZBankArrivalsNotificationSchema = z.object({
  notifications: z.array(ZBankArrivalSchema).min(1).max(MAX_NOTIFICATIONS_PER_REQUEST),
});

export const ZBankPaymentResultSchema = z.object({
  instructionId: z.string().min(1),
  status: z.enum(['paid', 'failed']),
  bankSerial: z.string().optional(),
  settledAt: ZInstant,
  reason: z.string().optional(),
});

export const ZBankPaymentResultsNotificationSchema = z.object({
  results: z.array(ZBankPaymentResultSchema).min(1).max(MAX_NOTIFICATIONS_PER_REQUEST),
});

// The simulator's admin API (/sim/bank/*)

export const ZBankTransferRequestSchema = z
  .object({
    toAccount: z.string().min(6).max(34),
    amountFen: ZPositiveFen,
    payerName: ZName,
    serial: ZId.optional(),
    payerAccount: z.string().min(1).max(34).optional(),
  })
  .strict();

export const ZBankDiscrepancyRequestSchema = z
  .object({
    account: ZCourtAccount,
    date: ZIsoDate,
    kind: z.enum(['omit', 'extra', 'amount']),
    serial: ZId.optional(),
    amountFen: ZPositiveFen.optional(),
    /** `extra` lines only: default `in`. */
    direction: z.enum(['in', 'out']).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind !== 'extra' && b.serial === undefined)
      ctx.addIssue({ code: 'custom', path: ['serial'], message: `required for kind ${b.kind}` });
    if (b.kind !== 'omit' && b.amountFen === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: `required for kind ${b.kind}` });
  });

export const ZBankKnobsPatchSchema = z
  .object({
    duplicateRate: z.number().min(0).max(1),
    failureRate: z.number().min(0).max(1),
    settleLatencyMs: z.number().int().min(0).max(600_000),
  })
  .partial()
  .strict();

export const ZBankAccountsSchema = z.object({
  notifyBaseUrl: z.string().nullable(),
  pendingNotifications: z.number().int(),
  accounts: z.array(z.object({ account: z.string(), balanceFen: z.number().int() })),
});

export type TBankSubscriptionRequest = z.infer<typeof ZBankSubscriptionRequestSchema>;
export type TBankPaymentRequest = z.infer<typeof ZBankPaymentRequestSchema>;
export type TBankPayment = z.infer<typeof ZBankPaymentSchema>;
export type TBankStatement = z.infer<typeof ZBankStatementSchema>;
export type TBankStatementLine = z.infer<typeof ZBankStatementLineSchema>;
export type TBankArrival = z.infer<typeof ZBankArrivalSchema>;
export type TBankPaymentResult = z.infer<typeof ZBankPaymentResultSchema>;
export type TBankTransferRequest = z.infer<typeof ZBankTransferRequestSchema>;
export type TBankDiscrepancyRequest = z.infer<typeof ZBankDiscrepancyRequestSchema>;
export type TBankKnobs = Required<z.infer<typeof ZBankKnobsPatchSchema>>;
export type TBankAccounts = z.infer<typeof ZBankAccountsSchema>;
