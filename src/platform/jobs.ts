import { sql as dsql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { clock, onClockMoved } from './clock.ts';
import type { Config } from './config.ts';
import { type CronSchedule, findLatestSlot, parseCron } from './cron.ts';
import type { Database, DbOrTx } from './db.ts';
import type { AnyJobDefinition, JobDefinition } from './job-definition.ts';
import { adaptTransaction, createBoss, installQueues, jobSender, slotJobId } from './job-store.ts';
import type { Logger } from './logging.ts';

export { type AnyJobDefinition, defineJob, type JobContext, type JobDefinition } from './job-definition.ts';
export { slotJobId };

/**
 * The job system (docs/decisions/0007-job-queue.md): pg-boss on the same PostgreSQL database
 * (schema `pgboss`), wrapped so that modules never import pg-boss. A module defines its jobs with
 * `defineJob`, exports them from its `index.ts`, and `src/jobs.ts` lists them all. Jobs are
 * enqueued inside the caller's transaction; a job whose worker dies is failed by pg-boss's
 * maintenance once `expireInSeconds` has passed and retried, so it resumes within
 * expireInSeconds + maintenance interval + retry delay. Scheduled jobs are enqueued by every
 * runner with a job id derived from (name, slot), so however many workers run, a slot runs once.
 */
/**
 * Enqueues inside the caller's transaction (the job exists iff the transaction commits), with
 * pg-boss's own `send` and its per-call executor. `startAfter` is machine time (a retry or a poll
 * of an outside party); domain dates are found by the job itself from the one clock.
 */
export async function enqueueJob<P>(
  tx: DbOrTx,
  def: JobDefinition<P>,
  payload: P,
  /** `isUrgent`: if a job with this singleton key is already waiting, it becomes due now. */
  opts: { singletonKey?: string; startAfter?: Date; isUrgent?: boolean; id?: string; priority?: number } = {},
): Promise<boolean> {
  const data = def.payload.parse(payload);
  const id = await jobSender().send(def.name, data as object, {
    db: adaptTransaction(tx),
    ...(opts.id !== undefined && { id: opts.id }),
    // Workers fetch the highest priority first (pg-boss orders by priority, then age).
    ...(opts.priority !== undefined && { priority: opts.priority }),
    ...(opts.singletonKey !== undefined && { singletonKey: opts.singletonKey }),
    ...(opts.startAfter !== undefined && { startAfter: opts.startAfter }),
  });
  const isNew = id !== null;
  if (!isNew && opts.singletonKey === undefined && opts.id === undefined) {
    // Nothing to be deduplicated against: the queue is missing (not in the modules' list of jobs).
    throw new Error(`job queue ${def.name} is not installed (ensureJobQueues)`);
  }
  // pg-boss has no call that makes a waiting job due now; this one statement does.
  if (!isNew && opts.isUrgent && opts.singletonKey !== undefined) {
    await tx.execute(dsql`update pgboss.job set start_after = now()
      where name = ${def.name} and singleton_key = ${opts.singletonKey} and state in ('created', 'retry') and start_after > now()`);
  }
  return isNew;
}

/** Installs (or upgrades) the pg-boss schema and creates a queue per job. Idempotent; safe to run concurrently. */
export async function ensureJobQueues(
  database: Database,
  jobs: readonly AnyJobDefinition[],
  expireSeconds = 60,
): Promise<void> {
  const boss = createBoss(database, { isSupervising: false, expireSeconds });
  await boss.start();
  try {
    await installQueues(boss, jobs, expireSeconds);
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

export type JobRunnerOptions = {
  database: Database;
  logger: Logger;
  jobs: readonly AnyJobDefinition[];
  /** Default expiry of a running job (ZHIXING_JOB_EXPIRE_SECONDS): a dead worker's job resumes after it. */
  expireSeconds: number;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for expired jobs (default: a quarter of the expiry, 1–60 s). */
  maintenanceIntervalSeconds?: number;
  scheduleIntervalSeconds?: number;
  /** How far back a missed slot is still run (default one day, on the one clock). */
  scheduleLookBackSeconds?: number;
  /** Handed to the jobs (JobContext.config). */
  config?: Config;
};

export type JobRunner = {
  /** Enqueues the current slot of every scheduled job (also done on a timer). */
  runScheduleTick(): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const logger = opts.logger.child({ component: 'jobs' });
  const maintenance =
    opts.maintenanceIntervalSeconds ?? Math.max(1, Math.min(60, Math.floor(opts.expireSeconds / 4)));
  const boss = createBoss(opts.database, {
    isSupervising: true,
    expireSeconds: opts.expireSeconds,
    maintenanceIntervalSeconds: maintenance,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  await installQueues(boss, opts.jobs, opts.expireSeconds);
  const stopping = new AbortController();

  for (const def of opts.jobs) {
    const expireMs = (def.expireInSeconds ?? opts.expireSeconds) * 1000;
    const handler = async (jobs: PgBoss.Job<unknown>[]) => {
      for (const job of jobs) {
        const parsed = def.payload.safeParse(job.data);
        if (!parsed.success) {
          logger.error({ job: def.name, id: job.id, issues: parsed.error.issues }, 'job payload is invalid');
          throw new Error(`invalid payload for ${def.name}`);
        }
        const signal = AbortSignal.any([
          stopping.signal,
          AbortSignal.timeout(Math.max(500, expireMs - 2000)),
        ]);
        await def.handle(
          {
            database: opts.database,
            logger: logger.child({ job: def.name }),
            signal,
            ...(opts.config !== undefined && { config: opts.config }),
          },
          parsed.data,
        );
      }
    };
    for (let i = 0; i < (def.concurrency ?? 1); i++) {
      await boss.work(
        def.name,
        { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
        handler,
      );
    }
  }

  const scheduled = opts.jobs
    .filter((d) => d.schedule !== undefined)
    .map((d) => ({ def: d, cron: parseCron(d.schedule?.cron ?? '') }));
  const lookBackMs = (opts.scheduleLookBackSeconds ?? 86400) * 1000;
  const runScheduleTick = async () => {
    for (const s of scheduled)
      await enqueueSlot(opts.database, s.def, s.cron, clock.now(), lookBackMs, logger);
  };
  await runScheduleTick();
  let ticking: Promise<void> = Promise.resolve();
  const tick = () => {
    ticking = ticking.then(runScheduleTick).catch((err) => logger.error({ err }, 'scheduling failed'));
  };
  const timer = setInterval(tick, (opts.scheduleIntervalSeconds ?? 30) * 1000);
  // When the clock is moved forward, the slots it passed are due at once (the latest of each).
  const stopFollowing = onClockMoved(tick);
  logger.info({ jobs: opts.jobs.map((d) => d.name), scheduled: scheduled.length }, 'job runner started');

  return {
    runScheduleTick,
    async stop() {
      clearInterval(timer);
      stopFollowing();
      stopping.abort();
      await ticking;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 15000 });
    },
  };
}

/**
 * Enqueues the latest due slot of a scheduled job under an id derived from (name, slot). A slot
 * already run and archived is not enqueued again: its job id is looked up in the archive first.
 */
async function enqueueSlot(
  database: Database,
  def: AnyJobDefinition,
  cron: CronSchedule,
  at: Date,
  lookBackMs: number,
  logger: Logger,
): Promise<void> {
  const slot = findLatestSlot(cron, at, lookBackMs);
  if (!slot) return;
  const data = { slot: slot.toISOString() };
  if (!def.payload.safeParse(data).success) {
    logger.error({ job: def.name }, 'a scheduled job must accept { slot } as its payload');
    return;
  }
  const id = slotJobId(def.name, slot);
  const isNew = await database.db.transaction(async (tx) => {
    const archived = await tx.execute(
      dsql`select 1 from pgboss.archive where name = ${def.name} and id = ${id}::uuid`,
    );
    if (archived.length > 0) return false;
    return enqueueJob(tx, def, data, { id });
  });
  if (isNew) logger.debug({ job: def.name, slot: data.slot }, 'scheduled slot enqueued');
}
