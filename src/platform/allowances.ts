import { sql as dsql } from 'drizzle-orm';
import type { Database } from './db.ts';

/**
 * Allowances shared by every server process (rate limits per window, daily quotas): the total
 * granted for a (key, window) lives in PostgreSQL (`platform.allowances`), so N servers together
 * allow what one would — never N times the limit.
 *
 * A database round trip for every request would cost more than most requests, so each process
 * leases a share of the limit (a sixteenth, at most 1,000) with one atomic update and counts it
 * down in memory; it asks for more only when its share runs out. The sum of the leases never
 * passes the limit. The price, honestly: a share leased by one process and not used by it is not
 * available to the others until the window ends (at most a sixteenth of the limit per process).
 */
export type Allowance = {
  /**
   * Takes `amount` from the limit of `key` in `window` (an id: the minute, the China day). False,
   * and nothing taken, when the processes together have granted all of it.
   */
  take(input: {
    key: string;
    window: string;
    amount: number;
    limit: number;
    /** What was already used in this window before the allowance counted it (read once). */
    usedBefore?: () => Promise<number>;
  }): Promise<boolean>;
};

type Lease = { window: string; leased: number; used: number };

const maxLocalKeys = 100_000;
const leaseDivisor = 16;
const maxLeaseStep = 1_000;

export function createAllowance(database: Database): Allowance {
  const leases = new Map<string, Lease>();
  // One grant at a time per key in this process, so concurrent requests share one lease.
  const granting = new Map<string, Promise<void>>();

  async function grant(
    key: string,
    window: string,
    want: number,
    limit: number,
    usedBefore: (() => Promise<number>) | undefined,
  ): Promise<number> {
    const start = usedBefore ? Math.min(limit, Math.max(0, await usedBefore())) : 0;
    return database.db.transaction(async (tx) => {
      await tx.execute(dsql`insert into platform.allowances (key, window_id, granted)
        values (${key}, ${window}, ${start}) on conflict do nothing`);
      const rows = await tx.execute<{ before: string; after: string }>(dsql`
        update platform.allowances a set granted = least(a.granted + ${want}, ${limit}), updated_at = now()
        from (select granted from platform.allowances where key = ${key} and window_id = ${window} for update) b
        where a.key = ${key} and a.window_id = ${window}
        returning b.granted::text as before, a.granted::text as after`);
      const row = rows[0];
      return row ? Number(row.after) - Number(row.before) : 0;
    });
  }

  function leaseOf(key: string, window: string): Lease {
    let lease = leases.get(key);
    if (!lease || lease.window !== window) {
      if (leases.size >= maxLocalKeys) leases.clear();
      lease = { window, leased: 0, used: 0 };
      leases.set(key, lease);
    }
    return lease;
  }

  return {
    async take({ key, window, amount, limit, usedBefore }) {
      if (amount <= 0) return true;
      if (amount > limit) return false;
      for (;;) {
        const lease = leaseOf(key, window);
        if (lease.used + amount <= lease.leased) {
          lease.used += amount;
          return true;
        }
        const pending = granting.get(key);
        if (pending) {
          await pending;
          continue;
        }
        const missing = amount - (lease.leased - lease.used);
        const step = Math.max(missing, Math.min(Math.ceil(limit / leaseDivisor), maxLeaseStep));
        let granted = 0;
        const run = grant(key, window, step, limit, lease.leased === 0 ? usedBefore : undefined).then((g) => {
          granted = g;
          lease.leased += g;
        });
        granting.set(key, run);
        try {
          await run;
        } finally {
          granting.delete(key);
        }
        if (granted < missing) {
          // The limit is used up between the processes: what was granted stays leased here.
          if (lease.used + amount > lease.leased) return false;
        }
      }
    },
  };
}

/** The window id of a fixed window of `windowMs` (machine time), and the ms left in it. */
export function fixedWindow(windowMs: number, nowMs = Date.now()): { id: string; leftMs: number } {
  const index = Math.floor(nowMs / windowMs);
  return { id: `${windowMs}:${index}`, leftMs: (index + 1) * windowMs - nowMs };
}

/** Forgets windows that ended more than two days ago (run by the worker now and then). */
export async function pruneAllowances(database: Database): Promise<void> {
  await database.db.execute(
    dsql`delete from platform.allowances where updated_at < now() - interval '2 days'`,
  );
}
