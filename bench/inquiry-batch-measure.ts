import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from '../src/platform/db.ts';

/**
 * Where the CPU of a batch goes: per process (from /proc, so it needs Linux) and PostgreSQL's share
 * (the postmaster and every backend, living or exited), with transactions and — when the server
 * preloads `pg_stat_statements` — statements counted by PostgreSQL itself.
 */

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
export function cpuSeconds(pid: number | undefined, isWithChildren = false): number {
  const fields = statFields(pid);
  const own = Number(fields[11]) + Number(fields[12]);
  const children = isWithChildren ? Number(fields[13]) + Number(fields[14]) : 0;
  return (own + children) / 100;
}

function statFields(pid: number | undefined): string[] {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  } catch {
    return [];
  }
}

/** Peak resident set of a process, from the kernel's high-water mark (VmHWM), in MB. */
export function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** The PostgreSQL server's process id (the parent of our backend), or undefined when it is not on this machine. */
export async function findPostmasterPid(database: Database): Promise<number | undefined> {
  const [row] = await database.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const ppid = Number(statFields(row?.pid)[1]);
  return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
}

/**
 * CPU seconds of the whole PostgreSQL server: the postmaster with its reaped children (exited
 * backends) and every living child (backends, autovacuum, checkpointer, WAL writer).
 */
export function postgresCpuSeconds(postmasterPid: number | undefined): number {
  if (postmasterPid === undefined) return Number.NaN;
  let total = cpuSeconds(postmasterPid, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (Number(fields[1]) === postmasterPid) total += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return total;
}

export type DbCounters = { commits: number; statements: number | null };

/** Transactions committed in this database so far and, with pg_stat_statements, statements run. */
export async function readDbCounters(database: Database, hasStatements: boolean): Promise<DbCounters> {
  const [row] = await database.sql<{ commits: string }[]>`
    select xact_commit::text as commits from pg_stat_database where datname = current_database()`;
  let statements: number | null = null;
  if (hasStatements) {
    const [s] = await database.sql<{ n: string }[]>`
      select coalesce(sum(calls), 0)::text as n from pg_stat_statements s
      join pg_database d on d.oid = s.dbid where d.datname = current_database()`;
    statements = Number(s?.n ?? 0);
  }
  return { commits: Number(row?.commits ?? 0), statements };
}

/** Turns on pg_stat_statements in the bench database if the server preloads it; false otherwise. */
export async function enableStatementStats(database: Database): Promise<boolean> {
  try {
    await database.sql`create extension if not exists pg_stat_statements`;
    await database.sql`select pg_stat_statements_reset()`;
    return true;
  } catch {
    return false;
  }
}

/** The statements that took most of PostgreSQL's time since the last reset (needs pg_stat_statements). */
export async function topStatements(database: Database, limit = 12) {
  return database.sql<{ calls: string; ms: string; rows: string; blocks: string; query: string }[]>`
    select calls::text, round(total_exec_time)::text as ms, rows::text, shared_blks_hit::text as blocks,
      regexp_replace(left(query, 200), '[[:space:]]+', ' ', 'g') as query
    from pg_stat_statements s join pg_database d on d.oid = s.dbid
    where d.datname = current_database() order by total_exec_time desc limit ${limit}`;
}
