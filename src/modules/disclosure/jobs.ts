import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { sweepPortalState } from './use-cases/sign-in.ts';

/** Every hour: portal sessions and sign-in lock rows past their time are removed. */
export const sweepPortalJob = defineJob({
  name: 'disclosure.sweep-portal',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '17 * * * *' },
  async handle(ctx) {
    await sweepPortalState(ctx.database.db);
  },
});

export const disclosureJobs = [sweepPortalJob];
