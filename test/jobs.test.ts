import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { adoptClockOffset, advanceClock, clock } from '../src/platform/clock.ts';
import { connectDatabase, type Database } from '../src/platform/db.ts';
import {
  defineJob,
  enqueueJob,
  ensureJobQueues,
  type JobRunner,
  slotJobId,
  startJobRunner,
} from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createTestDatabase, type TestDatabase } from './support.ts';

/**
 * The job system on a real PostgreSQL: a scheduled slot runs once however many workers run, a
 * job enqueued in a rolled-back transaction never exists, and a job whose worker process is killed
 * (SIGKILL) resumes on another worker after its expiry.
 */
const logger = createLogger('silent');

async function mark(database: Database, kind: string, detail: string): Promise<void> {
  await database.db.execute(sql`insert into public.job_marks (kind, detail) values (${kind}, ${detail})`);
}

/** The job of the kill test: the first run (in the child) hangs; the resumed run completes. */
function makeResumableJob(isHanging: boolean) {
  return (database: Database) =>
    defineJob({
      name: 'test.resumable',
      payload: z.object({ n: z.number() }),
      retryLimit: 3,
      retryDelaySeconds: 1,
      retryBackoff: false,
      expireInSeconds: 4,
      async handle(_ctx, payload) {
        if (isHanging) {
          await mark(database, 'started', String(payload.n));
          await new Promise(() => {});
        }
        await mark(database, 'done', String(payload.n));
      },
    });
}

/** Polls `probe` until it returns true; fails after `attempts` tries (no timing is asserted). */
async function waitFor(probe: () => Promise<boolean>, what: string, attempts = 150): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`gave up waiting for ${what}`);
}

async function count(database: Database, kind: string): Promise<number> {
  const rows = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from public.job_marks where kind = ${kind}`,
  );
  return rows[0]?.n ?? 0;
}

if (process.env.JOBS_TEST_CHILD_DB) {
  // The worker process that the kill test starts and then kills.
  const database = connectDatabase(process.env.JOBS_TEST_CHILD_DB, { max: 4 });
  await startJobRunner({
    database,
    logger,
    jobs: [makeResumableJob(true)(database)],
    expireSeconds: 4,
    pollingIntervalSeconds: 0.5,
  });
} else {
  describe('job system', () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase();
      await database.db.execute(sql`create table public.job_marks (id serial primary key, kind text not null,
        detail text not null, at timestamptz not null default now())`);
    });
    after(async () => database.drop());

    test('a job enqueued in a transaction exists only if the transaction commits', async () => {
      const ran: number[] = [];
      const job = defineJob({
        name: 'test.commit-only',
        payload: z.object({ n: z.number().int() }),
        async handle(_ctx, p) {
          ran.push(p.n);
        },
      });
      await ensureJobQueues(database, [job]);
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await enqueueJob(tx, job, { n: 1 });
          throw new Error('roll back');
        }),
        /roll back/,
      );
      await database.db.transaction(async (tx) => enqueueJob(tx, job, { n: 2 }));
      await assert.rejects(
        database.db.transaction(async (tx) => enqueueJob(tx, job, { n: 1.5 })),
        /number|int/i,
        'the payload is validated when enqueued',
      );
      const runner = await startJobRunner({
        database,
        logger,
        jobs: [job],
        expireSeconds: 30,
        pollingIntervalSeconds: 0.5,
      });
      try {
        await waitFor(async () => ran.length > 0, 'the committed job');
        const rows = await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pgboss.job where name = 'test.commit-only'`,
        );
        assert.equal(rows[0]?.n, 1);
        assert.deepEqual(ran, [2]);
      } finally {
        await runner.stop();
      }
    });

    test('a scheduled slot runs once with two workers', async () => {
      const runs: string[] = [];
      const job = defineJob({
        name: 'test.every-minute',
        payload: z.object({ slot: z.string() }),
        schedule: { cron: '* * * * *' },
        async handle(_ctx, p) {
          runs.push(p.slot);
          await mark(database, 'slot', p.slot);
        },
      });
      const runners: JobRunner[] = [];
      try {
        runners.push(
          await startJobRunner({
            database,
            logger,
            jobs: [job],
            expireSeconds: 30,
            pollingIntervalSeconds: 0.5,
          }),
        );
        runners.push(
          await startJobRunner({
            database,
            logger,
            jobs: [job],
            expireSeconds: 30,
            pollingIntervalSeconds: 0.5,
          }),
        );
        for (const r of runners) await r.runScheduleTick();
        await waitFor(async () => runs.length > 0, 'the first slot to run');
        const isAllDone = async () => {
          const rows = await database.db.execute<{ n: number }>(
            sql`select count(*)::int as n from pgboss.job where name = 'test.every-minute' and state <> 'completed'`,
          );
          return rows[0]?.n === 0;
        };
        await waitFor(isAllDone, 'the slot jobs to complete');
        for (const r of runners) await r.runScheduleTick();
        await waitFor(isAllDone, 'the slot jobs to complete');
        const perSlot = await database.db.execute<{ detail: string; n: number }>(
          sql`select detail, count(*)::int as n from public.job_marks where kind = 'slot' group by detail`,
        );
        assert.ok(perSlot.length >= 1);
        for (const row of perSlot) assert.equal(row.n, 1, `slot ${row.detail} ran ${row.n} times`);
        // A slot's job id is derived from the slot: archived, it is still not enqueued again.
        const slot = runs[0] ?? '';
        const id = slotJobId('test.every-minute', new Date(slot));
        await database.db.execute(sql`with d as (delete from pgboss.job where name = 'test.every-minute' and id = ${id}::uuid returning *)
          insert into pgboss.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
            start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output)
          select id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on,
            singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output from d`);
        for (const r of runners) await r.runScheduleTick();
        const again = await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pgboss.job where name = 'test.every-minute' and id = ${id}::uuid`,
        );
        const isStillCurrentMinute = Math.floor(Date.now() / 60000) * 60000 === new Date(slot).getTime();
        if (isStillCurrentMinute) assert.equal(again[0]?.n, 0, 'an archived slot is not enqueued again');
      } finally {
        for (const r of runners) await r.stop();
      }
    });

    test('moving the clock forward runs the daily slot it passed, once, however many workers run', async () => {
      const slots: string[] = [];
      const job = defineJob({
        name: 'test.daily',
        payload: z.object({ slot: z.string() }),
        schedule: { cron: '0 2 * * *' },
        async handle(_ctx, p) {
          slots.push(p.slot);
          await mark(database, 'daily', p.slot);
        },
      });
      const options = { database, logger, jobs: [job], expireSeconds: 30, pollingIntervalSeconds: 0.5 };
      const runners = [await startJobRunner(options), await startJobRunner(options)];
      try {
        // A daily slot always lies within the day of look-back: the latest one runs at start.
        await waitFor(async () => slots.length === 1, 'the latest daily slot');
        const first = Date.parse(slots[0] ?? '');
        const offsetMs = await database.db.transaction((tx) => advanceClock(tx, 3 * 86400));
        adoptClockOffset(offsetMs);
        await waitFor(async () => slots.length === 2, 'the slot the clock moved past');
        const second = Date.parse(slots[1] ?? '');
        assert.equal(second - first, 3 * 86400_000, 'the 02:00 slot three days on, in China time');
        assert.ok(second <= clock.nowMs() && second > clock.nowMs() - 86400_000);
        for (const r of runners) await r.runScheduleTick();
        const perSlot = await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from public.job_marks where kind = 'daily' group by detail`,
        );
        assert.deepEqual(
          perSlot.map((r) => r.n),
          [1, 1],
        );
      } finally {
        for (const r of runners) await r.stop();
        await database.db.execute(sql`update platform.clock set offset_ms = 0`);
        adoptClockOffset(0);
      }
    });

    test('a killed worker’s job resumes on another worker after its expiry', async () => {
      const job = makeResumableJob(false)(database);
      await ensureJobQueues(database, [job]);
      await database.db.transaction(async (tx) => enqueueJob(tx, job, { n: 7 }));
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
        env: { ...process.env, JOBS_TEST_CHILD_DB: database.url },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let runner: JobRunner | null = null;
      try {
        await waitFor(
          async () => (await count(database, 'started')) === 1,
          'the child worker to start the job',
        );
        child.kill('SIGKILL');
        await exited;
        const active = await database.db.execute<{ state: string }>(
          sql`select state::text from pgboss.job where name = 'test.resumable'`,
        );
        assert.equal(active[0]?.state, 'active', 'the killed worker left the job active');
        runner = await startJobRunner({
          database,
          logger,
          jobs: [job],
          expireSeconds: 4,
          maintenanceIntervalSeconds: 1,
          pollingIntervalSeconds: 0.5,
        });
        await waitFor(async () => (await count(database, 'done')) === 1, 'the job to resume');
        const rows = await database.db.execute<{ state: string; retry_count: number }>(
          sql`select state::text, retry_count from pgboss.job where name = 'test.resumable'`,
        );
        await waitFor(async () => {
          const r = await database.db.execute<{ state: string }>(
            sql`select state::text from pgboss.job where name = 'test.resumable'`,
          );
          return r[0]?.state === 'completed';
        }, 'the job to complete');
        assert.ok((rows[0]?.retry_count ?? 0) >= 1, 'it resumed as a retry of the expired run');
        assert.equal(await count(database, 'done'), 1);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await runner?.stop();
      }
    });
  });
}
