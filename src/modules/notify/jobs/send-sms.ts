import { z } from 'zod';
import { defineJob } from '../../../platform/jobs.ts';
import { smsEndpoint } from '../../../platform/outside-world.ts';
import { sendRetryDelaySeconds, sendRetryLimit } from '../rules/delivery.ts';
import { attemptSms } from '../use-cases/attempt-sms.ts';

/**
 * Sends one queued SMS (use-cases/attempt-sms.ts). Enqueued by `queueSms` in the caller's
 * transaction, under the message's id as job id. A gateway that is unavailable, or not configured
 * yet, makes the job throw, and pg-boss retries it with exponential backoff; a job lost anyway
 * (its retries spent while no gateway was configured) is found again by `notify.resume-sms`.
 */
export const sendSmsJob = defineJob({
  name: 'notify.send-sms',
  payload: z.object({ messageId: z.guid() }),
  retryLimit: sendRetryLimit,
  retryDelaySeconds: sendRetryDelaySeconds,
  retryBackoff: true,
  // One call with a 10-second timeout, and two short transactions.
  expireInSeconds: 120,
  concurrency: 4,
  async handle(ctx, payload) {
    const endpoint = ctx.config ? smsEndpoint(ctx.config) : undefined;
    const result = await attemptSms(
      ctx.database.db,
      payload.messageId,
      endpoint,
      ctx.signal ? { signal: ctx.signal } : {},
    );
    if (result.kind === 'failed')
      ctx.logger.warn({ messageId: payload.messageId, reason: result.reason }, 'SMS failed');
    if (result.kind === 'retry') throw new Error(`SMS ${payload.messageId} not sent yet: ${result.reason}`);
  },
});
