import { z } from 'zod';
import { clock } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs.ts';
import { sanctionJobs } from './sanction-jobs.ts';
import { markLateObligations } from './use-cases/report-obligations.ts';
import { sendSettlementReminders } from './use-cases/settlement-reminders.ts';

// A scheduled run carries its slot; its job id is derived from (name, slot): one run per slot.
const ZSlot = z.object({ slot: z.string() }).partial();

/**
 * Every morning: reminders of settlement instalments due within 3 days (practice) and of overdue
 * ones, once per instalment and kind.
 */
export const settlementRemindersJob = defineJob({
  name: 'procedures.settlement-reminders',
  payload: ZSlot,
  schedule: { cron: '0 8 * * *' },
  expireInSeconds: 3600,
  async handle(ctx) {
    const sent = await sendSettlementReminders(ctx.database.db, clock.today());
    if (sent > 0) ctx.logger.info({ sent }, 'settlement reminders sent');
  },
});

/** Every night: property-report obligations past their period without a report are marked late. */
export const lateReportsJob = defineJob({
  name: 'procedures.late-property-reports',
  payload: ZSlot,
  schedule: { cron: '20 1 * * *' },
  expireInSeconds: 3600,
  async handle(ctx) {
    const marked = await markLateObligations(ctx.database.db, clock.today());
    if (marked > 0) ctx.logger.info({ marked }, 'property-report obligations marked late');
  },
});

export const proceduresJobs = [settlementRemindersJob, lateReportsJob, ...sanctionJobs];
