import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addCalendarDays, compareIsoDates, startOfChinaDate } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { type CaseContext, listCases, loadCaseContext, loadCaseNodes, NodeKind } from '../../cases/index.ts';
import { type Actor, loadActorByUsername } from '../../identity/index.ts';
import { objectionDueOn, validUntilOf } from '../rules/valuation.ts';
import { averageFen, reportDueOn } from '../rules/valuation-online.ts';
import { listPlatformRows } from './valuation-platforms.ts';
import { publishPriced } from './valuation-window.ts';

/**
 * The demo's reference prices. Two demo cases of 西湖区法院's judge whose assets are under control
 * each get a sealed flat: the first with a finished online inquiry — every listed platform
 * reported the day after the request, the reference price their average — so that a lot can be
 * made of it at once; the second with none, for a user to start one in the workbench. Also a
 * roster of appraisal firms for each specialism, so that a lottery can be drawn.
 *
 * The flats themselves stand in for what online inquiry would have found and sealed: the inquiry
 * module has no demo seed of assets and measures, so they are written here, into inquiry's
 * feedback list and measures, in the shape its own answers leave (see the report of issue 11 §1:
 * this part moves to an inquiry demo seed once there is one).
 */
export async function seedValuationDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  await seedRoster(db);
  const judge = await loadActorByUsername(db, 'xihu.judge');
  if (!judge) return;
  const controlled = await casesWithControl(db, judge, 2);
  const [first, second] = controlled;
  if (first) {
    const flat = await sealDemoFlat(db, judge, first.c, first.controlledOn, 0);
    await seedFinishedInquiry(db, judge, first.c, flat, ctx.today);
  }
  if (second) await sealDemoFlat(db, judge, second.c, second.controlledOn, 1);
  ctx.logger.info({ cases: controlled.map((x) => x.c.caseNumber) }, 'demo valuations loaded');
}

/** The judge's own cases in progress with an "assets controlled" node, the latest filed first. */
async function casesWithControl(
  db: DemoSeedContext['database']['db'],
  judge: Actor,
  count: number,
): Promise<{ c: CaseContext; controlledOn: string }[]> {
  const list = await listCases(db, judge, {
    mine: 'true',
    status: 'inProgress',
    sort: '-filedOn',
    page: 1,
    pageSize: 200,
  });
  const found: { c: CaseContext; controlledOn: string }[] = [];
  for (const item of list.items) {
    const control = (await loadCaseNodes(db, item.id)).find((n) => n.kind === NodeKind.assetControlled);
    if (!control) continue;
    found.push({ c: await loadCaseContext(db, judge, item.id), controlledOn: control.occurredOn });
    if (found.length === count) break;
  }
  return found;
}

type DemoFlat = { assetId: string; identifier: string; description: string; valueFen: number };

function digestNumber(text: string, modulo: number): number {
  return Number.parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) % modulo;
}

/** A flat of the case's first respondent, sealed on the day the case's assets were controlled. */
async function sealDemoFlat(
  db: DbOrTx,
  judge: Actor,
  c: CaseContext,
  controlledOn: string,
  index: number,
): Promise<DemoFlat> {
  const respondent = c.respondents[0];
  const n = digestNumber(`${c.caseNumber}:${index}`, 9_000_000);
  const area = 60 + (n % 80) + (n % 10) / 10;
  const estates = ['翠苑一区', '西溪诚园', '文鼎苑', '嘉绿苑', '古荡新村'];
  const address = `浙江省杭州市西湖区${estates[n % estates.length]}${1 + (n % 30)}幢${1 + (n % 3)}单元${1 + (n % 18)}0${1 + (n % 4)}室`;
  const flat: DemoFlat = {
    assetId: randomUUID(),
    identifier: `浙(${2015 + (n % 9)})杭州市不动产权第${String(1_000_000 + n).slice(-7)}号`,
    description: `${address}（住宅，${area.toFixed(1)}㎡）`,
    // about 38,000 yuan a square metre, to the yuan
    valueFen: Math.round(area * 38_000) * 100,
  };
  const at = new Date(startOfChinaDate(controlledOn).getTime() + 10 * 3_600_000).toISOString();
  await db.execute(sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name,
      institution, channel, asset_type, identifier, description, value_fen, extra, first_request_id, last_request_id,
      first_answered_at, answered_at)
    values (${flat.assetId}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${respondent?.id ?? randomUUID()}::uuid,
      ${respondent?.name ?? ''}, 'hzbdc', 'local', 'realEstate', ${flat.identifier}, ${flat.description},
      ${flat.valueFen}::bigint, ${JSON.stringify({ address, areaSqm: area, use: '住宅' })}::jsonb,
      ${randomUUID()}::uuid, ${randomUUID()}::uuid, ${at}::timestamptz, ${at}::timestamptz)`);
  await db.execute(sql`insert into inquiry.measures (id, case_id, court_id, asset_id, institution, kind, state,
      until, document_name, document_text, requested_by, created_at, answered_at)
    values (${randomUUID()}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${flat.assetId}::uuid, 'hzbdc', 'seal',
      'inForce', ${addCalendarDays(controlledOn, 3 * 365)}::date, '协助执行通知书（查封）',
      ${`查封 ${flat.identifier}（${flat.description}），期限三年。`}, ${judge.userId}::uuid,
      ${at}::timestamptz, ${at}::timestamptz)`);
  return flat;
}

/** An online inquiry started 5 days after the seal (or today), every platform reporting the next day. */
async function seedFinishedInquiry(
  db: DbOrTx,
  judge: Actor,
  c: CaseContext,
  flat: DemoFlat,
  today: string,
): Promise<void> {
  const controlledOn = (
    await db.execute<{ d: string }>(sql`select to_char((answered_at at time zone 'Asia/Shanghai')::date,
      'YYYY-MM-DD') as d from inquiry.measures where asset_id = ${flat.assetId}::uuid`)
  )[0]?.d;
  if (!controlledOn) return;
  const earliest = (a: string, b: string) => (compareIsoDates(a, b) <= 0 ? a : b);
  const startedOn = earliest(addCalendarDays(controlledOn, 5), today);
  const pricedOn = earliest(addCalendarDays(startedOn, 1), today);
  const platforms = await listPlatformRows(db);
  // Each platform within ±8% of the registered value, the same on every seed.
  const prices = platforms.map((p) => {
    const spread = (digestNumber(`${flat.identifier}:${p.code}`, 1601) - 800) / 10_000;
    return Math.round(flat.valueFen * (1 + spread));
  });
  const referencePriceFen = averageFen(prices) ?? flat.valueFen;
  const id = randomUUID();
  const validUntil = validUntilOf(pricedOn);
  const reportedAt = new Date(
    Math.min(startOfChinaDate(pricedOn).getTime() + 9 * 3_600_000, clock.nowMs()),
  ).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into disposal.valuations (id, case_id, court_id, asset_id, asset_type,
        asset_identifier, asset_description, registered_value_fen, controlled_on, method, state, started_by,
        started_on, inquiry_due_on, reference_price_fen, priced_on, valid_until, objection_due_on)
      values (${id}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${flat.assetId}::uuid, 'realEstate',
        ${flat.identifier}, ${flat.description}, ${flat.valueFen}::bigint, ${controlledOn}::date, 'onlineInquiry',
        'priced', ${judge.userId}::uuid, ${startedOn}::date, ${reportDueOn(startedOn)}::date,
        ${referencePriceFen}::bigint, ${pricedOn}::date, ${validUntil}::date, ${objectionDueOn(pricedOn)}::date)`);
    for (const [i, p] of platforms.entries()) {
      const requestId = randomUUID();
      await tx.execute(sql`insert into disposal.platform_requests (id, valuation_id, platform, body, state, attempts,
          accepted_at, price_fen, report_number, reported_at, received_at, received_on, is_on_time)
        values (${requestId}::uuid, ${id}::uuid, ${p.code}, ${JSON.stringify({ requestId, demo: true })}::jsonb,
          'reported', 1, ${reportedAt}::timestamptz, ${prices[i] ?? referencePriceFen}::bigint,
          ${`${p.code.toUpperCase()}-${pricedOn.replaceAll('-', '')}-${requestId.slice(-8)}`},
          ${reportedAt}::timestamptz, ${reportedAt}::timestamptz, ${pricedOn}::date, true)`);
    }
    await publishPriced(tx, {
      id,
      caseId: c.id,
      courtId: c.courtId,
      assetId: flat.assetId,
      method: 'onlineInquiry',
      referencePriceFen,
      pricedOn,
      validUntil,
    });
  });
}

/** Five firms per specialism: enough for a lottery of three. */
async function seedRoster(db: DbOrTx): Promise<void> {
  const firms: Record<string, string[]> = {
    realEstate: [
      '浙江中勤房地产估价',
      '杭州永正房地产评估',
      '坤元资产评估（房地产）',
      '浙江国信房地产估价',
      '宁波恒信房地产估价',
    ],
    vehicle: [
      '杭州华晨机动车鉴定评估',
      '浙江车宝二手车评估',
      '宁波甬诚机动车评估',
      '杭州驰誉车辆评估',
      '温州安达车辆评估',
    ],
    equity: [
      '坤元资产评估',
      '天源资产评估',
      '中联资产评估浙江分公司',
      '浙江中企华资产评估',
      '银信资产评估浙江分公司',
    ],
    ship: [
      '舟山海信船舶评估',
      '浙江海事船舶估价',
      '宁波港航船舶评估',
      '台州东海船舶评估',
      '温州瓯江船舶评估',
    ],
    general: [
      '浙江之江资产评估',
      '杭州信德资产评估',
      '宁波德威资产评估',
      '浙江众诚资产评估',
      '嘉兴禾信资产评估',
    ],
  };
  for (const [specialism, names] of Object.entries(firms)) {
    for (const name of names) {
      await db.execute(sql`insert into disposal.appraisers (id, name, specialism)
        values (${randomUUID()}::uuid, ${`${name}有限公司`}, ${specialism}) on conflict do nothing`);
    }
  }
}
