import { z } from 'zod';
import { defineJob } from '../../../platform/jobs.ts';
import { bookPendingArrivals, courtsWithPendingArrivals } from '../use-cases/booker.ts';

/**
 * The sweep: every minute, books any recorded arrival notice still waiting — left by a process
 * that stopped between recording and booking, or by a booking that failed. Usually finds nothing.
 */
export const bookArrivalsJob = defineJob({
  name: 'funds.book-arrivals',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '* * * * *' },
  policy: 'short',
  async handle(ctx) {
    const failures: unknown[] = [];
    for (const courtId of await courtsWithPendingArrivals(ctx.database.db))
      await bookPendingArrivals(ctx.database.db, courtId, { onError: (err) => failures.push(err) });
    if (failures.length > 0)
      throw new Error(`booking failed for ${failures.length} batches: ${String(failures[0])}`);
  },
});
