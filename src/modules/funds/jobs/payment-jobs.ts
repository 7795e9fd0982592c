import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import { defineJob, enqueueJob } from '../../../platform/jobs.ts';
import { pay, paymentStatus } from '../bank/client.ts';
import { findDisbursement } from '../use-cases/disbursement-store.ts';
import { settlePayment } from '../use-cases/settle-payment.ts';
import { bankOf } from './subscribe-bank.ts';

/**
 * Sends an approved disbursement's payment instruction. The disbursement is marked instructed
 * (committed) before the request leaves; a rerun after a crash sends the same instruction id, which
 * the bank pays once. The result comes by notification, or by the poll queued here.
 */
export const instructPaymentJob = defineJob({
  name: 'funds.instruct-payment',
  payload: z.object({ disbursementId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx, { disbursementId }) {
    const bank = bankOf(ctx);
    const d = await ctx.database.db.transaction(async (tx) => {
      const row = await findDisbursement(tx, { id: disbursementId }, { forUpdate: true });
      if (!row || (row.state !== 'approved' && row.state !== 'instructed')) return null;
      if (row.state === 'approved') {
        await tx.execute(sql`update funds.disbursements set state = 'instructed', instructed_at = now(), updated_at = now()
          where id = ${row.id}::uuid`);
      }
      return row;
    });
    if (!d) return;
    const [court] = await ctx.database.db.execute<{ accountNumber: string }>(
      sql`select account_number as "accountNumber" from funds.court_accounts where court_id = ${d.courtId}::uuid`,
    );
    if (!court) throw new Error(`court ${d.courtId} has no enforcement account`);
    const answer = await pay(bank, {
      instructionId: d.instructionId,
      fromAccount: court.accountNumber,
      toAccount: d.payeeAccount,
      toName: d.payeeAccountName,
      amountFen: d.amountFen,
      purpose: d.purpose.slice(0, 200),
    });
    if (answer.status >= 500 || answer.status === 429)
      throw new Error(`bank answered ${answer.status}; retrying`);
    if (answer.status >= 300) {
      // Refused. An earlier send of the same instruction may still have been accepted (this may be
      // a rerun): only the bank's own word that it holds no such payment makes it payable again.
      const status = await paymentStatus(bank, d.instructionId);
      if (status.status !== 404) {
        throw new Error(`bank refused a resend (HTTP ${answer.status}); its status says ${status.status}`);
      }
      await ctx.database.db.transaction((tx) =>
        settlePayment(tx, {
          instructionId: d.instructionId,
          status: 'failed',
          settledAt: clock.now().toISOString(),
          reason: `bank refused the instruction (HTTP ${answer.status})`,
        }),
      );
      return;
    }
    await enqueueJob(
      ctx.database.db,
      pollPaymentJob,
      { disbursementId },
      { singletonKey: disbursementId, startAfter: new Date(Date.now() + 30_000) },
    );
  },
});

/** Asks the bank for a payment's result when no notification has settled it. */
export const pollPaymentJob = defineJob({
  name: 'funds.poll-payment',
  payload: z.object({ disbursementId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 30,
  retryBackoff: true,
  async handle(ctx, { disbursementId }) {
    const bank = bankOf(ctx);
    const d = await findDisbursement(ctx.database.db, { id: disbursementId });
    if (d?.state !== 'instructed') return;
    const answer = await paymentStatus(bank, d.instructionId);
    if (answer.status === 404) {
      // The instruction never reached the bank: send it again (same id, so still one payment).
      await enqueueJob(
        ctx.database.db,
        instructPaymentJob,
        { disbursementId },
        { singletonKey: disbursementId },
      );
      return;
    }
    const body = answer.body;
    if (answer.status >= 300 || !body) throw new Error(`bank answered ${answer.status}; polling again`);
    if (body.status === 'accepted') throw new Error('payment not settled yet; polling again');
    await ctx.database.db.transaction((tx) =>
      settlePayment(tx, {
        instructionId: d.instructionId,
        status: body.status === 'paid' ? 'paid' : 'failed',
        bankSerial: body.bankSerial,
        settledAt: body.settledAt ?? clock.now().toISOString(),
        reason: body.reason,
      }),
    );
  },
});
