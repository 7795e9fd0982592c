import { z } from 'zod';
import type { AnyJobDefinition } from '../../../platform/job-definition.ts';
import { defineJob } from '../../../platform/jobs.ts';
import { closeDueLots, startDueLots } from '../use-cases/lot-close.ts';
import { defaultOverdueLots, endSaleWindows } from '../use-cases/lot-payments.ts';
import { auctionDepositJobs } from './auction-deposit-jobs.ts';

/**
 * Every minute on the one clock — and at once when the clock is moved (docs/decisions/0011) — the
 * auction's time-driven steps, whether or not anyone watches: bidding starts, lots whose end has
 * passed close (网拍规定 art. 20), winners who have not paid by the due date default (art. 24), sale
 * windows end. Each finds its own due work, so one run after a jump of a month does a month's work.
 */
export const advanceLotsJob = defineJob({
  name: 'disposal.advance-lots',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '* * * * *' },
  policy: 'short',
  async handle(ctx) {
    const db = ctx.database.db;
    await startDueLots(db);
    await closeDueLots(db);
    await defaultOverdueLots(db);
    await endSaleWindows(db);
  },
});

export const auctionJobs: readonly AnyJobDefinition[] = [advanceLotsJob, ...auctionDepositJobs];
