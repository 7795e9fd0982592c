import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { escalateOverdueSupervisions } from './use-cases/supervisions.ts';

/** Every morning: supervisions not reported by their date go up to the court's leaders and the supervising centre. */
export const escalateSupervisionsJob = defineJob({
  name: 'command.escalate-supervisions',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '0 8 * * *' },
  async handle(ctx) {
    await escalateOverdueSupervisions(ctx.database.db);
  },
});

export const commandJobs = [escalateSupervisionsJob];
