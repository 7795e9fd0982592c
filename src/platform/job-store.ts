import { createHash } from 'node:crypto';
import { sql as dsql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type postgres from 'postgres';
import type { Database, DbOrTx, Sql } from './db.ts';
import type { AnyJobDefinition } from './job-definition.ts';

/**
 * pg-boss's storage as the job system uses it (see jobs.ts): the adapters that let pg-boss run on
 * our postgres.js pool — or inside one of our transactions — and the queues.
 */

export const jobSchema = 'pgboss';
export const defaultRetryLimit = 5;

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
function adaptPool(sql: Sql): PgBoss.Db {
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

/** pg-boss's numbered parameters (`$1`) as a Drizzle statement, each value bound as a parameter. */
function toStatement(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(dsql.raw(text.slice(last, match.index)));
    chunks.push(dsql`${toParameter(values[Number(match[1]) - 1])}`);
    last = match.index + match[0].length;
  }
  chunks.push(dsql.raw(text.slice(last)));
  return dsql.join(chunks);
}

/**
 * An executor for pg-boss's per-call `db` option that runs its statement inside our transaction,
 * so that a job sent with it exists if and only if that transaction commits.
 */
export function adaptTransaction(tx: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.execute<Record<string, unknown>>(toStatement(text, values));
      return { rows: [...rows] };
    },
  };
}

export function createBoss(
  database: Database,
  opts: { maintenanceIntervalSeconds?: number; isSupervising: boolean; expireSeconds: number },
): PgBoss {
  return new PgBoss({
    db: adaptPool(database.sql),
    schema: jobSchema,
    migrate: true,
    // Our own scheduler follows the one clock (jobs.ts; docs/decisions/0007-job-queue.md).
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

/**
 * A pg-boss instance that is never started: it only builds and sends jobs through the executor it
 * is given (`send(…, { db })`), so enqueueing costs no connection and no timer of its own.
 */
let sender: PgBoss | null = null;
export function jobSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: async () => {
        throw new Error('the job sender runs only with a per-call executor');
      },
    },
    schema: jobSchema,
    schedule: false,
    supervise: false,
    migrate: false,
  });
  return sender;
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
