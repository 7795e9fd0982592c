import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { defineEvent } from '../../platform/events.ts';

/** The events the funds module publishes; their payloads are its contract with subscribers. */

/** Money for a case was booked (a bank arrival, a deduction, or a claim from the queue). */
export const moneyReceived = defineEvent(
  'funds.money-received',
  z.object({
    caseId: z.uuid(),
    courtId: z.uuid(),
    receiptId: z.uuid(),
    amountFen: z.number().int().min(1),
    receivedOn: ZIsoDate,
  }),
);

/** A disbursement was confirmed paid by the bank. */
export const disbursementPaid = defineEvent(
  'funds.disbursement-paid',
  z.object({
    caseId: z.uuid(),
    courtId: z.uuid(),
    disbursementId: z.uuid(),
    payeePartyId: z.uuid(),
    amountFen: z.number().int().min(1),
    paidOn: ZIsoDate,
  }),
);

export const fundsEvents = [moneyReceived, disbursementPaid];
