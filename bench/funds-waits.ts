import type { Database } from '../src/platform/db.ts';

/**
 * Where PostgreSQL's backends spend a phase of bench/funds.bench.ts: every 50 ms, what each active
 * backend of the database is doing (waiting on a lock, on the client, on the WAL, or running),
 * and the head of its statement. Needs no extension (pg_stat_statements is not loaded by the
 * embedded server).
 */
export function sampleWaits(database: Database) {
  const samples = new Map<string, number>();
  let isSampling = true;
  const done = (async () => {
    while (isSampling) {
      const rows = await database.sql<{ wait: string; statement: string }[]>`
        select coalesce(wait_event_type || ':' || wait_event, 'running') as wait,
          regexp_replace(left(query, 60), '[[:space:]]+', ' ', 'g') as statement
        from pg_stat_activity
        where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`;
      for (const r of rows) {
        const key = `${r.wait.padEnd(24)} ${r.statement}`;
        samples.set(key, (samples.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop(top = 10): Promise<string> {
      isSampling = false;
      await done;
      const total = [...samples.values()].reduce((a, b) => a + b, 0);
      return [...samples]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, n]) => `${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${key}`)
        .join('\n');
    },
  };
}
