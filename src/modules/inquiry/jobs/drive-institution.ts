import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import { defineJob, enqueueJob } from '../../../platform/jobs.ts';
import { driveInstitution } from '../engine/driver.ts';
import { settleCaseInquiries } from '../use-cases/settle.ts';

/**
 * One institution's driver (see engine/driver.ts). At most one waiting job per institution
 * (singleton key = institution code); it runs for a bounded time and enqueues its successor for
 * when the institution next has work. `inquiry.kick-drivers` enqueues drivers every minute for
 * institutions with open requests, so a driver lost with a killed worker is replaced.
 */
export const driveInstitutionJob = defineJob({
  name: 'inquiry.drive-institution',
  payload: z.object({ institution: z.string().min(1).max(40) }),
  policy: 'short',
  concurrency: 32,
  expireInSeconds: 90,
  retryLimit: 3,
  retryDelaySeconds: 5,
  async handle(ctx, payload) {
    const report = await driveInstitution(ctx.database, payload.institution, {
      logger: ctx.logger,
      // Sending, polling and back-off run on machine time; the clock moves only the calendar.
      now: () => new Date(),
      budgetMs: 60_000,
      signal: ctx.signal,
    });
    // This institution's work is done: close the case inquiries it may have completed now rather than at the next minute.
    if (!report.isOpen) await settleCaseInquiries(ctx.database, clock.now());
    if (report.isOpen) {
      await enqueueJob(ctx.database.db, driveInstitutionJob, payload, {
        singletonKey: payload.institution,
        startAfter: report.nextAt && report.nextAt.getTime() > Date.now() ? report.nextAt : undefined,
      });
    }
  },
});
