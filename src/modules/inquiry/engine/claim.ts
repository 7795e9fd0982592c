import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { sendAllowance } from '../rules/retry-policy.ts';
import { institutions } from '../tables.ts';
import { commitWithoutWaiting } from './async-commit.ts';
import type { InstitutionRow } from './institution-store.ts';

export type ClaimedRequest = {
  id: string;
  operation: string;
  body: Record<string, unknown>;
  attempts: number;
};

/** How long a driver holds a request it is sending; after that another driver may send it again. */
export const leaseSeconds = 30;

/**
 * Claims the due requests of one institution that may be sent now, marking them `sending` under a
 * lease. The institution row is locked for the claim, so that all workers together keep within its
 * concurrency limit (accepted requests and live leases hold slots); rows are taken with SKIP LOCKED.
 */
export async function claimDueRequests(
  db: Db,
  code: string,
  now: Date,
): Promise<{ institution: InstitutionRow | null; claimed: ClaimedRequest[]; allowance: number }> {
  return db.transaction(async (tx) => {
    await commitWithoutWaiting(tx);
    const [institution] = await tx
      .select()
      .from(institutions)
      .where(eq(institutions.code, code))
      .for('update');
    if (!institution?.isEnabled) return { institution: institution ?? null, claimed: [], allowance: 0 };
    const [busy] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from inquiry.requests
      where institution = ${code} and (state = 'accepted' or (state = 'sending' and lease_until > now()))`);
    const allowance = sendAllowance({
      concurrency: institution.concurrency,
      inFlight: busy?.n ?? 0,
      consecutiveFailures: institution.consecutiveFailures,
      circuitOpenUntil: institution.circuitOpenUntil,
      pausedUntil: institution.pausedUntil,
      now,
    });
    if (allowance === 0) return { institution, claimed: [], allowance };
    const rows = await tx.execute<{
      id: string;
      operation: string;
      body: Record<string, unknown>;
      attempts: number;
    }>(sql`
      update inquiry.requests r set state = 'sending', attempts = r.attempts + 1,
        lease_until = now() + make_interval(secs => ${leaseSeconds}),
        next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
      where r.id in (select id from inquiry.requests
        where institution = ${code} and state in ('pending', 'sending') and next_attempt_at <= now()
        order by priority, next_attempt_at limit ${allowance} for update skip locked)
      returning r.id, r.operation, r.body, r.attempts`);
    return { institution, claimed: [...rows], allowance };
  });
}

/** Accepted requests whose poll is due, pushed back by one poll interval as they are taken. */
export async function claimPollDue(db: Db, institution: InstitutionRow, limit: number) {
  const rows = await db.execute<{ id: string; remote_request_id: string }>(sql`
    update inquiry.requests r set poll_at = now() + make_interval(secs => ${institution.pollAfterSeconds}), updated_at = now()
    where r.id in (select id from inquiry.requests
      where institution = ${institution.code} and state = 'accepted' and poll_at <= now()
      order by poll_at limit ${limit} for update skip locked)
    returning r.id, r.remote_request_id`);
  return [...rows];
}

/** When this institution next has something to do (a due request or poll), or null if nothing is open. */
export async function findNextDue(db: Db, code: string): Promise<{ nextAt: Date | null; isOpen: boolean }> {
  const [row] = await db.execute<{ next_send: number | null; next_poll: number | null; open: number }>(sql`
    select (select extract(epoch from min(next_attempt_at)) * 1000 from inquiry.requests
        where institution = ${code} and state in ('pending', 'sending'))::float8 as next_send,
      (select extract(epoch from min(poll_at)) * 1000 from inquiry.requests
        where institution = ${code} and state = 'accepted')::float8 as next_poll,
      (select count(*)::int from (select 1 from inquiry.requests where institution = ${code}
        and state in ('pending', 'sending', 'accepted') limit 1) x) as open`);
  const candidates = [row?.next_send, row?.next_poll].filter((t): t is number => typeof t === 'number');
  const nextAt = candidates.length === 0 ? null : new Date(Math.min(...candidates));
  return { nextAt, isOpen: (row?.open ?? 0) > 0 };
}
