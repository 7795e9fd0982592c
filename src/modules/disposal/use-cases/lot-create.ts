import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, type ErrorDetail, invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, getCourt } from '../../identity/index.ts';
import type { TCreateLot } from '../auction-contracts.ts';
import { lotAnnounced } from '../auction-events.ts';
import { assertCaseTeam } from '../auction-policy.ts';
import { findLot } from '../auction-store.ts';
import { checkLotTerms, propertyClassOf, type Round } from '../rules/auction-lot.ts';
import { defaultBalancePeriodDays, nextRoundAfter, reauctionDeadline } from '../rules/auction-rounds.ts';

/**
 * 网络司法拍卖 announced: a lot of a case's asset at its fixed reference price. Every term is checked
 * first (400 naming the field), then the valuation (409 unless priced and valid), then, in one
 * transaction, the lot, its bidding row, its preemptors, the audit record and the event.
 */
export type ValuationForLot = {
  id: string;
  caseId: string;
  assetId: string;
  assetType: string;
  assetIdentifier: string;
  assetDescription: string;
  state: string;
  referencePriceFen: number | null;
  validUntil: string | null;
};

export async function findValuationForLot(tx: DbOrTx, id: string): Promise<ValuationForLot | undefined> {
  const rows = await tx.execute<ValuationForLot>(sql`select id, case_id as "caseId", asset_id as "assetId",
      asset_type as "assetType", asset_identifier as "assetIdentifier", asset_description as "assetDescription",
      state, reference_price_fen::float8 as "referencePriceFen", valid_until::text as "validUntil"
    from disposal.valuations where id = ${id}::uuid`);
  return rows[0];
}

function validatePreemptors(
  input: TCreateLot,
  today: string,
): { details: ErrorDetail[]; clean: { idNumber: string; name: string; rank: number }[] } {
  const details: ErrorDetail[] = [];
  const clean: { idNumber: string; name: string; rank: number }[] = [];
  const seen = new Set<string>();
  (input.preemptors ?? []).forEach((p, i) => {
    const checked = validateIdNumber(p.idNumber, today);
    if (!checked.ok) {
      details.push({ path: `preemptors.${i}.idNumber`, message: bi(checked.reason.zh, checked.reason.en) });
      return;
    }
    if (seen.has(checked.value)) {
      details.push({
        path: `preemptors.${i}.idNumber`,
        message: bi('优先购买权人重复', 'The same preemptor twice'),
      });
      return;
    }
    seen.add(checked.value);
    clean.push({ idNumber: checked.value, name: p.name, rank: p.rank });
  });
  return { details, clean };
}

export async function createLot(db: Db, actor: Actor, caseId: string, input: TCreateLot) {
  const now = clock.now();
  const today = clock.today();
  const startsAtMs = Date.parse(input.biddingStartsAt);
  const endsAtMs = Date.parse(input.biddingEndsAt);
  const preemptors = validatePreemptors(input, today);
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertCaseTeam(c);
    if (c.status === 'closed') {
      throw new AppError(
        ErrorCode.conflict,
        bi('案件已结案，不能拍卖', 'The case is closed: nothing to auction'),
      );
    }
    const valuation = await findValuationForLot(tx, input.valuationId);
    if (!valuation || valuation.caseId !== c.id) {
      throw invalidField('valuationId', '本案没有这项评估或询价', 'No such valuation of this case');
    }
    if (valuation.assetId !== input.assetId) {
      throw invalidField('assetId', '评估或询价的财产与所选财产不符', 'The valuation is of another asset');
    }
    const previous = input.previousLotId ? await findLot(tx, input.previousLotId, { forUpdate: true }) : null;
    if (
      input.previousLotId &&
      (!previous || previous.caseId !== c.id || previous.assetId !== input.assetId)
    ) {
      throw invalidField('previousLotId', '本案此财产没有这一拍品', 'No such earlier lot of this asset');
    }
    let round: Round = 'first';
    if (previous) {
      const next = nextRoundAfter(previous);
      if (next === null) {
        throw new AppError(
          ErrorCode.conflict,
          bi('前次拍卖的状态不允许再次拍卖', 'The earlier lot’s outcome allows no further auction'),
          [{ path: 'previousLotId', message: previous.state }],
        );
      }
      if (previous.state === 'failed' && previous.closedOn && today > reauctionDeadline(previous.closedOn)) {
        throw new AppError(
          ErrorCode.conflict,
          bi(
            '流拍后三十日内未再次拍卖（网拍规定第二十六条）',
            'Not auctioned again within 30 days of the failure (网拍规定 art. 26)',
          ),
          [{ path: 'previousLotId', message: previous.closedOn }],
        );
      }
      round = next;
    }
    const propertyClass = propertyClassOf(valuation.assetType);
    const problems = checkLotTerms({
      round,
      propertyClass,
      referencePriceFen: valuation.referencePriceFen ?? input.startingPriceFen,
      startingPriceFen: input.startingPriceFen,
      incrementFen: input.incrementFen,
      depositFen: input.depositFen,
      biddingStartsAtMs: startsAtMs,
      biddingEndsAtMs: endsAtMs,
      announcedOn: today,
      // A resale after a default starts again from the terms of its round; a round two from round one's start.
      previousStartingPriceFen: previous && previous.round !== round ? previous.startingPriceFen : null,
    });
    const details = [
      ...problems.map((p) => ({ path: p.path, message: bi(p.zh, p.en) })),
      ...preemptors.details,
    ];
    if (details.length > 0) {
      throw new AppError(
        ErrorCode.invalidInput,
        details[0]?.message ?? bi('输入有误', 'Invalid input'),
        details,
      );
    }
    // 参考价规定: the result is valid one year; the auction is announced within that year.
    if (valuation.state !== 'priced' || valuation.referencePriceFen === null) {
      throw new AppError(ErrorCode.conflict, bi('参考价尚未确定', 'The reference price is not fixed'), [
        { path: 'valuationId', message: valuation.state },
      ]);
    }
    if (valuation.validUntil === null || valuation.validUntil < today) {
      throw new AppError(
        ErrorCode.conflict,
        bi('参考价已过有效期（一年）', 'The reference price has expired (valid 1 year)'),
        [{ path: 'valuationId', message: valuation.validUntil ?? '' }],
      );
    }
    const open = await tx.execute<{ id: string }>(sql`select l.id from disposal.lots l
      join disposal.lot_bidding b on b.lot_id = l.id
      where l.asset_id = ${input.assetId}::uuid and b.state in ('announced', 'bidding', 'closed', 'saleOpen')
      for update of l`);
    if (open.length > 0) {
      throw new AppError(ErrorCode.conflict, bi('此财产已在拍卖中', 'The asset is already being auctioned'), [
        { path: 'assetId', message: open[0]?.id ?? '' },
      ]);
    }
    // 善意文明执行意见: while the respondent sells the asset itself within the court's period, or
    // its buyer's money is in, it is not auctioned; a lapsed self-disposal returns it to auction.
    const selling = await tx.execute<{ id: string; dueOn: string }>(sql`select id, due_on::text as "dueOn"
      from disposal.self_disposals where asset_id = ${input.assetId}::uuid and state in ('open', 'paid')`);
    if (selling.length > 0) {
      throw new AppError(
        ErrorCode.conflict,
        bi(
          `被执行人正在自行处置此财产（期限至${selling[0]?.dueOn ?? ''}）`,
          `The respondent is selling this asset itself (until ${selling[0]?.dueOn ?? ''})`,
        ),
        [{ path: 'assetId', message: selling[0]?.id ?? '' }],
      );
    }
    const court = await getCourt(tx, c.courtId);
    const id = randomUUID();
    const title = input.title ?? valuation.assetDescription.slice(0, 200);
    await tx.execute(sql`insert into disposal.lots (id, case_id, case_number, court_id, court_path, court_name,
        division_code, asset_id, valuation_id, asset_type, property_class, title, description, photos, encumbrances,
        notices, round, previous_lot_id, reference_price_fen, deposit_fen, bidding_ends_at, balance_period_days,
        announced_on, created_by)
      values (${id}::uuid, ${c.id}::uuid, ${c.caseNumber}, ${c.courtId}::uuid, ${c.courtPath}, ${court?.name ?? ''},
        ${court?.divisionCode ?? ''}, ${input.assetId}::uuid, ${valuation.id}::uuid, ${valuation.assetType},
        ${propertyClass}, ${title}, ${input.description ?? `${valuation.assetDescription}（${valuation.assetIdentifier}）`},
        ${JSON.stringify(input.photos ?? [])}::jsonb, ${JSON.stringify(input.encumbrances ?? [])}::jsonb,
        ${JSON.stringify(input.notices ?? [])}::jsonb, ${round}, ${previous?.id ?? null}::uuid,
        ${valuation.referencePriceFen}, ${input.depositFen}, ${new Date(endsAtMs).toISOString()}::timestamptz,
        ${input.balancePeriodDays ?? defaultBalancePeriodDays}, ${today}::date, ${actor.userId}::uuid)`);
    await tx.execute(sql`insert into disposal.lot_bidding (lot_id, state, starting_price_fen, increment_fen,
        bidding_starts_at, ends_at)
      values (${id}::uuid, 'announced', ${input.startingPriceFen}, ${input.incrementFen},
        ${new Date(startsAtMs).toISOString()}::timestamptz, ${new Date(endsAtMs).toISOString()}::timestamptz)`);
    for (const p of preemptors.clean) {
      await tx.execute(sql`insert into disposal.lot_preemptors (lot_id, id_number, name, rank)
        values (${id}::uuid, ${p.idNumber}, ${p.name}, ${p.rank})`);
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'auction.lot.announce',
      objectType: 'lot',
      objectId: id,
      detail: {
        caseId: c.id,
        round,
        startingPriceFen: input.startingPriceFen,
        depositFen: input.depositFen,
        biddingStartsAt: input.biddingStartsAt,
        biddingEndsAt: input.biddingEndsAt,
        at: now.toISOString(),
      },
    });
    await publishEvent(
      tx,
      lotAnnounced,
      {
        lotId: id,
        caseId: c.id,
        courtId: c.courtId,
        assetId: input.assetId,
        round,
        startingPriceFen: input.startingPriceFen,
        announcedOn: today,
        biddingStartsAt: new Date(startsAtMs).toISOString(),
      },
      { aggregateId: c.id },
    );
    return { id, state: 'announced' as const };
  });
}
