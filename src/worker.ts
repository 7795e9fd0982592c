import { moduleContextOf } from './app.ts';
import { allJobs, allSubscribers, modules } from './modules.ts';
import { pruneAllowances } from './platform/allowances.ts';
import { followClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { startJobRunner } from './platform/jobs.ts';
import type { Logger } from './platform/logging.ts';
import type { Stoppable } from './platform/module.ts';
import { createOutboxDispatcher } from './platform/outbox.ts';

export type Worker = Stoppable;

/**
 * Background work of every module of the list: event delivery to their subscribers, their jobs
 * (scheduled on the one clock) and their own long-running work (audit sealing …).
 */
export async function startWorker(opts: {
  config: Config;
  database: Database;
  logger: Logger;
}): Promise<Worker> {
  const logger = opts.logger.child({ component: 'worker' });
  const following = await followClock(opts.database, logger);
  const ctx = moduleContextOf({ config: opts.config, database: opts.database, logger });
  const dispatcher = createOutboxDispatcher(opts.database, allSubscribers(), logger);
  dispatcher.start(300);
  const background: Stoppable[] = [];
  for (const m of modules) if (m.startWorker) background.push(await m.startWorker(ctx));
  // Shared allowances of windows long past are forgotten now and then.
  const pruning = setInterval(
    () =>
      void pruneAllowances(opts.database).catch((err) => logger.warn({ err }, 'pruning allowances failed')),
    3600_000,
  );
  pruning.unref();
  const jobs = await startJobRunner({
    database: opts.database,
    logger,
    jobs: allJobs(),
    expireSeconds: opts.config.jobExpireSeconds,
    config: opts.config,
  });
  logger.info('worker started');
  return {
    async stop() {
      clearInterval(pruning);
      await jobs.stop();
      for (const b of background.reverse()) await b.stop();
      await dispatcher.stop();
      await following.stop();
    },
  };
}
