import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * Sign-in throttling (OWASP ASVS 2.2.1), counted atomically in PostgreSQL so that every server
 * and every parallel request count together: an attempt is counted — under a row lock — before
 * its password is checked, so 20 simultaneous guesses at one account from one address get at most
 * five checks and 429 for the rest.
 *
 * Three keys, each with its limit per 15-minute window:
 * - the account at this address: 5 — the one that stops guessing;
 * - the address: 30 failures — one address guessing many accounts (a success does not count);
 * - the account from addresses it has never signed in from: 50 — guessing spread over many
 *   addresses. The account's own known addresses are exempt from this key, so whoever guesses
 *   elsewhere cannot lock the real user out.
 * A key over its limit is blocked for 15 minutes, doubling at each further lockout (at most a
 * day); a successful sign-in clears the account's key at that address.
 */
const windowMinutes = 15;
const limits = { account: 5, address: 30, accountElsewhere: 50 } as const;
const maxBlockMinutes = 24 * 60;
// An address counts as the account's own for 90 days after a successful sign-in from it.
const knownAddressDays = 90;

export type Throttle = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

type Row = { throttle_key: string; attempts: number; lockouts: number; blocked_seconds: number | null };

export async function countAttempt(db: DbOrTx, username: string, address: string): Promise<Throttle> {
  return db.transaction(async (tx) => {
    const known = await tx.execute<{
      ok: boolean;
    }>(sql`select exists (select 1 from identity.sign_in_addresses
      where username = ${username} and address = ${address}
        and last_success_at > now() - make_interval(days => ${knownAddressDays})) as ok`);
    const keyLimits = new Map<string, number>([
      [`account:${username}@${address}`, limits.account],
      [`address:${address}`, limits.address],
    ]);
    if (!known[0]?.ok) keyLimits.set(`account:${username}`, limits.accountElsewhere);
    // The keys as one JSON parameter (usernames and addresses are data, never SQL text).
    const keys = JSON.stringify([...keyLimits.keys()].sort());
    await tx.execute(sql`insert into identity.sign_in_throttle (throttle_key)
      select jsonb_array_elements_text(${keys}::jsonb) on conflict do nothing`);
    // Locked in key order, so that two attempts never wait on each other in a circle.
    const rows = await tx.execute<Row>(sql`
      update identity.sign_in_throttle t set
        attempts = case when t.window_start <= now() - make_interval(mins => ${windowMinutes}) then 1 else t.attempts + 1 end,
        window_start = case when t.window_start <= now() - make_interval(mins => ${windowMinutes}) then now() else t.window_start end,
        lockouts = case when t.window_start <= now() - interval '1 day' and coalesce(t.blocked_until, now()) <= now() then 0 else t.lockouts end
      from (select throttle_key from identity.sign_in_throttle
            where throttle_key in (select jsonb_array_elements_text(${keys}::jsonb))
            order by throttle_key for update) locked
      where t.throttle_key = locked.throttle_key and coalesce(t.blocked_until, now()) <= now()
      returning t.throttle_key, t.attempts, t.lockouts, null::int as blocked_seconds`);
    const blocked = await tx.execute<{ seconds: number }>(sql`
      select ceil(extract(epoch from max(blocked_until) - now()))::int as seconds from identity.sign_in_throttle
      where throttle_key in (select jsonb_array_elements_text(${keys}::jsonb)) and blocked_until > now()`);
    const stillBlocked = blocked[0]?.seconds ?? null;
    if (stillBlocked !== null && stillBlocked > 0)
      return { isAllowed: false, retryAfterSeconds: stillBlocked };
    let retryAfterSeconds = 0;
    for (const row of rows) {
      const limit = keyLimits.get(row.throttle_key) ?? 0;
      if (row.attempts <= limit) continue;
      const minutes = Math.min(maxBlockMinutes, windowMinutes * 2 ** row.lockouts);
      await tx.execute(sql`update identity.sign_in_throttle set lockouts = lockouts + 1,
        blocked_until = now() + make_interval(mins => ${minutes}) where throttle_key = ${row.throttle_key}`);
      retryAfterSeconds = Math.max(retryAfterSeconds, minutes * 60);
    }
    return retryAfterSeconds > 0 ? { isAllowed: false, retryAfterSeconds } : { isAllowed: true };
  });
}

/**
 * After a successful sign-in: the account's key at this address is cleared, the attempt taken back
 * from the address's key (a court's staff behind one NAT address sign in by the dozen each
 * morning; only failures count against an address), and the address remembered.
 */
export async function clearAfterSuccess(tx: DbOrTx, username: string, address: string): Promise<void> {
  await tx.execute(
    sql`delete from identity.sign_in_throttle where throttle_key = ${`account:${username}@${address}`}`,
  );
  await tx.execute(sql`update identity.sign_in_throttle set attempts = greatest(attempts - 1, 0)
    where throttle_key = ${`address:${address}`}`);
  await tx.execute(sql`insert into identity.sign_in_addresses (username, address) values (${username}, ${address})
    on conflict (username, address) do update set last_success_at = now()`);
}
