import { sql } from 'drizzle-orm';
import { moduleContextOf } from '../app.ts';
import { demoAccounts } from '../modules/identity/index.ts';
import { modules } from '../modules.ts';
import { clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Database, Db } from '../platform/db.ts';
import type { Logger } from '../platform/logging.ts';

export { demoAccounts };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from identity.courts`);
  return (rows[0]?.n ?? 0) === 0;
}

/**
 * Loads the demo province into an empty database: each module seeds its part, in the order of the
 * definitions list (courts and accounts, then cases, then listings …), through its own use cases.
 * Deterministic for a given day.
 */
export async function seedDemo(
  database: Database,
  opts: { config: Config; logger: Logger; today?: string },
): Promise<void> {
  const started = Date.now();
  const ctx = {
    ...moduleContextOf({ config: opts.config, database, logger: opts.logger }),
    today: opts.today ?? clock.today(),
  };
  for (const m of modules) await m.seedDemo?.(ctx);
  opts.logger.info({ ms: Date.now() - started }, 'demo data loaded');
}
