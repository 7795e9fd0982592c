import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDateOf } from '../../../kernel/index.ts';
import { defineJob } from '../../../platform/jobs.ts';
import { reconcileCourtDay, yesterdayOf } from '../use-cases/reconcile.ts';
import { bankOf } from './subscribe-bank.ts';

/**
 * Every night at 02:00 (China), each court account is reconciled against the bank's statement of
 * the day before; the results wait on the funds desk. A failing court does not stop the others.
 */
export const reconcileJob = defineJob({
  name: 'funds.reconcile',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '0 2 * * *' },
  retryLimit: 10,
  retryDelaySeconds: 300,
  async handle(ctx, { slot }) {
    const bank = bankOf(ctx);
    const date = yesterdayOf(chinaDateOf(new Date(slot)));
    const courts = await ctx.database.db.execute<{ courtId: string }>(
      sql`select court_id as "courtId" from funds.court_accounts order by account_number`,
    );
    let failed = 0;
    for (const { courtId } of courts) {
      try {
        await reconcileCourtDay(ctx.database.db, bank, courtId, date);
      } catch (err) {
        failed++;
        ctx.logger.warn({ err, courtId, date }, 'reconciliation failed');
      }
    }
    if (failed > 0) throw new Error(`${failed} court account(s) not reconciled for ${date}; retrying`);
  },
});
