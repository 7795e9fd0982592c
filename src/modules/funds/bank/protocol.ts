import { z } from 'zod';

/**
 * The bank protocol as Zhixing reads it (docs/protocols/bank.md): the bodies the bank sends us and
 * the answers it gives. Validated strictly on the way in; what we send is built from our records.
 */
const ZSerial = z.string().min(1).max(64);
const ZFen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const ZInstant = z.iso.datetime({ offset: true });

export const ZArrivalNotificationSchema = z.object({
  serial: ZSerial,
  toAccount: z.string().min(1).max(64),
  amountFen: ZFen,
  payerName: z.string().max(200),
  payerAccount: z.string().max(64),
  receivedAt: ZInstant,
});

export const ZArrivalsBodySchema = z.object({
  notifications: z.array(ZArrivalNotificationSchema).min(1).max(1000),
});

export const ZPaymentResultSchema = z.object({
  instructionId: z.string().min(1).max(64),
  status: z.enum(['paid', 'failed']),
  bankSerial: z.string().max(64).optional(),
  settledAt: ZInstant,
  reason: z.string().max(500).optional(),
});

export const ZPaymentResultsBodySchema = z.object({
  results: z.array(ZPaymentResultSchema).min(1).max(1000),
});

export const ZPaymentStatusSchema = z.object({
  instructionId: z.string(),
  status: z.enum(['accepted', 'paid', 'failed']),
  amountFen: z.number().int().optional(),
  bankSerial: z.string().optional(),
  settledAt: ZInstant.optional(),
  reason: z.string().optional(),
});

export const ZStatementSchema = z.object({
  account: z.string(),
  date: z.string(),
  openingFen: z.number().int(),
  closingFen: z.number().int(),
  lines: z.array(
    z.object({
      serial: z.string(),
      direction: z.enum(['in', 'out']),
      amountFen: z.number().int(),
      toAccount: z.string(),
      counterpartyName: z.string(),
      counterpartyAccount: z.string(),
      valueAt: ZInstant,
      instructionId: z.string().optional(),
    }),
  ),
});
export type TStatement = z.infer<typeof ZStatementSchema>;

/** Our answer to a notification: what became of each item (the bank only needs the 2xx). */
export const ZNotificationAckSchema = z.object({
  results: z.array(z.object({ key: z.string(), outcome: z.string() })),
});
