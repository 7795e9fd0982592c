import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { drawLottery } from '../rules/lottery.ts';
import { ValuationState } from '../rules/valuation.ts';
import { appraiserCount } from '../rules/valuation-appraisal.ts';
import type { TLottery } from '../valuation-contracts.ts';
import { assertValuationTeam } from '../valuation-policy.ts';
import { assignAppraiser } from './appraisal-assignments.ts';
import { findLottery, lotteryView } from './lottery-view.ts';
import { loadValuationForActor } from './valuation-store.ts';

/**
 * 摇号: draws 3 appraisers in order from the published roster with the committed seed and the
 * witness value given now, reveals the seed, and commissions the first drawn (report due in 30
 * days). The record is public (`GET /api/v1/lotteries/{id}`) for anyone to recompute.
 */
export async function drawLots(
  db: Db,
  actor: Actor,
  valuationId: string,
  input: { witness?: string },
): Promise<TLottery> {
  return db.transaction(async (tx) => {
    const { v, c } = await loadValuationForActor(tx, actor, valuationId, { forUpdate: true });
    assertValuationTeam(actor, c);
    const lottery = await findLottery(tx, { valuationId: v.id }, { forUpdate: true });
    if (v.state !== ValuationState.drawingLots || !lottery || lottery.result !== null)
      throw new AppError(
        ErrorCode.conflict,
        bi('该询价评估不在待摇号状态', 'The valuation is not waiting for a lottery'),
      );
    const witness = input.witness ?? '';
    const result = drawLottery({
      rosterIds: lottery.roster.map((a) => a.id),
      seedHex: lottery.seed,
      witness,
      count: appraiserCount,
    });
    const appraiserIds = result.map((p) => lottery.roster[p]?.id ?? '');
    const today = clock.today();
    await tx.execute(sql`update disposal.lotteries set witness = ${witness}, result = ${JSON.stringify(result)}::jsonb,
        drawn_at = ${clock.now().toISOString()}::timestamptz, drawn_by = ${actor.userId}::uuid
      where id = ${lottery.id}::uuid`);
    await tx.execute(sql`update disposal.valuations set state = 'appraising',
        appraiser_ids = ${sql.param(appraiserIds)}::uuid[], updated_at = now()
      where id = ${v.id}::uuid`);
    await assignAppraiser(tx, { valuationId: v.id, position: 0, appraiserId: appraiserIds[0] ?? '', today });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disposal.lottery.draw',
      objectType: 'valuation',
      objectId: v.id,
      detail: { lotteryId: lottery.id, witness, result, appraiserIds },
    });
    const drawn = await findLottery(tx, { id: lottery.id });
    if (!drawn) throw new Error('the lottery vanished');
    return lotteryView(drawn);
  });
}
