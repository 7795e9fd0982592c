import { sql as dsql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import { type CronSchedule, findLatestSlot, parseCron } from './cron.ts';
import type { Database, DbOrTx } from './db.ts';
import { createBoss, insertJob, installQueues, slotJobId } from './job-store.ts';
import type { Logger } from './logging.ts';

/**
 * The job system (docs/decisions/0007-job-queue.md): pg-boss on the same PostgreSQL database
 * (schema `pgboss`), wrapped so that modules never import pg-boss. A module defines its jobs with
 * `defineJob`, exports them from its `index.ts`, and `src/jobs.ts` lists them all. Jobs are
 * enqueued inside the caller's transaction; a job whose worker dies is failed by pg-boss's
 * maintenance once `expireInSeconds` has passed and retried, so it resumes within
 * expireInSeconds + maintenance interval + retry delay. Scheduled jobs are enqueued by every
 * runner with a job id derived from (name, slot), so however many workers run, a slot runs once.
 */
export type JobContext = {
  database: Database;
  logger: Logger;
  now(): Date;
  /** Aborted shortly before the job's expiry or when the runner stops: long handlers stop at a safe point. */
  signal?: AbortSignal;
};

export type JobDefinition<P> = {
  /** Dotted: 'credit.expire-terms', 'inquiry.drive-institution'. */
  name: string;
  /** Validated before the handler runs. A scheduled job receives `{ slot: '<ISO instant>' }`. */
  payload: z.ZodType<P>;
  /** Must be idempotent: a job may run again after a crash or an expiry. */
  handle(ctx: JobContext, payload: P): Promise<void>;
  /** Cron in Asia/Shanghai; each slot has a deterministic key so two workers never run the same slot twice. */
  schedule?: { cron: string };
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /**
   * pg-boss queue policy: `short` keeps at most one waiting job per singleton key (any number may
   * run); `stately` one waiting and one running per key.
   */
  policy?: 'standard' | 'short' | 'stately';
  /** How many jobs of this queue one runner handles at once (default 1). */
  concurrency?: number;
};

// A list of definitions of different payloads; `handle` is a method, so this accepts any of them.
export type AnyJobDefinition = JobDefinition<unknown>;

export { slotJobId };

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(def.name))
    throw new Error(`job name "${def.name}" must be dotted kebab-case`);
  if (def.schedule) parseCron(def.schedule.cron);
  return def;
}

/** Enqueue inside the caller's transaction (the job exists iff the transaction commits). */
export async function enqueueJob<P>(
  tx: DbOrTx,
  def: JobDefinition<P>,
  payload: P,
  /** `isUrgent`: if a job with this singleton key is already waiting, it becomes due now. */
  opts: { singletonKey?: string; startAfter?: Date; isUrgent?: boolean } = {},
): Promise<void> {
  const data = def.payload.parse(payload);
  const isNew = await insertJob(tx, {
    name: def.name,
    data,
    singletonKey: opts.singletonKey,
    startAfter: opts.startAfter,
    expireInSeconds: def.expireInSeconds ?? 900,
  });
  if (!isNew && opts.isUrgent && opts.singletonKey !== undefined) {
    await tx.execute(dsql`update pgboss.job set start_after = now()
      where name = ${def.name} and singleton_key = ${opts.singletonKey} and state in ('created', 'retry') and start_after > now()`);
  }
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
  /** How far back a missed slot is still run (default one day). */
  scheduleLookBackSeconds?: number;
  now?: () => Date;
};

export type JobRunner = {
  /** Enqueues the current slot of every scheduled job (also done on a timer). */
  runScheduleTick(): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const logger = opts.logger.child({ component: 'jobs' });
  const now = opts.now ?? (() => new Date());
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
          { database: opts.database, logger: logger.child({ job: def.name }), now, signal },
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
      await enqueueSlot(opts.database, s.def, s.cron, now(), lookBackMs, opts.expireSeconds, logger);
  };
  await runScheduleTick();
  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      ticking = runScheduleTick().catch((err) => logger.error({ err }, 'scheduling failed'));
    },
    (opts.scheduleIntervalSeconds ?? 30) * 1000,
  );
  logger.info({ jobs: opts.jobs.map((d) => d.name), scheduled: scheduled.length }, 'job runner started');

  return {
    runScheduleTick,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await ticking;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 15000 });
    },
  };
}

async function enqueueSlot(
  database: Database,
  def: AnyJobDefinition,
  cron: CronSchedule,
  at: Date,
  lookBackMs: number,
  expireSeconds: number,
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
  const isNew = await insertJob(database.db, {
    name: def.name,
    id,
    data,
    expireInSeconds: def.expireInSeconds ?? expireSeconds,
  });
  if (isNew) logger.debug({ job: def.name, slot: data.slot }, 'scheduled slot enqueued');
}
