import { sql } from 'drizzle-orm';
import { startOfChinaDate } from '../../../kernel/index.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { loadActorByUserId, systemActorFor } from '../../identity/index.ts';
import { earliestBiddingDate, propertyClassOf } from '../rules/auction-lot.ts';
import { createLot } from './lot-create.ts';

/**
 * The demo's auction: the first sealed flat whose reference price the valuation half's demo fixed
 * gets one lot, announced today by the case's judge — starting at 70% of the reference price
 * (网拍规定 art. 10), deposit 10% of the start (art. 17), bidding for 24 hours (art. 20) from 10:00
 * on the first day the 30-day announcement allows (art. 12). Nothing happens without such a valuation.
 */
export async function seedAuctionDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const hasValuations = await db.execute<{ present: boolean }>(
    sql`select to_regclass('disposal.valuations') is not null as present`,
  );
  if (!hasValuations[0]?.present) return;
  const [valuation] = await db.execute<{
    id: string;
    caseId: string;
    courtId: string;
    assetId: string;
    assetType: string;
    referencePriceFen: number;
  }>(sql`select v.id, v.case_id as "caseId", v.court_id as "courtId", v.asset_id as "assetId",
      v.asset_type as "assetType", v.reference_price_fen::float8 as "referencePriceFen"
    from disposal.valuations v
    where v.state = 'priced' and v.asset_type = 'realEstate' and v.valid_until >= ${ctx.today}::date
      and not exists (select 1 from disposal.lots l where l.asset_id = v.asset_id)
    order by v.created_at limit 1`);
  if (!valuation) return;
  const system = await systemActorFor(db, valuation.courtId);
  if (!system) return;
  const c = await loadCaseContext(db, system, valuation.caseId);
  const judge = c.team.judgeId ? await loadActorByUserId(db, c.team.judgeId) : null;
  if (!judge) return;
  const startingPriceFen = Math.ceil((valuation.referencePriceFen * 70) / 100);
  const startsOn = earliestBiddingDate(ctx.today, 'first', propertyClassOf(valuation.assetType));
  const startsAt = startOfChinaDate(startsOn).getTime() + 10 * 3_600_000;
  const lot = await createLot(db, judge, c.id, {
    assetId: valuation.assetId,
    valuationId: valuation.id,
    startingPriceFen,
    incrementFen: Math.max(100_00, Math.round(startingPriceFen / 200 / 100_00) * 100_00),
    depositFen: Math.ceil(startingPriceFen / 10),
    biddingStartsAt: new Date(startsAt).toISOString(),
    biddingEndsAt: new Date(startsAt + 24 * 3_600_000).toISOString(),
    encumbrances: ['房屋现由被执行人居住，由法院负责腾退交付'],
    notices: [
      '竞买人应于竞价开始前交纳保证金，保证金由银行冻结，未竞得者竞价结束后 24 小时内解冻。',
      `买受人应于成交后 15 日内将余款缴入本案执行款账户（一案一账号）。`,
    ],
  });
  ctx.logger.info({ lotId: lot.id, caseNumber: c.caseNumber, biddingOn: startsOn }, 'demo lot announced');
}
