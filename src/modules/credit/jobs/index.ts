import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import { defineJob } from '../../../platform/jobs.ts';
import { expireTerms } from '../use-cases/expire-terms.ts';

const ZSlot = z.object({ slot: z.string() }).partial();

/** 失信规定 art. 10: fixed-term entries past their last day are deleted (daily, 01:10 China time). */
export const expireTermsJob = defineJob({
  name: 'credit.expire-terms',
  payload: ZSlot,
  schedule: { cron: '10 1 * * *' },
  expireInSeconds: 3600,
  async handle(ctx) {
    const deleted = await expireTerms(ctx.database.db, clock.today());
    if (deleted > 0) ctx.logger.info({ deleted }, 'fixed-term dishonest entries deleted');
  },
});

export const creditJobs = [expireTermsJob];
