import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import { defineJob } from '../../../platform/jobs.ts';
import { handOverLateAppraisals } from '../use-cases/appraisal.ts';
import { settleDueWindows } from '../use-cases/valuation-window.ts';

/**
 * The reference price's deadlines on the one clock (docs/decisions/0011-one-clock.md), whether or
 * not anyone looks: every minute — and at once when the demo clock moves — online inquiry windows
 * whose 3 days are over are priced, extended by 3 days or failed, and appraisers past their 30 days
 * (plus extensions) hand over to the next in order.
 */
export const valuationDeadlinesJob = defineJob({
  name: 'disposal.valuation-deadlines',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '* * * * *' },
  policy: 'short',
  async handle(ctx) {
    const today = clock.today();
    await settleDueWindows(ctx.database.db, today);
    await handOverLateAppraisals(ctx.database.db, today);
  },
});
