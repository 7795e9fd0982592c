import { randomUUID } from 'node:crypto';
import { addCalendarDays, startOfChinaDate } from '../../src/kernel/index.ts';
import { clock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db.ts';
import { aPerson } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * The auction (网络司法拍卖): what a valid request of each route needs — a case's asset with a
 * fixed reference price, a lot announced on it, bidders with their tokens and deposits held at the
 * (simulated) bank, lots moved on in time. The arrangements are shared with the auction's own tests
 * (test/disposal-auction*.test.ts). Bidders send their token in `x-zhixing-bidder`, which the
 * generated tests keep beside each principal's own `authorization`.
 */

const hour = 3_600_000;

/** A fixed, valid reference price of a new asset of the case (as the valuation half leaves it), written directly. */
export async function aPricedValuation(
  database: Database,
  caseId: string,
  opts: { assetType?: string; referencePriceFen?: number; validUntil?: string; state?: string } = {},
): Promise<{ valuationId: string; assetId: string; referencePriceFen: number }> {
  const valuationId = randomUUID();
  const assetId = randomUUID();
  const referencePriceFen = opts.referencePriceFen ?? 100_000_000;
  const today = clock.today();
  const isPriced = (opts.state ?? 'priced') === 'priced';
  await database.sql`insert into disposal.valuations (id, case_id, court_id, asset_id, asset_type, asset_identifier,
      asset_description, method, state, started_by, started_on, reference_price_fen, priced_on, valid_until)
    select ${valuationId}, c.id, c.court_id, ${assetId}, ${opts.assetType ?? 'realEstate'},
      ${`浙(2026)杭州市不动产权第${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}号`},
      '杭州市西湖区文三路 100 号 3 幢 501 室住宅', 'negotiated', ${opts.state ?? 'priced'}, c.filed_by, ${today},
      ${isPriced ? referencePriceFen : null}, ${isPriced ? today : null},
      ${isPriced ? (opts.validUntil ?? addCalendarDays(today, 365)) : null}
    from cases.cases c where c.id = ${caseId}`;
  return { valuationId, assetId, referencePriceFen };
}

/** The first instant bidding may start: 10:00 on the day the announcement allows (30 days real estate, 15 movables). */
export function firstBiddingStart(
  opts: { propertyClass?: 'movable' | 'realEstate'; round?: 'first' | 'second' } = {},
) {
  const days =
    (opts.round ?? 'first') === 'first' ? { movable: 15, realEstate: 30 } : { movable: 7, realEstate: 15 };
  const startsOn = addCalendarDays(clock.today(), days[opts.propertyClass ?? 'realEstate']);
  return startOfChinaDate(startsOn).getTime() + 10 * hour;
}

/** A lot's terms at the rules' numbers: start 70% of the reference, deposit 10% of the start, 24 hours of bidding. */
export function aLotBody(
  v: { valuationId: string; assetId: string; referencePriceFen: number },
  overrides: Record<string, unknown> = {},
) {
  const startingPriceFen = Math.ceil((v.referencePriceFen * 70) / 100);
  const startsAt = firstBiddingStart();
  return {
    assetId: v.assetId,
    valuationId: v.valuationId,
    startingPriceFen,
    incrementFen: 1_000_00,
    depositFen: Math.ceil(startingPriceFen / 10),
    biddingStartsAt: new Date(startsAt).toISOString(),
    biddingEndsAt: new Date(startsAt + 24 * hour).toISOString(),
    ...overrides,
  };
}

export const bidderHeader = 'x-zhixing-bidder';

async function post(world: World, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await world.t.request('POST', url, { body, headers });
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A bidder registered in a real name: their id and token. */
async function aBidder(world: World) {
  const p = aPerson();
  const body = await post(world, '/api/v1/auction/bidders', {
    name: p.name,
    idNumber: p.idNumber,
    phone: '13912345678',
  });
  return { id: String(body.id), token: String(body.token) };
}

/** A lot announced by the judge of a new case at `court`. */
async function aLot(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const v = await aPricedValuation(world.t.database, onCase.caseId);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/lots`,
    aLotBody(v),
    201,
  );
  return { ...onCase, lotId: String(res.body.id), valuation: v };
}

/** A lot whose bidding has begun (moved there directly: the announcement takes 30 days of the clock). */
async function aBiddingLot(world: World, court: CourtKey) {
  const lot = await aLot(world, court);
  const sql = world.t.database.sql;
  await sql`update disposal.lot_bidding set bidding_starts_at = now() - interval '1 hour' where lot_id = ${lot.lotId}`;
  return lot;
}

/** A lot whose second round failed (set directly), for the team's decisions. */
async function aTwiceFailedLot(world: World, court: CourtKey) {
  const lot = await aLot(world, court);
  const sql = world.t.database.sql;
  await sql`update disposal.lot_bidding set state = 'failed' where lot_id = ${lot.lotId}`;
  await sql`update disposal.lots set round = 'second', closed_at = now(), closed_on = ${clock.today()} where id = ${lot.lotId}`;
  return lot;
}

function onLot(lot: { lotId: string; caseId: string }, extra: Partial<ValidRequest> = {}): ValidRequest {
  return { params: { id: lot.lotId }, caseId: lot.caseId, ...extra };
}

export const auctionFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/auction/lots': {
    build: async () => ({ query: { region: '33', type: 'realEstate', page: '1' } }),
  },
  'GET /api/v1/auction/lots/{id}': { build: async (world, court) => onLot(await aLot(world, court)) },
  'GET /api/v1/auction/lots/{id}/stream': {
    build: async (world, court) => ({ ...onLot(await aLot(world, court)), query: { since: '0' } }),
  },
  'POST /api/v1/auction/bidders': {
    build: async () => {
      const p = aPerson();
      return { body: { name: p.name, idNumber: p.idNumber, phone: '13912345678' } };
    },
  },
  'POST /api/v1/auction/lots/{id}/deposits': {
    build: async (world, court) => {
      const lot = await aLot(world, court);
      const bidder = await aBidder(world);
      return onLot(lot, { headers: { [bidderHeader]: bidder.token } });
    },
  },
  'POST /api/v1/auction/lots/{id}/purchase': {
    build: async (world, court) => {
      const lot = await aTwiceFailedLot(world, court);
      const sql = world.t.database.sql;
      await sql`update disposal.lot_bidding set state = 'saleOpen' where lot_id = ${lot.lotId}`;
      await sql`update disposal.lots set sale_price_fen = 1000000, sale_opened_on = ${clock.today()},
        sale_ends_on = ${addCalendarDays(clock.today(), 60)} where id = ${lot.lotId}`;
      const bidder = await aBidder(world);
      return onLot(lot, { headers: { [bidderHeader]: bidder.token } });
    },
  },
  'POST /api/v1/auction/lots/{id}/bids': {
    build: async (world, court) => {
      const lot = await aBiddingLot(world, court);
      const bidder = await aBidder(world);
      await post(world, `/api/v1/auction/lots/${lot.lotId}/deposits`, undefined, {
        [bidderHeader]: bidder.token,
      });
      const startingPriceFen = Math.ceil((lot.valuation.referencePriceFen * 70) / 100);
      return onLot(lot, { headers: { [bidderHeader]: bidder.token }, body: { amountFen: startingPriceFen } });
    },
  },
  'GET /api/v1/auction/me': {
    build: async (world) => ({ headers: { [bidderHeader]: (await aBidder(world)).token } }),
  },
  'POST /api/v1/cases/{id}/lots': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const v = await aPricedValuation(world.t.database, onCase.caseId);
      const preemptor = aPerson();
      return {
        ...onCase,
        // Every optional field filled, so that each can be made wrong in turn.
        body: aLotBody(v, {
          preemptors: [{ name: preemptor.name, idNumber: preemptor.idNumber, rank: 1 }],
          title: '杭州市西湖区文三路 100 号 3 幢 501 室住宅',
          description: '建筑面积 89.5 平方米，钢混结构，2008 年建成。',
          photos: [{ url: 'https://example.org/lot/1.jpg', caption: '外观' }],
          encumbrances: ['设有抵押权'],
          notices: ['标的物以现状拍卖'],
          balancePeriodDays: 15,
        }),
      };
    },
  },
  'GET /api/v1/cases/{id}/lots': { build: async (world, court) => await aLot(world, court) },
  'POST /api/v1/auction/lots/{id}/sale': {
    build: async (world, court) => onLot(await aTwiceFailedLot(world, court)),
  },
  'POST /api/v1/auction/lots/{id}/transfer-in-lieu': {
    build: async (world, court) => {
      const lot = await aTwiceFailedLot(world, court);
      return onLot(lot, { body: { partyId: lot.c.applicants[0]?.id ?? '' } });
    },
  },
  'POST /api/v1/auction/lots/{id}/release': {
    build: async (world, court) => onLot(await aTwiceFailedLot(world, court)),
  },
  'POST /api/v1/auction/exclusions': {
    build: async () => {
      const p = aPerson();
      return { body: { idNumber: p.idNumber, name: p.name, kind: 'courtStaff', note: '西湖区法院执行局' } };
    },
  },
};
