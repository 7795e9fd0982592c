import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compareWithRecompute } from '../src/modules/command/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The "3+1" indicators (DOMAIN.md §10) against a history computed by hand. Dates are made real by
 * moving the one clock, as a case's life moves it: filed in January 2031, closed, suspended,
 * petitioned, reviewed, and read on 2031-12-20.
 */
let t: TestApp;
let judge: string;
let president: string;
let zjCentre: string;
const logger = createLogger('silent');

async function setToday(date: string): Promise<void> {
  // Noon, China time: the day is the same wherever the machine is.
  await t.setClockOffset(Date.parse(`${date}T12:00:00+08:00`) - Date.now());
  assert.equal(clock.today(), date);
}

async function deliverEvents(): Promise<void> {
  const dispatcher = createOutboxDispatcher(
    t.database,
    allSubscribers().filter((s) => s.name === 'command.indicators'),
    logger,
  );
  while ((await dispatcher.runOnce()) > 0) {}
}

async function fileOn(date: string): Promise<string> {
  await setToday(date);
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({
      basis: {
        kind: 'judgment',
        documentNumber: '（2030）浙0106民初9号',
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2030-11-01',
      },
      applicants: [aCompany()],
      respondents: [aPerson()],
    }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function node(caseId: string, kind: string, occurredOn: string): Promise<void> {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/nodes`, {
    token: judge,
    body: { kind, occurredOn, note: '' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

async function closeOn(caseId: string, date: string, closingType: string): Promise<void> {
  await setToday(date);
  // Performed outside the case account: shown by a node (立结案意见).
  if (closingType === 'fulfilled') await node(caseId, 'paymentReceived', date);
  const res = await t.request('POST', `/api/v1/cases/${caseId}/close`, {
    token: judge,
    body: { closingType, reason: '依法结案' },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Every condition of 终本规定 arts. 1, 5 met, then closed by terminating this round. */
async function terminateOn(caseId: string, date: string): Promise<void> {
  await setToday(date);
  for (const kind of [
    'enforcementNoticeSent',
    'propertyReportOrderIssued',
    'onlineInquiryDone',
    'onSiteInquiryDone',
    'leadVerified',
    'consumptionRestrictionIssued',
    'dishonestListed',
    'debtorSearched',
    'applicantInterviewed',
    'applicantConfirmedTermination',
  ])
    await node(caseId, kind, '2031-02-01');
  await closeOn(caseId, date, 'terminatedThisRound');
}

async function indicators(token: string, query: string) {
  const res = await t.request('GET', `/api/v1/command/indicators?${query}`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

function pick(
  body: { indicators: { code: string; numerator: number; denominator: number }[] },
  code: string,
) {
  const found = body.indicators.find((i) => i.code === code);
  assert.ok(found, code);
  return [found.numerator, found.denominator];
}

const ids: Record<string, string> = {};
let petitionOpen: string;

describe('the "3+1" indicators on a hand-computed history', () => {
  before(async () => {
    t = await startTestApp();
    judge = await t.login('xihu.judge');
    president = await t.login('xihu.president');
    zjCentre = await t.login('zj.command');
    // A: filed 01-10, fulfilled 03-01, inside its 6 months (执行期限规定 art. 1: due 07-10).
    ids.a = await fileOn('2031-01-10');
    // B: filed 01-10, still open: fails from 07-11.
    ids.b = await fileOn('2031-01-10');
    // C: filed 01-10, withdrawn 08-01: concluded late, fails on 07-11.
    ids.c = await fileOn('2031-01-10');
    // D, E: 终本 on 05-01 (more than 3 months after filing, 终本规定 art. 1(4)); E later found unqualified.
    ids.d = await fileOn('2031-01-10');
    ids.e = await fileOn('2031-01-10');
    // G: filed 01-10, suspended 02-01 → resumed 03-03 (30 days not counted): due 2031-08-09, a
    // Saturday, so 08-11 (CPL art. 85); closed 08-05, in time.
    ids.g = await fileOn('2031-01-10');
    await setToday('2031-03-03');
    await node(ids.g, 'suspended', '2031-02-01');
    await node(ids.g, 'resumed', '2031-03-03');
    await closeOn(ids.a, '2031-03-01', 'fulfilled');
    await terminateOn(ids.d, '2031-05-01');
    await terminateOn(ids.e, '2031-05-01');
    // F: filed 07-01, open; its period ends 2026-01-01, after the reading day: not counted yet.
    ids.f = await fileOn('2031-07-01');
    await closeOn(ids.g, '2031-08-05', 'withdrawn');
    await closeOn(ids.c, '2031-08-01', 'withdrawn');
    await setToday('2031-09-01');
    const p1 = await t.request('POST', '/api/v1/command/petitions', {
      token: president,
      body: { caseId: ids.b, petitioner: '申请执行人王某', summary: '案件久拖未结' },
    });
    assert.equal(p1.status, 201, JSON.stringify(p1.body));
    petitionOpen = p1.body.id;
    await setToday('2031-09-02');
    const p2 = await t.request('POST', '/api/v1/command/petitions', {
      token: zjCentre,
      body: { caseId: ids.c, petitioner: '申请执行人李某', summary: '要求说明执行款去向' },
    });
    assert.equal(p2.status, 201, JSON.stringify(p2.body));
    await setToday('2031-09-10');
    const concluded = await t.request('POST', `/api/v1/command/petitions/${p2.body.id}/conclude`, {
      token: zjCentre,
      body: { resolution: '已向申请执行人出示执行款发放凭证' },
    });
    assert.equal(concluded.status, 200, JSON.stringify(concluded.body));
    await setToday('2031-10-15');
    const review = await t.request('POST', '/api/v1/command/termination-reviews', {
      token: zjCentre,
      body: { caseId: ids.e, item: 'propertyInvestigationExhausted', finding: '未核查被执行人名下车辆' },
    });
    assert.equal(review.status, 201, JSON.stringify(review.body));
    await deliverEvents();
    await setToday('2031-12-20');
  });
  after(async () => {
    await t.close();
  });

  test('each indicator of the year at Xihu, by hand: 2/4, 1/2, 1/2, 5/7', async () => {
    const body = await indicators(judge, 'court=浙0106&from=2031-01-01&to=2031-12-31');
    assert.equal(body.court.name, '杭州市西湖区人民法院');
    // A (03-01) and G (08-05) in time; B open past 07-10; C closed 08-01, after 07-10. F not due yet.
    assert.deepEqual(pick(body, 'assetCasesConcluded'), [2, 4]);
    // D qualified; E found missing condition (3).
    assert.deepEqual(pick(body, 'terminationQualified'), [1, 2]);
    assert.deepEqual(pick(body, 'petitionsConcluded'), [1, 2]);
    // All seven filed within three years of the reading day; B and F open.
    assert.deepEqual(pick(body, 'overallConcluded'), [5, 7]);
    const asset = body.indicators.find((i: { code: string }) => i.code === 'assetCasesConcluded');
    assert.equal(asset.target, 0.9);
    assert.equal(asset.value, 0.5);
    assert.equal(asset.isMet, false);
    const overall = body.indicators.find((i: { code: string }) => i.code === 'overallConcluded');
    assert.equal(overall.target, 0.8);
    assert.deepEqual(overall.window, { from: '2028-12-21', to: '2031-12-20' });
  });

  test('partial months are read day by day: a case counts on its one day only', async () => {
    // A on 03-01, B and C on 07-11 (the first day past their period).
    assert.deepEqual(
      pick(await indicators(judge, 'court=浙0106&from=2031-03-01&to=2031-07-11'), 'assetCasesConcluded'),
      [1, 3],
    );
    assert.deepEqual(
      pick(await indicators(judge, 'court=浙0106&from=2031-03-02&to=2031-07-10'), 'assetCasesConcluded'),
      [0, 0],
    );
    assert.deepEqual(
      pick(await indicators(judge, 'court=浙0106&from=2031-07-11&to=2031-08-05'), 'assetCasesConcluded'),
      [1, 3],
    );
    assert.deepEqual(
      pick(await indicators(judge, 'court=浙0106&from=2031-02-15&to=2031-05-01'), 'terminationQualified'),
      [1, 2],
    );
  });

  test('a parent sums its children and its own cases; the province sees Xihu under Hangzhou', async () => {
    const province = await indicators(zjCentre, 'court=浙&from=2031-01-01&to=2031-12-31');
    assert.deepEqual(pick(province, 'assetCasesConcluded'), [2, 4]);
    const names = province.children.map((c: { court: { name: string } }) => c.court.name);
    assert.deepEqual(names.sort(), ['宁波市中级人民法院', '杭州市中级人民法院'].sort());
    const hangzhou = province.children.find((c: { court: { code: string } }) => c.court.code === '浙01');
    const ningbo = province.children.find((c: { court: { code: string } }) => c.court.code === '浙02');
    assert.deepEqual(pick(hangzhou, 'petitionsConcluded'), [1, 2]);
    assert.deepEqual(pick(ningbo, 'assetCasesConcluded'), [0, 0]);
    assert.equal(ningbo.indicators[0].value, null);
    for (const code of [
      'assetCasesConcluded',
      'terminationQualified',
      'petitionsConcluded',
      'overallConcluded',
    ]) {
      const [n, d] = pick(province, code);
      const sums = province.children
        .map((c: never) => pick(c, code))
        .reduce(
          ([sn, sd]: number[], [xn, xd]: number[]) => [(sn ?? 0) + (xn ?? 0), (sd ?? 0) + (xd ?? 0)],
          [0, 0],
        );
      assert.deepEqual([n, d], sums, code);
    }
  });

  test('the drill-down names each failing case and why', async () => {
    const res = await t.request(
      'GET',
      '/api/v1/command/indicators/assetCasesConcluded/failing?court=浙&from=2031-01-01&to=2031-12-31',
      { token: zjCentre },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, 2);
    const byCase = new Map(
      res.body.items.map((i: { caseId: string; reason: string }) => [i.caseId, i.reason]),
    );
    assert.match(String(byCase.get(ids.b)), /2031-07-10届满，尚未执结/);
    assert.match(String(byCase.get(ids.c)), /2031-08-01结案，超过法定执行期限/);
    const term = await t.request(
      'GET',
      '/api/v1/command/indicators/terminationQualified/failing?court=浙0106&from=2031-01-01&to=2031-12-31',
      { token: judge },
    );
    assert.equal(term.body.total, 1);
    assert.equal(term.body.items[0].caseId, ids.e);
    assert.match(term.body.items[0].reason, /终本规定 art\. 1\(3\)/);
    assert.match(term.body.items[0].reason, /未核查被执行人名下车辆/);
    const petitions = await t.request(
      'GET',
      '/api/v1/command/indicators/petitionsConcluded/failing?court=浙0106&from=2031-01-01&to=2031-12-31',
      { token: judge },
    );
    assert.deepEqual(
      petitions.body.items.map((i: { petitionId: string }) => i.petitionId),
      [petitionOpen],
    );
  });

  test('concluding a petition moves the close rate at once', async () => {
    const res = await t.request('POST', `/api/v1/command/petitions/${petitionOpen}/conclude`, {
      token: president,
      body: { resolution: '已制定执行计划并告知申请执行人' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      pick(await indicators(judge, 'court=浙0106&from=2031-01-01&to=2031-12-31'), 'petitionsConcluded'),
      [2, 2],
    );
    const again = await t.request('POST', `/api/v1/command/petitions/${petitionOpen}/conclude`, {
      token: president,
      body: { resolution: '重复' },
    });
    assert.equal(again.status, 409);
  });

  test('the incremental counts agree with a full recompute', async () => {
    const report = await compareWithRecompute(t.database.db);
    assert.deepEqual(report.differences, []);
    assert.ok(report.rows > 0);
  });

  test('outside its scope a court does not exist; a grid worker and a court of another province see nothing', async () => {
    const haishu = await t.login('haishu.judge');
    const res = await t.request('GET', '/api/v1/command/indicators?court=浙0106', { token: haishu });
    assert.equal(res.status, 404);
    const grid = await t.login('xihu.grid');
    assert.equal(
      (await t.request('GET', '/api/v1/command/indicators?court=浙0106', { token: grid })).status,
      403,
    );
    const bad = await t.request(
      'GET',
      '/api/v1/command/indicators?court=浙0106&from=2031-12-01&to=2031-01-01',
      { token: judge },
    );
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /from/);
  });
});
