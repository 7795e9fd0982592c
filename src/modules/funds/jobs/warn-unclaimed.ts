import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDateOf, formatYuan, workingDaysBetween } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import { defineJob } from '../../../platform/jobs.ts';
import { Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { unclaimedWarningWorkingDays } from '../rules/payout-deadline.ts';

/**
 * Every working morning: payments in a court's claim queue longer than 3 working days (practice,
 * DOMAIN.md §8) are brought to the court leaders' attention, once per payment.
 */
export const warnUnclaimedJob = defineJob({
  name: 'funds.warn-unclaimed',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '30 8 * * *' },
  async handle(ctx) {
    const today = clock.today();
    const rows = await ctx.database.db.execute<{
      id: string;
      courtId: string;
      serial: string;
      amountFen: number;
      receivedAt: Date | string;
    }>(sql`select id, court_id as "courtId", serial, amount_fen::float8 as "amountFen", received_at as "receivedAt"
      from funds.receipts where state = 'unmatched' and court_id is not null order by received_at limit 5000`);
    for (const r of rows) {
      const since = chinaDateOf(new Date(r.receivedAt));
      if (workingDaysBetween(since, today) < unclaimedWarningWorkingDays) continue;
      await ctx.database.db.transaction(async (tx) => {
        const leaders = await userIdsWithRole(tx, r.courtId, Role.courtLeader);
        await queueInApp(tx, {
          dedupeKey: `funds.unclaimed:${r.id}`,
          userIds: leaders,
          title: `待认领款项逾期 ¥${formatYuan(r.amountFen)}`,
          body: `流水号 ${r.serial} 于 ${since} 到账，已超过 ${unclaimedWarningWorkingDays} 个工作日未认领。`,
          kind: 'funds.unclaimed',
          courtId: r.courtId,
        });
      });
    }
  },
});
