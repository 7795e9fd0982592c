import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { warnOverdueEntrustments } from './use-cases/entrustments.ts';
import { escalateOverdueSupervisions } from './use-cases/supervisions.ts';
import { scanWarnings } from './use-cases/warnings.ts';

/**
 * Every morning: supervisions not reported by their date go up to the court's leaders and the
 * supervising centre; entrusted matters past their date to the receiving court's leaders and the sender.
 */
export const escalateSupervisionsJob = defineJob({
  name: 'command.escalate-supervisions',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '0 8 * * *' },
  async handle(ctx) {
    await escalateOverdueSupervisions(ctx.database.db);
    await warnOverdueEntrustments(ctx.database.db);
  },
});

/** Every morning before work: node deadlines and passive cases (预警), raised and escalated. */
export const scanWarningsJob = defineJob({
  name: 'command.scan-warnings',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '30 7 * * *' },
  async handle(ctx) {
    const result = await scanWarnings(ctx.database.db);
    ctx.logger.info(result, 'warnings scanned');
  },
});

export const commandJobs = [escalateSupervisionsJob, scanWarningsJob];
