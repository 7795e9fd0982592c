import { z } from 'zod';
import { defineJob } from '../../../platform/jobs.ts';
import { pushWebhooks } from '../use-cases/push-webhooks.ts';

const ZSlot = z.object({ slot: z.string() }).partial();

/** Signed webhook pushes of the change feed to subscribed units, every minute (retries by backoff). */
export const pushWebhooksJob = defineJob({
  name: 'matching.push-webhooks',
  payload: ZSlot,
  schedule: { cron: '* * * * *' },
  expireInSeconds: 300,
  async handle(ctx) {
    await pushWebhooks(ctx.database.db, { logger: ctx.logger });
  },
});

export const matchingJobs = [pushWebhooksJob];
