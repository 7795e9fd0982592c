import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import type { SubmitOutcome } from '../protocol/client.ts';
import {
  type CircuitState,
  circuitAfterFailure,
  circuitAfterSuccess,
  retryDelaySeconds,
} from '../rules/retry-policy.ts';
import { institutions } from '../tables.ts';
import { commitWithoutWaiting } from './async-commit.ts';
import type { InstitutionRow } from './institution-store.ts';

export type SendResult = { id: string; attempts: number; outcome: SubmitOutcome };

type Planned = {
  id: string;
  state: string;
  delay: number;
  error: string | null;
  remote: string | null;
  attemptDelta: number;
};

/** What a submit outcome does to its request (pure). */
export function planAfterSend(r: SendResult, institution: InstitutionRow, jitter: number): Planned {
  const base = { id: r.id, remote: null, attemptDelta: 0 };
  const o = r.outcome;
  switch (o.kind) {
    case 'accepted':
      return { ...base, state: 'accepted', delay: 0, error: null, remote: o.remoteRequestId };
    case 'wait': {
      // A rate limit is flow control, not a failed attempt; maintenance counts towards the limit.
      const isRateLimit = o.reason.startsWith('HTTP 429');
      const isExhausted = !isRateLimit && r.attempts >= institution.maxAttempts;
      return {
        ...base,
        state: isExhausted ? 'failed' : 'pending',
        delay: o.retryAfterSeconds,
        error: o.reason,
        attemptDelta: isRateLimit ? -1 : 0,
      };
    }
    case 'transient': {
      const isExhausted = r.attempts >= institution.maxAttempts;
      const delay = retryDelaySeconds(r.attempts, institution.retryBaseSeconds, jitter);
      return { ...base, state: isExhausted ? 'failed' : 'pending', delay, error: o.reason };
    }
    case 'permanent':
      return { ...base, state: 'failed', delay: 0, error: o.reason };
  }
}

/** The circuit and push-back after a round of submits (pure). */
export function institutionAfterSends(
  institution: InstitutionRow,
  results: SendResult[],
  now: Date,
): CircuitState & { pausedUntil: Date | null } {
  let circuit: CircuitState = {
    consecutiveFailures: institution.consecutiveFailures,
    circuitOpenUntil: institution.circuitOpenUntil,
  };
  let pausedUntil = institution.pausedUntil;
  for (const r of results) {
    if (r.outcome.kind === 'accepted') circuit = circuitAfterSuccess();
    if (r.outcome.kind === 'transient') circuit = circuitAfterFailure(circuit, now);
    if (r.outcome.kind === 'wait') {
      const until = new Date(now.getTime() + r.outcome.retryAfterSeconds * 1000);
      if (!pausedUntil || until > pausedUntil) pausedUntil = until;
    }
  }
  return { ...circuit, pausedUntil };
}

/** Records a round of submits: request states, failures (with their measures), the institution's circuit. */
export async function recordSendResults(
  db: Db,
  institution: InstitutionRow,
  results: SendResult[],
  now: Date,
): Promise<void> {
  if (results.length === 0) return;
  const planned = results.map((r) => planAfterSend(r, institution, Math.random()));
  const next = institutionAfterSends(institution, results, now);
  await db.transaction(async (tx) => {
    await commitWithoutWaiting(tx);
    const rows = await tx.execute<{
      id: string;
      state: string;
      case_id: string;
      operation: string;
      last_error: string | null;
    }>(sql`
      update inquiry.requests r set state = v.state,
        remote_request_id = coalesce(v.remote, r.remote_request_id),
        accepted_at = case when v.state = 'accepted' then now() else r.accepted_at end,
        poll_at = case when v.state = 'accepted' then now() + make_interval(secs => ${institution.pollAfterSeconds}) else r.poll_at end,
        next_attempt_at = now() + make_interval(secs => v.delay),
        lease_until = null, attempts = r.attempts + v.attempt_delta, last_error = v.error, updated_at = now()
      from unnest(${sql.param(planned.map((p) => p.id))}::uuid[], ${sql.param(planned.map((p) => p.state))}::text[],
        ${sql.param(planned.map((p) => p.delay))}::float8[], ${sql.param(planned.map((p) => p.error))}::text[],
        ${sql.param(planned.map((p) => p.remote))}::text[], ${sql.param(planned.map((p) => p.attemptDelta))}::int[])
        as v(id, state, delay, error, remote, attempt_delta)
      where r.id = v.id and r.state = 'sending'
      returning r.id, r.state, r.case_id, r.operation, r.last_error`);
    await markFailed(
      tx,
      [...rows].filter((r) => r.state === 'failed'),
      institution.code,
    );
    await tx
      .update(institutions)
      .set({
        consecutiveFailures: next.consecutiveFailures,
        circuitOpenUntil: next.circuitOpenUntil,
        pausedUntil: next.pausedUntil,
      })
      .where(eq(institutions.code, institution.code));
  });
}

/** Requests that ended failed or expired: their measures fail too, and each is audited with its reason. */
export async function markFailed(
  tx: DbOrTx,
  rows: { id: string; state: string; case_id: string; operation: string; last_error: string | null }[],
  code: string,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await tx.execute(sql`update inquiry.measures m set state = 'failed', reason = r.last_error, answered_at = now()
    from inquiry.requests r where r.id = any(${sql.param(ids)}::uuid[]) and m.id = r.measure_id and m.state = 'requested'`);
  const entries = rows.map((r) => ({
    actor: null,
    action: `inquiry.request.${r.state}`,
    objectType: 'case',
    objectId: r.case_id,
    outcome: 'failed' as const,
    detail: { requestId: r.id, institution: code, operation: r.operation, reason: r.last_error },
  }));
  // In chunks: a statement takes at most 65,535 parameters (a disabled institution may fail thousands).
  for (let i = 0; i < entries.length; i += 1000) await appendAudit(tx, ...entries.slice(i, i + 1000));
}

/** Accepted requests never answered within the institution's answer timeout end `expired`. */
export async function expireOverdue(db: Db, institution: InstitutionRow): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{
      id: string;
      state: string;
      case_id: string;
      operation: string;
      last_error: string | null;
    }>(sql`
      update inquiry.requests r set state = 'expired', updated_at = now(),
        last_error = '机构未在期限内反馈 / no answer within the answer timeout'
      where r.institution = ${institution.code} and r.state = 'accepted'
        and r.accepted_at < now() - make_interval(secs => ${institution.answerTimeoutSeconds})
      returning r.id, r.state, r.case_id, r.operation, r.last_error`);
    await markFailed(tx, [...rows], institution.code);
    return rows.length;
  });
}

/** A disabled institution takes no requests: its open ones end failed, so their batches finish. */
export async function failOpenRequestsOf(db: Db, code: string, reason: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{
      id: string;
      state: string;
      case_id: string;
      operation: string;
      last_error: string | null;
    }>(sql`
      update inquiry.requests r set state = 'failed', last_error = ${reason}, lease_until = null, updated_at = now()
      where r.institution = ${code} and r.state in ('pending', 'sending')
      returning r.id, r.state, r.case_id, r.operation, r.last_error`);
    await markFailed(tx, [...rows], code);
    return rows.length;
  });
}
