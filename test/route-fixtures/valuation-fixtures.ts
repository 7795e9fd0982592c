import { randomUUID } from 'node:crypto';
import { computeSignature } from '../../src/platform/signed-http.ts';
import { VALUATION_PLATFORMS, valuationPlatformKey } from '../../src/sim/index.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/** The simulator's secret of the generated tests (funds-fixtures.ts starts it): the platforms' keys derive from it. */
const simSecret = 'route-fixtures-sim-secret';
let serial = 0;

/** A case with a flat of its respondent sealed, as inquiry records one (its feedback list and a seal in force). */
export async function aSealedAsset(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const assetId = randomUUID();
  const respondent = onCase.c.respondents[0]?.id ?? randomUUID();
  serial += 1;
  const identifier = `浙(2024)杭州市不动产权第${String(serial).padStart(7, '0')}号-${process.pid}`;
  const sql = world.t.database.sql;
  await sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name, institution,
      channel, asset_type, identifier, description, value_fen, first_request_id, last_request_id, first_answered_at,
      answered_at)
    values (${assetId}, ${onCase.caseId}, ${onCase.c.courtId}, ${respondent}, '被执行人', 'fixture-bank', 'national',
      'realEstate', ${identifier}, '浙江省杭州市西湖区文三路100号1幢101室（住宅，89.5㎡）', 340000000,
      ${randomUUID()}, ${randomUUID()}, now(), now())`;
  await sql`insert into inquiry.measures (id, case_id, court_id, asset_id, institution, kind, state, until,
      document_name, document_text, requested_by, answered_at)
    values (${randomUUID()}, ${onCase.caseId}, ${onCase.c.courtId}, ${assetId}, 'fixture-bank', 'seal', 'inForce',
      current_date + 1000, '协助执行通知书（查封）', '查封', ${world.userId(`${court}.judge`)}, now())`;
  return { ...onCase, assetId };
}

/** A valuation of a sealed flat started by the case's judge. */
async function aValuation(world: World, court: CourtKey, body: Record<string, unknown>) {
  const sealed = await aSealedAsset(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${sealed.caseId}/valuations`,
    { assetId: sealed.assetId, ...body },
    201,
  );
  return { ...sealed, valuationId: String(res.body.id), params: { id: String(res.body.id) } };
}

/** The roster's first firms of real estate, added once (five: enough for a lottery of three). */
async function realEstateRoster(world: World): Promise<string[]> {
  const sql = world.t.database.sql;
  for (let i = 1; i <= 5; i++) {
    await sql`insert into disposal.appraisers (id, name, specialism)
      values (${randomUUID()}, ${`测试房地产估价有限公司${i}`}, 'realEstate') on conflict do nothing`;
  }
  const rows = await sql<{ id: string }[]>`select id from disposal.appraisers
    where specialism = 'realEstate' and is_active order by roster_position limit 3`;
  return rows.map((r) => r.id);
}

/** A platform's report as it pushes it: signed with its key over the exact bytes. */
export function signedReport(platform: string, report: Record<string, unknown>) {
  const path = '/api/v1/disposal/valuation-reports';
  const rawBody = JSON.stringify(report);
  const timestamp = String(Date.now());
  return {
    path,
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-zx-institution': platform,
      'x-zx-timestamp': timestamp,
      'x-zx-signature': computeSignature(
        valuationPlatformKey(simSecret, platform),
        'POST',
        path,
        timestamp,
        rawBody,
      ),
    },
  };
}

async function requestsOf(world: World, valuationId: string) {
  return world.t.database.sql<{ id: string; platform: string }[]>`select id, platform
    from disposal.platform_requests where valuation_id = ${valuationId} order by platform`;
}

/** An online inquiry every platform has reported on, in time: priced, objections open. */
async function aPricedInquiry(world: World, court: CourtKey) {
  const started = await aValuation(world, court, { method: 'onlineInquiry' });
  for (const [i, r] of (await requestsOf(world, started.valuationId)).entries()) {
    const push = signedReport(r.platform, {
      requestId: r.id,
      platform: r.platform,
      priceFen: 330_000_000 + i * 10_000_000,
      reportNumber: `R-${r.id.slice(0, 8)}`,
      reportedAt: new Date().toISOString(),
    });
    const res = await world.t.request('POST', push.path, { headers: push.headers, body: push.rawBody });
    if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return started;
}

async function anObjection(world: World, court: CourtKey) {
  const priced = await aPricedInquiry(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/valuations/${priced.valuationId}/objections`,
    { platform: VALUATION_PLATFORMS[0].code, reason: '询价结果明显偏高' },
    201,
  );
  const objection = res.body.objection;
  const id = typeof objection === 'object' && objection !== null ? String(Reflect.get(objection, 'id')) : '';
  return { caseId: priced.caseId, params: { id } };
}

async function anAgreedAppraisal(world: World, court: CourtKey) {
  const appraiserIds = await realEstateRoster(world);
  return aValuation(world, court, { method: 'appraisal', appraiserIds });
}

async function aLottery(world: World, court: CourtKey) {
  await realEstateRoster(world);
  return aValuation(world, court, { method: 'appraisal' });
}

/**
 * Disposal, the reference price: valuations of sealed assets, the platforms' signed reports,
 * objections, the lottery, appraisers' extensions and reports, the rosters.
 */
export const valuationFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/valuations': {
    build: async (world, court) => {
      const sealed = await aSealedAsset(world, court);
      return {
        ...sealed,
        body: { assetId: sealed.assetId, method: 'negotiated', priceFen: 350_000_000 },
      };
    },
  },
  'GET /api/v1/cases/{id}/valuations': {
    build: async (world, court) => {
      const started = await aValuation(world, court, { method: 'onlineInquiry' });
      return { caseId: started.caseId, params: { id: started.caseId } };
    },
  },
  'GET /api/v1/valuations/{id}': {
    build: async (world, court) => {
      const started = await aPricedInquiry(world, court);
      return { caseId: started.caseId, params: started.params };
    },
  },
  'POST /api/v1/valuations/{id}/objections': {
    build: async (world, court) => {
      const priced = await aPricedInquiry(world, court);
      return {
        caseId: priced.caseId,
        params: priced.params,
        body: {
          platform: VALUATION_PLATFORMS[1].code,
          partyId: priced.c.applicants[0]?.id,
          reason: '报告未考虑装修',
        },
      };
    },
  },
  'POST /api/v1/valuation-objections/{id}/decision': {
    build: async (world, court) => ({
      ...(await anObjection(world, court)),
      body: { decision: 'upheld', reason: '该平台未核实房屋现状' },
    }),
  },
  'POST /api/v1/valuations/{id}/lottery/draw': {
    build: async (world, court) => {
      const started = await aLottery(world, court);
      return { caseId: started.caseId, params: started.params, body: { witness: '0427' } };
    },
  },
  'GET /api/v1/lotteries/{id}': {
    build: async (world, court) => {
      const started = await aLottery(world, court);
      const [row] = await world.t.database.sql<{ id: string }[]>`select id from disposal.lotteries
        where valuation_id = ${started.valuationId}`;
      return { params: { id: row?.id ?? '' } };
    },
  },
  'POST /api/v1/valuations/{id}/appraisal/extensions': {
    build: async (world, court) => {
      const started = await anAgreedAppraisal(world, court);
      return { caseId: started.caseId, params: started.params, body: { days: 10, reason: '需现场勘验' } };
    },
  },
  'POST /api/v1/valuations/{id}/appraisal/report': {
    build: async (world, court) => {
      const started = await anAgreedAppraisal(world, court);
      return {
        caseId: started.caseId,
        params: started.params,
        body: { priceFen: 342_000_000, reportNumber: '浙中勤评字〔2026〕第0001号' },
      };
    },
  },
  'GET /api/v1/appraisers': { build: async () => ({ query: { specialism: 'realEstate' } }) },
  'POST /api/v1/appraisers': {
    build: async () => {
      serial += 1;
      return {
        body: {
          name: `新入库资产评估有限公司${process.pid}-${serial}`,
          specialism: 'general',
          creditCode: '91330106MA2B0K7C82',
        },
      };
    },
  },
  'GET /api/v1/valuation-platforms': { build: async () => ({}) },
  'POST /api/v1/disposal/valuation-reports': {
    build: async (world, court) => {
      const started = await aValuation(world, court, { method: 'onlineInquiry' });
      const [r] = await requestsOf(world, started.valuationId);
      if (!r) throw new Error('the inquiry has no request');
      const push = signedReport(r.platform, {
        requestId: r.id,
        platform: r.platform,
        priceFen: 338_000_000,
        reportNumber: `R-${r.id.slice(0, 8)}`,
        reportedAt: new Date().toISOString(),
      });
      return { rawBody: push.rawBody, headers: push.headers };
    },
  },
};
