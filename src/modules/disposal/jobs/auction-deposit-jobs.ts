import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db.ts';
import { defineJob, enqueueJob, type JobContext } from '../../../platform/jobs.ts';
import { bankEndpoint, type OutsideEndpoint } from '../../../platform/outside-world.ts';
import { findCaseAccount } from '../../funds/index.ts';
import { findDeposit, findLot } from '../auction-store.ts';
import { captureHold, readHold, releaseHold, requestHold } from '../bank/deposit-holds.ts';
import {
  applyHoldCall,
  type DepositRow,
  markCaptured,
  markReleased,
  type NextStep,
} from '../use-cases/deposit-outcomes.ts';

/**
 * The bank work of deposits after the request that asked for them (docs/protocols/bank.md §10):
 * confirming a hold whose answer was lost, releasing the losers' holds (网拍规定 art. 25: within 24
 * hours — at once here), capturing the winner's into the case account. The deposit's state is
 * written before each job is queued (`releasing`, `capturing`), each job sends the same hold id
 * until the bank answers, and a rerun after the answer changes nothing.
 */
function bankOf(ctx: JobContext): OutsideEndpoint {
  const bank = ctx.config && bankEndpoint(ctx.config);
  if (!bank) throw new Error('no settlement bank configured (ZHIXING_BANK_URL)');
  return bank;
}

async function depositOf(ctx: JobContext, depositId: string): Promise<DepositRow | null> {
  return findDeposit(ctx.database.db, sql`id = ${depositId}::uuid`);
}

export const releaseDepositJob = defineJob({
  name: 'disposal.release-deposit',
  payload: z.object({ depositId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx, { depositId }) {
    const d = await depositOf(ctx, depositId);
    if (d?.state !== 'releasing') return;
    if (d.amountFen > 0) {
      const answer = await releaseHold(bankOf(ctx), d.holdId);
      // Not found: the bank never held it (or, the simulator, forgot it) — nothing is held.
      if (answer.kind === 'unknown') throw new Error(`bank did not answer the release: ${answer.reason}`);
      if (answer.kind === 'refused')
        throw new Error(`bank refused the release: ${answer.status} ${answer.body}`);
      if (answer.kind === 'answer' && answer.hold.status !== 'released')
        throw new Error(`the hold is ${answer.hold.status}, not released`);
    }
    await ctx.database.db.transaction((tx) => markReleased(tx, d.id));
  },
});

export const captureDepositJob = defineJob({
  name: 'disposal.capture-deposit',
  payload: z.object({ depositId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx, { depositId }) {
    const db = ctx.database.db;
    const d = await depositOf(ctx, depositId);
    if (d?.state !== 'capturing') return;
    if (d.amountFen === 0) {
      await db.transaction((tx) => markCaptured(tx, d.id, null));
      return;
    }
    const lot = await findLot(db, d.lotId);
    if (!lot) throw new Error(`lot ${d.lotId} of deposit ${d.id} is missing`);
    // 网拍规定 art. 25: the winner's deposit goes towards the price, into the case's own account.
    const account = await findCaseAccount(db, lot.caseId);
    if (!account)
      throw new Error(`case ${lot.caseId} has no account yet; the funds module opens it at filing`);
    const answer = await captureHold(bankOf(ctx), d.holdId, {
      toAccount: account.accountNumber,
      purpose: `拍卖保证金转价款 ${lot.caseNumber}`.slice(0, 200),
    });
    if (answer.kind !== 'answer') {
      const why = answer.kind === 'refused' ? `${answer.status} ${answer.body}` : answer.kind;
      throw new Error(`bank did not capture the hold: ${answer.kind === 'unknown' ? answer.reason : why}`);
    }
    if (answer.hold.status !== 'captured') throw new Error(`the hold is ${answer.hold.status}, not captured`);
    await db.transaction((tx) => markCaptured(tx, d.id, answer.hold.serial ?? null));
  },
});

/** Queues what an answer about a hold asks for next (a release or a capture), in the caller's transaction. */
export async function queueNextSteps(tx: DbOrTx, depositId: string, next: NextStep): Promise<void> {
  if (next.release) await enqueueJob(tx, releaseDepositJob, { depositId }, { singletonKey: depositId });
  if (next.capture) await enqueueJob(tx, captureDepositJob, { depositId }, { singletonKey: depositId });
}

export const confirmHoldJob = defineJob({
  name: 'disposal.confirm-hold',
  payload: z.object({ depositId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx, { depositId }) {
    const db = ctx.database.db;
    const d = await depositOf(ctx, depositId);
    if (d?.state !== 'requested') return;
    const bank = bankOf(ctx);
    let applied = await applyHoldCall(db, d, await readHold(bank, d.holdId));
    if (applied.outcome === 'notFound') {
      // The bank never got it: send the very same request (the same hold id and body).
      const [bidder] = await db.execute<{ name: string }>(
        sql`select name from disposal.auction_bidders where id = ${d.bidderId}::uuid`,
      );
      applied = await applyHoldCall(
        db,
        d,
        await requestHold(bank, holdRequestOf(d, bidder?.name ?? '', d.lotId)),
      );
    }
    if (applied.outcome === 'unknown' || applied.outcome === 'notFound')
      throw new Error('the bank has not answered the hold yet');
    await queueNextSteps(db, d.id, applied.next);
  },
});

/** The hold request of a deposit: the same body whenever it is sent (the bank's idempotency check). */
export function holdRequestOf(
  d: Pick<DepositRow, 'holdId' | 'idNumber' | 'amountFen' | 'kind'>,
  name: string,
  lotId: string,
) {
  return {
    holdId: d.holdId,
    payerName: name,
    payerIdNumber: d.idNumber,
    amountFen: d.amountFen,
    purpose: `${d.kind === 'purchase' ? '变卖价款' : '竞买保证金'} ${lotId}`,
  };
}

export const auctionDepositJobs = [releaseDepositJob, captureDepositJob, confirmHoldJob];
