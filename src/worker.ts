import { allSubscribers } from './app.ts';
import { allJobs } from './jobs.ts';
import { sealAudit } from './modules/audit/index.ts';
import { closeSlotSignal } from './modules/inquiry/index.ts';
import type { Database } from './platform/db.ts';
import { startJobRunner } from './platform/jobs.ts';
import type { Logger } from './platform/logging.ts';
import { createOutboxDispatcher } from './platform/outbox.ts';

export type Worker = { stop(): Promise<void> };

/** Background work: event delivery, audit sealing and the job queue (every module's jobs, `src/jobs.ts`). */
export async function startWorker(opts: {
  database: Database;
  logger: Logger;
  jobExpireSeconds?: number;
}): Promise<Worker> {
  const logger = opts.logger.child({ component: 'worker' });
  const dispatcher = createOutboxDispatcher(opts.database, allSubscribers(), logger);
  dispatcher.start(300);
  let isStopped = false;
  let sealing: Promise<unknown> = Promise.resolve();
  const sealTimer = setInterval(() => {
    if (isStopped) return;
    sealing = sealAudit(opts.database.sql).catch((err) => logger.error({ err }, 'audit sealing failed'));
  }, 1000);
  const jobs = await startJobRunner({
    database: opts.database,
    logger,
    jobs: allJobs(),
    expireSeconds: opts.jobExpireSeconds ?? 60,
  });
  logger.info('worker started');
  return {
    async stop() {
      isStopped = true;
      clearInterval(sealTimer);
      await jobs.stop();
      await closeSlotSignal(opts.database);
      await sealing;
      await dispatcher.stop();
    },
  };
}
