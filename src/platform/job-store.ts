import { createHash } from 'node:crypto';
import { sql as dsql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type postgres from 'postgres';
import type { Database, DbOrTx, Sql } from './db.ts';
import type { AnyJobDefinition } from './jobs.ts';

/** pg-boss's storage as the job system uses it (see jobs.ts): job rows, the adapter, the queues. */

export const jobSchema = 'pgboss';
export const defaultRetryLimit = 5;

export type InsertJob = {
  name: string;
  data: unknown;
  id?: string;
  singletonKey?: string;
  startAfter?: Date;
  expireInSeconds: number;
};

/**
 * Writes one job row the way pg-boss's own `send` does (pg-boss 10 schema), inside the given
 * transaction. Returns false if an equal job already exists (same id, or a singleton conflict).
 */
export async function insertJob(tx: DbOrTx, job: InsertJob): Promise<boolean> {
  const rows = await tx.execute<{ queues: number; inserted: number }>(dsql`
    with q as (select * from pgboss.queue where name = ${job.name}),
    ins as (
      insert into pgboss.job (id, name, data, start_after, singleton_key, expire_in, keep_until,
        retry_limit, retry_delay, retry_backoff, policy, dead_letter)
      select coalesce(${job.id ?? null}::uuid, gen_random_uuid()), q.name, ${JSON.stringify(job.data)}::jsonb,
        coalesce(${job.startAfter?.toISOString() ?? null}::timestamptz, now()), ${job.singletonKey ?? null},
        coalesce(q.expire_seconds, ${job.expireInSeconds}) * interval '1 second',
        coalesce(${job.startAfter?.toISOString() ?? null}::timestamptz, now()) + interval '14 days',
        coalesce(q.retry_limit, ${defaultRetryLimit}),
        case when coalesce(q.retry_backoff, false) then greatest(coalesce(q.retry_delay, 1), 1) else coalesce(q.retry_delay, 0) end,
        coalesce(q.retry_backoff, false), q.policy, q.dead_letter
      from q
      where ${job.id ?? null}::uuid is null
        or not exists (select 1 from pgboss.archive a where a.name = q.name and a.id = ${job.id ?? null}::uuid)
      on conflict do nothing
      returning 1)
    select (select count(*) from q)::int as queues, (select count(*) from ins)::int as inserted`);
  const row = rows[0];
  if (!row || row.queues === 0) throw new Error(`job queue ${job.name} is not installed (ensureJobQueues)`);
  return row.inserted > 0;
}

/** The id of a scheduled slot: a UUID derived from the job name and the slot's instant. */
export function slotJobId(name: string, slot: Date): string {
  const h = createHash('sha256').update(`${name}@${slot.toISOString()}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Values as node-postgres sends them: plain objects as JSON text. */
function toParameter(value: unknown): postgres.ParameterOrJSON<never> {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
  return JSON.stringify(value);
}

/** pg-boss talks to PostgreSQL through our postgres.js pool (one driver, one pool). */
function adaptToPgBoss(sql: Sql) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      // pg-boss runs its locked maintenance and installation as `BEGIN; …; COMMIT;` in one string.
      const locked = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(text);
      if (locked) {
        await sql.begin((tx) => tx.unsafe(locked[1] ?? ''));
        return { rows: [] };
      }
      const rows = await sql.unsafe(text, values.map(toParameter));
      return { rows: [...rows] };
    },
  };
}

export function createBoss(
  database: Database,
  opts: { maintenanceIntervalSeconds?: number; isSupervising: boolean; expireSeconds: number },
) {
  return new PgBoss({
    db: adaptToPgBoss(database.sql),
    schema: jobSchema,
    migrate: true,
    schedule: false,
    supervise: opts.isSupervising,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    expireInSeconds: opts.expireSeconds,
    // Completed jobs stay in pgboss.job two days, then in pgboss.archive a week: longer than any
    // schedule look-back, so a slot's job id is always found and never run twice.
    archiveCompletedAfterSeconds: 2 * 86400,
    deleteAfterDays: 7,
  });
}

export async function installQueues(
  boss: PgBoss,
  jobs: readonly AnyJobDefinition[],
  expireSeconds: number,
): Promise<void> {
  for (const def of jobs) {
    const options = {
      name: def.name,
      policy: def.policy ?? 'standard',
      retryLimit: def.retryLimit ?? defaultRetryLimit,
      retryDelay: def.retryDelaySeconds ?? 5,
      retryBackoff: def.retryBackoff ?? true,
      expireInSeconds: def.expireInSeconds ?? expireSeconds,
    };
    await boss.createQueue(def.name, options);
    await boss.updateQueue(def.name, options);
  }
}
