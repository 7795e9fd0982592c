import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import { type AnyJobDefinition, defineJob, enqueueJob } from '../../../platform/jobs.ts';
import { launchDueRequeries } from '../use-cases/requery.ts';
import { settleCaseInquiries } from '../use-cases/settle.ts';
import { warnExpiringMeasures } from '../use-cases/warn-expiring.ts';
import { driveInstitutionJob } from './drive-institution.ts';

const ZSlot = z.object({ slot: z.string() });

/** Every minute: a driver for each institution with open requests (replaces one lost with a killed worker). */
export const kickDriversJob = defineJob({
  name: 'inquiry.kick-drivers',
  payload: ZSlot,
  schedule: { cron: '* * * * *' },
  retryLimit: 0,
  async handle(ctx) {
    const rows = await ctx.database.db.execute<{ code: string }>(sql`select i.code from inquiry.institutions i
      where exists (select 1 from inquiry.requests r where r.institution = i.code and r.state in ('pending', 'sending', 'accepted'))`);
    for (const { code } of rows) {
      await enqueueJob(
        ctx.database.db,
        driveInstitutionJob,
        { institution: code },
        { singletonKey: code, isUrgent: true },
      );
    }
  },
});

/** Every minute: close finished case inquiries (nodes, 终本 re-query results and prompts). */
export const settleJob = defineJob({
  name: 'inquiry.settle',
  payload: ZSlot,
  schedule: { cron: '* * * * *' },
  retryLimit: 1,
  async handle(ctx) {
    while ((await settleCaseInquiries(ctx.database, clock.now())) > 0) {
      if (ctx.signal?.aborted) return;
    }
  },
});

// 终本规定 art. 9: the due rounds are launched each night at 02:00 China time.
export const requeryJob = defineJob({
  name: 'inquiry.requery-terminated',
  payload: ZSlot,
  schedule: { cron: '0 2 * * *' },
  async handle(ctx) {
    await launchDueRequeries(ctx.database, clock.now());
  },
});

/** Each morning: prompts for measures about to expire. */
export const warnExpiringJob = defineJob({
  name: 'inquiry.warn-expiring',
  payload: ZSlot,
  schedule: { cron: '0 7 * * *' },
  async handle(ctx) {
    await warnExpiringMeasures(ctx.database, clock.now());
  },
});

export { driveInstitutionJob };

export const inquiryJobs: AnyJobDefinition[] = [
  driveInstitutionJob,
  kickDriversJob,
  settleJob,
  requeryJob,
  warnExpiringJob,
];
