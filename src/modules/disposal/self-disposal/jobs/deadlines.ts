import { z } from 'zod';
import { clock } from '../../../../platform/clock.ts';
import { defineJob, enqueueJob } from '../../../../platform/jobs.ts';
import { lapseDueSelfDisposals, paidAwaitingRelease } from '../use-cases/lapse-self-disposals.ts';
import { releaseSelfDisposalJob } from './release-seal.ts';

/**
 * Every day at 00:10 on the one clock (and at once for a slot the moved clock skipped): open
 * self-disposals past their period lapse and their assets return to auction (善意文明执行意见: at
 * most 60 days), and a paid one whose seal could not be lifted is tried again.
 */
export const selfDisposalDeadlinesJob = defineJob({
  name: 'disposal.self-disposal-deadlines',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '10 0 * * *' },
  policy: 'short',
  async handle(ctx) {
    const db = ctx.database.db;
    const lapsed = await lapseDueSelfDisposals(db, clock.today());
    if (lapsed.length > 0) ctx.logger.info({ lapsed: lapsed.length }, 'self-disposals lapsed');
    for (const id of await paidAwaitingRelease(db)) {
      await enqueueJob(db, releaseSelfDisposalJob, { selfDisposalId: id }, { singletonKey: id });
    }
  },
});
