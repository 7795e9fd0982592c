import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../../platform/config.ts';
import { defineJob, type JobContext } from '../../../platform/jobs.ts';
import { bankEndpoint, type OutsideEndpoint } from '../../../platform/outside-world.ts';
import { subscribe } from '../bank/client.ts';

/** Where the bank notifies us: our public address (or the local one) + the funds module's prefix. */
export function notifyBaseUrl(config: Config): string {
  return `${(config.publicUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '')}/api/v1/funds/bank`;
}

export function bankOf(ctx: JobContext): OutsideEndpoint {
  const bank = ctx.config && bankEndpoint(ctx.config);
  // Kept and retried: the work waits until a bank is configured (ZHIXING_BANK_URL or the simulator).
  if (!bank) throw new Error('no settlement bank configured (ZHIXING_BANK_URL)');
  return bank;
}

/**
 * Tells the bank which court accounts to notify us about, and where: whenever a court account is
 * opened, and every ten minutes (idempotent at the bank).
 */
export const subscribeBankJob = defineJob({
  name: 'funds.subscribe-bank',
  payload: z.object({ slot: z.string().optional() }),
  schedule: { cron: '*/10 * * * *' },
  policy: 'short',
  retryLimit: 20,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx) {
    const bank = bankOf(ctx);
    const rows = await ctx.database.db.execute<{ accountNumber: string }>(
      sql`select account_number as "accountNumber" from funds.court_accounts order by account_number`,
    );
    if (rows.length === 0 || !ctx.config) return;
    const answer = await subscribe(bank, {
      notifyBaseUrl: notifyBaseUrl(ctx.config),
      accounts: rows.map((r) => r.accountNumber),
    });
    if (answer.status >= 300) throw new Error(`bank subscription refused: HTTP ${answer.status}`);
  },
});
