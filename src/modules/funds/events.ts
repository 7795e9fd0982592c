import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { defineEvent } from '../../platform/events.ts';
import { payoutDelayReasonValues } from './rules/payout-deadline.ts';

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

/** A leader approved paying a case's money later than 30 days (执行款物管理规定 art. 15). */
export const payoutDelayApproved = defineEvent(
  'funds.payout-delay-approved',
  z.object({
    caseId: z.uuid(),
    courtId: z.uuid(),
    delayId: z.uuid(),
    reason: z.enum(payoutDelayReasonValues),
    approvedOn: ZIsoDate,
  }),
);

/** The reason for an approved delay ended: the money is due within 10 days of `endedOn`. */
export const payoutDelayEnded = defineEvent(
  'funds.payout-delay-ended',
  z.object({
    caseId: z.uuid(),
    courtId: z.uuid(),
    delayId: z.uuid(),
    reason: z.enum(payoutDelayReasonValues),
    endedOn: ZIsoDate,
    dueOn: ZIsoDate,
  }),
);

export const fundsEvents = [moneyReceived, disbursementPaid, payoutDelayApproved, payoutDelayEnded];
