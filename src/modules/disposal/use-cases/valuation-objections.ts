import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { isObjectionInTime, ValuationMethod, ValuationState } from '../rules/valuation.ts';
import { referencePriceOf } from '../rules/valuation-online.ts';
import type { TObjection, TValuation } from '../valuation-contracts.ts';
import { assertCanDecideObjection, assertValuationTeam } from '../valuation-policy.ts';
import { findValuation, isUuid, listPlatformRequests, loadValuationForActor } from './valuation-store.ts';
import { listObjections, valuationView } from './valuation-view.ts';
import { fail, publishPriced } from './valuation-window.ts';

/**
 * Objections to an online inquiry's report (参考价规定 2018; DOMAIN §6): lodged within 5 days of
 * the price being served — for a party, or by the team — and decided by the case judge or a
 * court leader. An upheld objection sets the report aside and the reference price is worked out
 * again from the on-time reports left; with none left the inquiry failed (appraisal comes next).
 */

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

async function answer(db: Parameters<typeof valuationView>[0], valuationId: string, objectionId: string) {
  const v = await findValuation(db, valuationId);
  if (!v) throw notFound('询价评估', 'Valuation');
  const valuation: TValuation = await valuationView(db, v, clock.today());
  const objection = (await listObjections(db, valuationId)).find((o) => o.id === objectionId);
  if (!objection) throw notFound('异议', 'Objection');
  return { objection, valuation };
}

export async function lodgeObjection(
  db: Db,
  actor: Actor,
  valuationId: string,
  input: { platform: string; partyId?: string; reason: string },
): Promise<{ objection: TObjection; valuation: TValuation }> {
  return db.transaction(async (tx) => {
    const { v, c } = await loadValuationForActor(tx, actor, valuationId, { forUpdate: true });
    assertValuationTeam(actor, c);
    if (
      input.partyId !== undefined &&
      ![...c.applicants, ...c.respondents].some((p) => p.id === input.partyId)
    )
      throw invalidField('partyId', '不是本案当事人', 'Not a party of this case');
    const requests = await listPlatformRequests(tx, v.id);
    const target = requests.find((r) => r.platform === input.platform);
    if (target?.state !== 'reported' || target.isOnTime !== true) {
      throw invalidField(
        'platform',
        '须为本次网络询价中按期出具报告的平台',
        'Must be a platform whose on-time report the price rests on',
      );
    }
    if (
      v.method !== ValuationMethod.onlineInquiry ||
      v.state !== ValuationState.priced ||
      v.objectionDueOn === null
    )
      throw new AppError(
        ErrorCode.conflict,
        bi('该询价评估尚无可异议的结果', 'The valuation has no result to object to'),
      );
    const today = clock.today();
    if (v.pricedOn === null || !isObjectionInTime(v.pricedOn, today)) {
      throw new AppError(ErrorCode.conflict, bi('异议期已过', 'The time for objections has passed'), [
        {
          path: 'objectionDueOn',
          message: bi(`异议期至 ${v.objectionDueOn}`, `Objections ran until ${v.objectionDueOn}`),
        },
      ]);
    }
    if (target.isExcluded)
      throw new AppError(ErrorCode.conflict, bi('该报告已被排除', 'The report is already set aside'), [
        { path: 'platform', message: bi('已排除', 'Set aside') },
      ]);
    const id = randomUUID();
    await tx.execute(sql`insert into disposal.objections (id, valuation_id, request_id, party_id, reason, state,
        lodged_by, lodged_on)
      values (${id}::uuid, ${v.id}::uuid, ${target.id}::uuid, ${input.partyId ?? null}::uuid, ${input.reason},
        'pending', ${actor.userId}::uuid, ${today}::date)`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'disposal.objection.lodge',
      objectType: 'valuation',
      objectId: v.id,
      detail: { objectionId: id, platform: input.platform, partyId: input.partyId ?? null },
    });
    return answer(tx, v.id, id);
  });
}

export async function decideObjection(
  db: Db,
  actor: Actor,
  objectionId: string,
  input: { decision: 'upheld' | 'dismissed'; reason: string },
): Promise<{ objection: TObjection; valuation: TValuation }> {
  if (!isUuid(objectionId)) throw notFound('异议', 'Objection');
  return db.transaction(async (tx) => {
    const [o] = await tx.execute<{ valuationId: string; requestId: string | null; state: string }>(sql`select
        valuation_id as "valuationId", request_id as "requestId", state
      from disposal.objections where id = ${objectionId}::uuid`);
    if (!o) throw notFound('异议', 'Objection');
    const { v, c } = await loadValuationForActor(tx, actor, o.valuationId, { forUpdate: true });
    assertCanDecideObjection(actor, c);
    const [locked] = await tx.execute<{ state: string }>(
      sql`select state from disposal.objections where id = ${objectionId}::uuid for update`,
    );
    if (locked?.state !== 'pending')
      throw new AppError(ErrorCode.conflict, bi('该异议已审查', 'The objection has been decided'));
    const today = clock.today();
    await tx.execute(sql`update disposal.objections set state = ${input.decision}, decided_by = ${actor.userId}::uuid,
        decided_on = ${today}::date, decision_reason = ${input.reason}
      where id = ${objectionId}::uuid`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'disposal.objection.decide',
      objectType: 'valuation',
      objectId: v.id,
      detail: { objectionId, decision: input.decision },
    });
    if (input.decision === 'upheld' && o.requestId !== null && v.state === ValuationState.priced) {
      await tx.execute(sql`update disposal.platform_requests set is_excluded = true, updated_at = now()
        where id = ${o.requestId}::uuid`);
      const requests = await listPlatformRequests(tx, v.id);
      const onTime = new Set(requests.filter((r) => r.isOnTime === true).map((r) => r.platform));
      const priceFen = referencePriceOf(
        requests.map((r) => ({
          platform: r.platform,
          priceFen: r.priceFen ?? 0,
          receivedOn: r.receivedOn,
          isExcluded: r.isExcluded,
        })),
        onTime,
      );
      if (priceFen === null) {
        await fail(tx, v, today, 'allReportsSetAside');
      } else if (priceFen !== v.referencePriceFen) {
        await tx.execute(sql`update disposal.valuations set reference_price_fen = ${priceFen}::bigint, updated_at = now()
          where id = ${v.id}::uuid`);
        await publishPriced(tx, {
          ...v,
          referencePriceFen: priceFen,
          pricedOn: v.pricedOn ?? today,
          validUntil: v.validUntil ?? today,
        });
      }
    }
    return answer(tx, v.id, objectionId);
  });
}
