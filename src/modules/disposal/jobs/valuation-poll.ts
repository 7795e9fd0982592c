import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, enqueueJob } from '../../../platform/jobs.ts';
import { recordPlatformReport } from '../use-cases/valuation-reports.ts';
import { pollInquiry } from '../valuation/client.ts';
import { platformOf, sendValuationRequestJob } from './valuation-send.ts';

/**
 * The safety net of the online inquiry (docs/protocols/valuation.md §5): every minute, requests
 * still `pending` a while after they were written are sent again, and `accepted` ones without a
 * report are polled — a report whose push was lost is recorded from the poll, a request the
 * platform does not hold (restarted, never reached it) is sent again. A request of a valuation
 * long finished that never got its report ends `failed`: every request ends in a known state.
 */
export const pollValuationPlatformsJob = defineJob({
  name: 'disposal.poll-valuation-platforms',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '* * * * *' },
  policy: 'short',
  async handle(ctx) {
    const db = ctx.database.db;
    // Machine time: how long a request waited, whatever the calendar did (0011-one-clock.md).
    await db.execute(sql`update disposal.platform_requests r set state = 'failed',
        last_error = 'no report within 30 days of the valuation’s end', updated_at = now()
      from disposal.valuations v
      where v.id = r.valuation_id and r.state in ('pending', 'accepted') and v.state in ('priced', 'failed')
        and v.updated_at < now() - interval '30 days'`);
    const rows = await db.execute<{
      id: string;
      platform: string;
      state: string;
    }>(sql`select r.id, r.platform, r.state
      from disposal.platform_requests r
      where (r.state = 'pending' and r.updated_at < now() - interval '1 minute')
         or (r.state = 'accepted' and coalesce(r.polled_at, r.updated_at) < now() - interval '30 seconds')
      order by r.updated_at limit 500`);
    for (const r of rows) {
      if (r.state === 'pending') {
        await enqueueJob(db, sendValuationRequestJob, { requestId: r.id }, { singletonKey: r.id });
        continue;
      }
      try {
        const answer = await pollInquiry(platformOf(ctx, r.platform), r.id);
        if (answer.status === 404) {
          await db.execute(sql`update disposal.platform_requests set state = 'pending', updated_at = now()
            where id = ${r.id}::uuid and state = 'accepted'`);
          await enqueueJob(db, sendValuationRequestJob, { requestId: r.id }, { singletonKey: r.id });
          continue;
        }
        await db.execute(
          sql`update disposal.platform_requests set polled_at = now() where id = ${r.id}::uuid`,
        );
        const report = answer.body?.report;
        if (answer.body?.status === 'reported' && report) await recordPlatformReport(db, r.platform, report);
      } catch (err) {
        ctx.logger.warn(
          { err, requestId: r.id, platform: r.platform },
          'polling a valuation platform failed',
        );
      }
    }
  },
});
