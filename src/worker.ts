import { allSubscribers } from './app.ts';
import type { Database } from './platform/db.ts';
import type { Logger } from './platform/logging.ts';
import { createOutboxDispatcher } from './platform/outbox.ts';
import { sealAudit } from './modules/audit/index.ts';

/** Background work: event delivery and audit sealing (and the job queue of later modules). */
export function startWorker(opts: { database: Database; logger: Logger }) {
  const logger = opts.logger.child({ component: 'worker' });
  const dispatcher = createOutboxDispatcher(opts.database, allSubscribers(), logger);
  dispatcher.start(300);
  let isStopped = false;
  let sealing: Promise<unknown> = Promise.resolve();
  const sealTimer = setInterval(() => {
    if (isStopped) return;
    sealing = sealAudit(opts.database.sql).catch((err) => logger.error({ err }, 'audit sealing failed'));
  }, 1000);
  logger.info('worker started');
  return {
    async stop() {
      isStopped = true;
      clearInterval(sealTimer);
      await sealing;
      await dispatcher.stop();
    },
  };
}
