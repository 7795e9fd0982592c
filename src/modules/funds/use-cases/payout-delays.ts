import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { payoutDelayApproved, payoutDelayEnded } from '../events.ts';
import { readBalances } from '../ledger.ts';
import { assertCanApprove, assertCanReadClaimQueue, assertCaseTeam } from '../policy.ts';
import type { PayoutDelayReason } from '../rules/payout-deadline.ts';
import {
  findPayoutDelay,
  type PayoutDelayRow,
  PayoutDelayState,
  payByOn,
  payoutDelayView,
} from './payout-delay-store.ts';

/**
 * 执行款物管理规定 (2017) art. 15: money not paid out within 30 days of its arrival needs a delay,
 * requested by the case team on one of the rule's reasons and approved by a leader of the case's
 * court; when the reason ends the team records it, and the money is due within 10 days. Approval
 * and end are published for the case's timeline (flows/funds-payout-delay.ts).
 */

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

function conflict(zh: string, en: string): never {
  throw new AppError(ErrorCode.conflict, bi(zh, en));
}

export async function requestPayoutDelay(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { reason: PayoutDelayReason; note: string },
): Promise<{ id: string; state: 'pendingApproval' }> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertCaseTeam(actor, c);
    const b = await readBalances(tx, c.id);
    // The 30-day limit runs on money not yet paid out: payable or still unallocated.
    if ((b?.payableFen ?? 0) + (b?.unallocatedFen ?? 0) === 0)
      conflict('本案没有待发放的执行款', 'The case has no money waiting to be paid out');
    const id = randomUUID();
    const inserted = await tx.execute<{ id: string }>(sql`insert into funds.payout_delays
        (id, case_id, court_id, reason, note, state, requested_by, requested_at, updated_at)
      values (${id}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${input.reason}, ${input.note}, 'pendingApproval',
        ${actor.userId}::uuid, ${clock.now().toISOString()}::timestamptz, now())
      on conflict (case_id) where state in ('pendingApproval', 'approved') do nothing
      returning id`);
    if (inserted.length === 0)
      conflict(
        '本案已有待审批或生效中的延期发放',
        'The case already has a payout delay waiting for approval or in force',
      );
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'funds.payout-delay.request',
      objectType: 'case',
      objectId: c.id,
      detail: { delayId: id, reason: input.reason },
    });
    return { id, state: 'pendingApproval' as const };
  });
}

/** A delay as the actor may see it: outside the case's data scope it does not exist. */
async function loadForActor(tx: DbOrTx, actor: Actor, id: string) {
  const d = await findPayoutDelay(tx, id, { forUpdate: true });
  if (!d) throw notFound('延期发放', 'Payout delay');
  return { d, c: await loadCaseContext(tx, actor, d.caseId) };
}

async function reloaded(tx: DbOrTx, id: string) {
  const after = await findPayoutDelay(tx, id);
  if (!after) throw notFound('延期发放', 'Payout delay');
  return payoutDelayView(after);
}

/** A leader of the case's court approves: the 30-day limit no longer turns red. */
export async function approvePayoutDelay(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const { d } = await loadForActor(tx, actor, id);
    assertCanApprove(actor, d.courtId);
    if (d.state !== PayoutDelayState.pendingApproval)
      conflict('该延期发放不在待审批状态', 'The payout delay is not waiting for approval');
    const approvedOn = clock.today();
    await tx.execute(sql`update funds.payout_delays set state = 'approved', decided_by = ${actor.userId}::uuid,
        decided_at = ${clock.now().toISOString()}::timestamptz, approved_on = ${approvedOn}::date, updated_at = now()
      where id = ${d.id}::uuid`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'funds.payout-delay.approve',
      objectType: 'case',
      objectId: d.caseId,
      detail: { delayId: d.id, reason: d.reason },
    });
    await publishEvent(
      tx,
      payoutDelayApproved,
      { caseId: d.caseId, courtId: d.courtId, delayId: d.id, reason: d.reason, approvedOn },
      { aggregateId: d.caseId },
    );
    return reloaded(tx, d.id);
  });
}

/** A leader of the case's court refuses, with a written reason: the 30 days run as before. */
export async function rejectPayoutDelay(db: Db, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const { d } = await loadForActor(tx, actor, id);
    assertCanApprove(actor, d.courtId);
    if (d.state !== PayoutDelayState.pendingApproval)
      conflict('该延期发放不在待审批状态', 'The payout delay is not waiting for approval');
    await tx.execute(sql`update funds.payout_delays set state = 'rejected', decided_by = ${actor.userId}::uuid,
        decided_at = ${clock.now().toISOString()}::timestamptz, rejection_reason = ${reason}, updated_at = now()
      where id = ${d.id}::uuid`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'funds.payout-delay.reject',
      objectType: 'case',
      objectId: d.caseId,
      detail: { delayId: d.id, reason },
    });
    return reloaded(tx, d.id);
  });
}

/** The case team records that the reason has ended (today, by the clock): 10 days to pay begin. */
export async function endPayoutDelay(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const { d, c } = await loadForActor(tx, actor, id);
    assertCaseTeam(actor, c);
    if (d.state !== PayoutDelayState.approved)
      conflict('只有已批准的延期发放才能记录事由消除', 'Only an approved payout delay can end');
    const endedOn = clock.today();
    const dueOn = payByOn(endedOn) ?? endedOn;
    await tx.execute(sql`update funds.payout_delays set state = 'ended', ended_by = ${actor.userId}::uuid,
        ended_on = ${endedOn}::date, updated_at = now()
      where id = ${d.id}::uuid`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'funds.payout-delay.end',
      objectType: 'case',
      objectId: d.caseId,
      detail: { delayId: d.id, endedOn, dueOn },
    });
    await publishEvent(
      tx,
      payoutDelayEnded,
      { caseId: d.caseId, courtId: d.courtId, delayId: d.id, reason: d.reason, endedOn, dueOn },
      { aggregateId: d.caseId },
    );
    return reloaded(tx, d.id);
  });
}

/** The court's delays (the funds desk), newest request first; of the actor's own court. */
export async function listCourtPayoutDelays(
  db: Db,
  actor: Actor,
  query: { state?: PayoutDelayState | undefined },
) {
  assertCanReadClaimQueue(actor);
  const rows = await db.execute<
    PayoutDelayRow & { caseNumber: string }
  >(sql`select p.id, p.case_id as "caseId",
      p.court_id as "courtId", p.reason, p.note, p.state, p.requested_by as "requestedBy",
      p.requested_at as "requestedAt", p.decided_at as "decidedAt", p.approved_on::text as "approvedOn",
      p.rejection_reason as "rejectionReason", p.ended_on::text as "endedOn", a.case_number as "caseNumber"
    from funds.payout_delays p join funds.case_accounts a on a.case_id = p.case_id
    where p.court_id = ${actor.court.id}::uuid ${query.state ? sql`and p.state = ${query.state}` : sql``}
    order by p.requested_at desc limit 500`);
  return {
    items: rows.map((r) => ({
      ...payoutDelayView({
        ...r,
        requestedAt: new Date(r.requestedAt).toISOString(),
        decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt).toISOString(),
      }),
      caseNumber: r.caseNumber,
    })),
  };
}
