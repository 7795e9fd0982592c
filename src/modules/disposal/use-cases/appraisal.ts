import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { objectionDueOn, ValuationState, validUntilOf } from '../rules/valuation.ts';
import {
  checkAppraisalExtension,
  isAppraisalLate,
  nextAppraiserPosition,
} from '../rules/valuation-appraisal.ts';
import { assertValuationTeam } from '../valuation-policy.ts';
import { assignAppraiser, listAssignments, listExtensions } from './appraisal-assignments.ts';
import { findValuation, loadValuationForActor, type ValuationRow } from './valuation-store.ts';
import { fail, publishPriced } from './valuation-window.ts';

/**
 * The appraiser's part (委托评估, 参考价规定 2018; DOMAIN §6): the report within 30 days, at most
 * two extensions of at most 15 days asked for at least 5 days ahead, the report entered by the
 * team (which fixes the reference price), and the hand-over to the next appraiser in order when
 * the deadline passes without a report.
 */

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

function notAppraising(): never {
  throw new AppError(ErrorCode.conflict, bi('该询价评估不在评估中', 'The valuation is not being appraised'));
}

async function activeAssignment(tx: DbOrTx, v: ValuationRow) {
  if (v.state !== ValuationState.appraising || v.currentAppraiser === null) notAppraising();
  const current = (await listAssignments(tx, v.id)).find((a) => a.position === v.currentAppraiser);
  if (current?.state !== 'active') notAppraising();
  return current;
}

/** The appraiser asks for more time; granted by the rule's numbers, else refused naming why. */
export async function requestAppraisalExtension(
  db: Db,
  actor: Actor,
  valuationId: string,
  input: { days: number; reason: string },
) {
  return db.transaction(async (tx) => {
    const { v, c } = await loadValuationForActor(tx, actor, valuationId, { forUpdate: true });
    assertValuationTeam(actor, c);
    const current = await activeAssignment(tx, v);
    const today = clock.today();
    const sofar = (await listExtensions(tx, v.id)).filter((e) => e.position === current.position).length;
    const check = checkAppraisalExtension({
      dueOn: current.dueOn,
      today,
      extensionsSoFar: sofar,
      days: input.days,
    });
    if (!check.ok) {
      if (check.status === 400) throw invalidField(check.field, check.zh, check.en);
      throw new AppError(ErrorCode.conflict, bi(check.zh, check.en), [
        { path: check.field, message: bi(check.zh, check.en) },
      ]);
    }
    await tx.execute(sql`insert into disposal.appraisal_extensions (id, valuation_id, position, days, reason,
        requested_on, previous_due_on, due_on, requested_by)
      values (${randomUUID()}::uuid, ${v.id}::uuid, ${current.position}, ${input.days}, ${input.reason},
        ${today}::date, ${current.dueOn}::date, ${check.dueOn}::date, ${actor.userId}::uuid)`);
    await tx.execute(sql`update disposal.appraisal_assignments set due_on = ${check.dueOn}::date
      where valuation_id = ${v.id}::uuid and position = ${current.position}`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'disposal.appraisal.extend',
      objectType: 'valuation',
      objectId: v.id,
      detail: { position: current.position, days: input.days, dueOn: check.dueOn },
    });
    return { dueOn: check.dueOn, extensionsUsed: sofar + 1 };
  });
}

/** The appraiser's report, entered by the team: the reference price is fixed. */
export async function recordAppraisalReport(
  db: Db,
  actor: Actor,
  valuationId: string,
  input: { priceFen: number; reportNumber: string },
): Promise<{ id: string; state: ValuationState }> {
  return db.transaction(async (tx) => {
    const { v, c } = await loadValuationForActor(tx, actor, valuationId, { forUpdate: true });
    assertValuationTeam(actor, c);
    const current = await activeAssignment(tx, v);
    const today = clock.today();
    await tx.execute(sql`update disposal.appraisal_assignments set state = 'reported', ended_on = ${today}::date
      where valuation_id = ${v.id}::uuid and position = ${current.position}`);
    await tx.execute(sql`update disposal.valuations set state = 'priced', reference_price_fen = ${input.priceFen}::bigint,
        report_number = ${input.reportNumber}, priced_on = ${today}::date, valid_until = ${validUntilOf(today)}::date,
        objection_due_on = ${objectionDueOn(today)}::date, updated_at = now()
      where id = ${v.id}::uuid`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'disposal.appraisal.report',
      objectType: 'valuation',
      objectId: v.id,
      detail: { position: current.position, appraiserId: current.appraiserId, ...input },
    });
    await publishPriced(tx, {
      ...v,
      referencePriceFen: input.priceFen,
      pricedOn: today,
      validUntil: validUntilOf(today),
    });
    return { id: v.id, state: ValuationState.priced };
  });
}

/**
 * The deadline job's part for appraisal: an appraiser whose deadline passed without a report hands
 * over to the next in order (30 days from today); after the third, the appraisal failed.
 */
export async function handOverLateAppraisals(db: Db, today: string): Promise<number> {
  const due = await db.execute<{ id: string }>(sql`select v.id from disposal.valuations v
      join disposal.appraisal_assignments s on s.valuation_id = v.id and s.position = v.current_appraiser
    where v.state = 'appraising' and s.state = 'active' and s.due_on < ${today}::date
    order by s.due_on, v.id limit 1000`);
  let handed = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const v = await findValuation(tx, id, { forUpdate: true });
      if (!v || v.state !== ValuationState.appraising || v.currentAppraiser === null) return;
      const current = (await listAssignments(tx, v.id)).find((a) => a.position === v.currentAppraiser);
      if (current?.state !== 'active' || !isAppraisalLate(current.dueOn, today)) return;
      await tx.execute(sql`update disposal.appraisal_assignments set state = 'handedOver', ended_on = ${today}::date
        where valuation_id = ${v.id}::uuid and position = ${current.position}`);
      const ids = v.appraiserIds ?? [];
      const next = nextAppraiserPosition(current.position, ids.length);
      await appendAudit(tx, {
        actor: null,
        action: 'disposal.appraisal.hand-over',
        objectType: 'valuation',
        objectId: v.id,
        detail: { from: current.position, to: next, dueOn: current.dueOn },
      });
      if (next === null) {
        await fail(tx, v, today, 'everyAppraiserLate');
      } else {
        await assignAppraiser(tx, { valuationId: v.id, position: next, appraiserId: ids[next] ?? '', today });
      }
      handed += 1;
    });
  }
  return handed;
}
