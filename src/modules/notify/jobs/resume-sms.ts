import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, enqueueJob, slotJobId } from '../../../platform/jobs.ts';
import { messages } from '../tables.ts';
import { sendSmsJob } from './send-sms.ts';

// Longer than the longest wait between two retries of a send job (10 s × 2^8, with jitter: 43 min).
const staleAfter = sql`interval '2 hours'`;
const batchSize = 500;

/**
 * Nothing queued is lost: an SMS neither sent nor failed that no send job has looked at for two
 * hours — its job's retries spent while no gateway was configured, or its worker killed during
 * the last one — gets a send job again. The job's id is derived from the message and when it was
 * last looked at, so however many workers sweep, one job is added.
 */
export const resumeSmsJob = defineJob({
  name: 'notify.resume-sms',
  payload: z.object({ slot: z.string() }).partial(),
  schedule: { cron: '*/10 * * * *' },
  expireInSeconds: 600,
  async handle(ctx) {
    const db = ctx.database.db;
    const stale = await db
      .select({ id: messages.id, updatedAt: messages.updatedAt })
      .from(messages)
      .where(
        and(
          eq(messages.channel, 'sms'),
          inArray(messages.state, ['queued', 'sending']),
          lt(messages.updatedAt, sql`now() - ${staleAfter}`),
        ),
      )
      .orderBy(messages.updatedAt)
      .limit(batchSize);
    for (const m of stale) {
      await db.transaction(async (tx) => {
        await enqueueJob(
          tx,
          sendSmsJob,
          { messageId: m.id },
          { id: slotJobId(`notify.send-sms/${m.id}`, m.updatedAt) },
        );
        await tx.update(messages).set({ updatedAt: sql`now()` }).where(eq(messages.id, m.id));
      });
    }
    if (stale.length > 0) ctx.logger.info({ resumed: stale.length }, 'unsent SMS given a send job again');
  },
});
