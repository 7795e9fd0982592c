import { defineModule } from '../../platform/module.ts';
import { notifyJobs } from './jobs/index.ts';
import { registerNotifyRoutes } from './routes.ts';

export { type QueuedInApp, type QueueInAppInput, queueInApp } from './use-cases/queue-in-app.ts';
export { type QueueSmsInput, queueSms } from './use-cases/queue-sms.ts';
export { smsLogOf } from './use-cases/sms-log.ts';

/**
 * Notifications for every module: SMS to parties through the SMS gateway (docs/protocols/sms.md),
 * in-app messages to court staff, and the log of every delivery. Other modules queue a message
 * inside their own transaction (`queueSms`, `queueInApp`), once per idempotency key; the
 * `notify.send-sms` job hands each SMS to the gateway, with retries, exactly once.
 */
export const notifyModule = defineModule({
  name: 'notify',
  jobs: notifyJobs,
  routes(app, ctx) {
    registerNotifyRoutes(app, { db: ctx.database.db });
  },
});
