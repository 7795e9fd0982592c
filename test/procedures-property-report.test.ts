import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, addMonths } from '../src/kernel/index.ts';
import { openPortalSession } from '../src/modules/disclosure/index.ts';
import { lateReportsJob, propertyReportOrders } from '../src/modules/procedures/index.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Property reports (报告财产令, DOMAIN §9; CPL art. 252) against the real PostgreSQL: the order on a
 * case's timeline opens each respondent's obligation, due in 5 days (practice); the respondent
 * reports through the party portal (or the team enters a paper report); a later change is a
 * supplement within 10 days of it; each report is compared with what the online inquiry found;
 * late or concealing reports bring proposals of a fine or detention and a listing on ground 4.
 */
const logger = createLogger('silent');
const day = 86_400_000;
let t: TestApp;
let judge: string;
let clerk: string;
let bailiff: string;
let otherCourtJudge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  clerk = await t.login('xihu.clerk');
  bailiff = await t.login('xihu.bailiff');
  otherCourtJudge = await t.login('shangcheng.judge');
});
after(() => t.close());

type Party = ReturnType<typeof aPerson>;
type Filed = { id: string; caseNumber: string; applicant: Party; respondents: Party[]; partyIds: string[] };

async function fileCase(respondentCount = 1): Promise<Filed> {
  const applicant = aPerson({ phone: '13700003333' });
  const respondents = Array.from({ length: respondentCount }, () => aPerson({ phone: '13700004444' }));
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [applicant], respondents }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const rows = await t.database.sql<{ id: string }[]>`
    select id from cases.parties where case_id = ${res.body.id} and role = 'respondent' order by position`;
  return {
    id: res.body.id,
    caseNumber: res.body.caseNumber,
    applicant,
    respondents,
    partyIds: rows.map((r) => r.id),
  };
}

/** Records the order and delivers its event to the subscriber, as the worker would. */
async function issueOrder(caseId: string): Promise<string> {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/nodes`, {
    token: judge,
    body: { kind: 'propertyReportOrderIssued', note: '报告财产令已送达' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await createOutboxDispatcher(t.appDatabase, [propertyReportOrders], logger).runOnce();
  return res.body.id;
}

async function portalToken(person: Party): Promise<string> {
  const { token } = await openPortalSession(t.appDatabase.db, {
    kind: 'party',
    subjectId: person.idNumber,
    name: person.name,
  });
  return token;
}

const portal = (token: string) => ({ authorization: `Bearer ${token}` });

function aReport(overrides: Record<string, unknown> = {}) {
  return {
    items: [
      {
        kind: 'deposit',
        description: '工资卡活期存款',
        institution: '中国工商银行',
        identifier: '1234',
        valueFen: 100_000,
      },
      {
        kind: 'securities',
        description: '股票账户',
        institution: '某证券公司',
        identifier: 'A000111',
        valueFen: 50_000,
      },
      { kind: 'income', description: '每月工资', valueFen: 800_000 },
    ],
    changesSinceOneYearBefore: '一年内未转让、赠与财产。',
    isDeclaredTrue: true,
    ...overrides,
  };
}

async function teamView(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/property-reports`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items;
}

/** What the online inquiry found for the respondent, as an institution's answer would have left it. */
async function found(
  caseId: string,
  partyId: string,
  asset: { type: string; identifier: string; value: number },
) {
  const [c] = await t.database.sql<
    { court_id: string }[]
  >`select court_id from cases.cases where id = ${caseId}`;
  const isBalance = asset.type === 'deposit';
  await t.database
    .sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name,
    institution, channel, asset_type, identifier, description, value_fen, balance_fen, first_request_id,
    last_request_id, first_answered_at, answered_at)
    values (${randomUUID()}, ${caseId}, ${c?.court_id ?? ''}, ${partyId}, '被执行人', ${isBalance ? '中国工商银行' : '不动产登记中心'},
      'national', ${asset.type}, ${asset.identifier}, '查控反馈', ${isBalance ? null : asset.value}, ${isBalance ? asset.value : null},
      ${randomUUID()}, ${randomUUID()}, now(), now())`;
}

async function reportRows(caseId: string): Promise<string> {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.property_reports where case_id = ${caseId}),
    (select string_agg(status, ',' order by respondent_name) from procedures.report_obligations where case_id = ${caseId}),
    (select count(*) from audit.records)) as n`;
  return row?.n ?? '';
}

function assertNames(
  res: { status: number; body: { error?: { details?: { path: string }[] } } },
  path: string,
) {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.ok(
    res.body.error?.details?.some((d) => d.path === path),
    `expected ${path}: ${JSON.stringify(res.body)}`,
  );
}

describe('the order opens the obligations', () => {
  test('one per respondent, due 5 days after the order (practice), covering changes since 1 year before; once per node', async () => {
    const c = await fileCase(2);
    const nodeId = await issueOrder(c.id);
    const items = await teamView(c.id);
    const today = clock.today();
    assert.equal(items.length, 2);
    for (const o of items) {
      assert.equal(o.status, 'awaiting');
      assert.equal(o.orderedOn, today);
      assert.equal(o.dueOn, addCalendarDays(today, 5));
      // CPL art. 252: changes since 1 year before the notice
      assert.equal(o.changesSince, addMonths(today, -12));
      assert.deepEqual(o.proposals, []);
      assert.deepEqual(o.differences, []);
    }
    // Delivered again (a retried delivery): nothing new.
    await t.database.sql`update platform.outbox_deliveries set state = 'pending'
      where subscriber = 'procedures.property-report-orders'`;
    await createOutboxDispatcher(t.appDatabase, [propertyReportOrders], logger).runOnce();
    const [n] = await t.database.sql<{ n: number }[]>`
      select count(*)::int as n from procedures.report_obligations where node_id = ${nodeId}`;
    assert.equal(n?.n, 2);
  });

  test('a respondent signs in to the portal by SMS code and reads the order', async () => {
    const c = await fileCase();
    await issueOrder(c.id);
    const [respondent] = c.respondents;
    assert.ok(respondent);
    // The code as the SMS would have brought it (disclosure's sign-in keeps only its hash).
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    const pairHash = sha256(`party|${c.caseNumber}|${respondent.idNumber}`);
    await t.database.sql`insert into disclosure.login_codes (pair_hash, code_hash, expires_at, sent_at)
      values (${pairHash}, ${sha256(`${pairHash}|135790`)}, now() + interval '5 minutes', now())`;
    const login = await t.request('POST', '/api/v1/party/login', {
      body: { caseNumber: c.caseNumber, idNumber: respondent.idNumber, code: '135790' },
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const res = await t.request('GET', `/api/v1/party/cases/${c.id}/property-report`, {
      headers: portal(login.body.token),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 1);
    assert.equal(res.body.items[0].status, 'awaiting');
    assert.deepEqual(res.body.rules, { reportPeriodDays: 5, changeReportDays: 10 });
    assert.equal(
      res.body.items[0].differences,
      undefined,
      'the comparison is the court’s, not the respondent’s',
    );
  });
});

describe('reporting through the portal', () => {
  test('the report is compared with the online inquiry: not reported, not found, value differs; proposals follow', async () => {
    const c = await fileCase();
    const [partyId] = c.partyIds;
    const [respondent] = c.respondents;
    assert.ok(partyId && respondent);
    await issueOrder(c.id);
    await found(c.id, partyId, { type: 'deposit', identifier: '6222020000001234', value: 5_000_000 });
    await found(c.id, partyId, {
      type: 'realEstate',
      identifier: '浙(2020)杭州市不动产权第0001号',
      value: 300_000_000,
    });
    const token = await portalToken(respondent);
    const res = await t.request('POST', `/api/v1/party/cases/${c.id}/property-report`, {
      headers: portal(token),
      body: aReport(),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.kind, 'initial');
    const [o] = await teamView(c.id);
    assert.equal(o.status, 'reported');
    assert.equal(o.source, 'portal');
    assert.equal(o.reportedAt, res.body.reportedAt);
    assert.equal(o.items.length, 3);
    assert.deepEqual(o.differences.map((d: { code: string; kind: string }) => [d.code, d.kind]).sort(), [
      ['notFound', 'securities'],
      ['notReported', 'realEstate'],
      ['valueDiffers', 'deposit'],
    ]);
    assert.deepEqual(
      o.proposals.map((p: { kind: string; ground: number | null }) => [p.kind, p.ground]),
      [
        ['sanction', null],
        ['dishonestListing', 4],
      ],
    );
    const told = await t.database.sql<{ kind: string }[]>`
      select kind from notify.messages where case_id = ${c.id} and channel = 'inApp'`;
    assert.ok(told.some((m) => m.kind === 'procedures.propertyReported'));
    const mine = await t.request('GET', `/api/v1/party/cases/${c.id}/property-report`, {
      headers: portal(token),
    });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.items[0].reports.length, 1);
  });

  test('only the respondent: the applicant is refused (403), a stranger finds no case (404), no token 401; nothing written', async () => {
    const c = await fileCase();
    await issueOrder(c.id);
    const before = await reportRows(c.id);
    const url = `/api/v1/party/cases/${c.id}/property-report`;
    const applicant = await portalToken(c.applicant);
    assert.equal((await t.request('POST', url, { headers: portal(applicant), body: aReport() })).status, 403);
    assert.equal((await t.request('GET', url, { headers: portal(applicant) })).status, 403);
    const stranger = await portalToken(aPerson());
    assert.equal((await t.request('POST', url, { headers: portal(stranger), body: aReport() })).status, 404);
    assert.equal((await t.request('POST', url, { body: aReport() })).status, 401);
    // A court user's session is no portal credential.
    assert.equal((await t.request('POST', url, { token: judge, body: aReport() })).status, 401);
    assert.equal(await reportRows(c.id), before);
  });

  test('validation names the field and writes nothing; without an order there is nothing to report (409)', async () => {
    const c = await fileCase();
    const [respondent] = c.respondents;
    assert.ok(respondent);
    const token = await portalToken(respondent);
    const url = `/api/v1/party/cases/${c.id}/property-report`;
    const noOrder = await t.request('POST', url, { headers: portal(token), body: aReport() });
    assert.equal(noOrder.status, 409);
    await issueOrder(c.id);
    const before = await reportRows(c.id);
    const send = (body: unknown) => t.request('POST', url, { headers: portal(token), body });
    assertNames(await send(aReport({ isDeclaredTrue: false })), 'isDeclaredTrue');
    assertNames(await send(aReport({ changesSinceOneYearBefore: '' })), 'changesSinceOneYearBefore');
    assertNames(await send(aReport({ items: [{ kind: 'gold', description: '金条' }] })), 'items.0.kind');
    assertNames(
      await send(aReport({ items: [{ kind: 'other', description: '字画\u0000' }] })),
      'items.0.description',
    );
    assertNames(
      await send(aReport({ items: [{ kind: 'other', description: '字画', valueFen: -1 }] })),
      'items.0.valueFen',
    );
    assertNames(
      await send(
        aReport({
          items: [{ kind: 'vehicle', description: '小汽车', changedOn: addCalendarDays(clock.today(), 1) }],
        }),
      ),
      'items.0.changedOn',
    );
    assert.equal(await reportRows(c.id), before);
    // Nothing to report is a report too.
    assert.equal((await send(aReport({ items: [] }))).status, 201);
  });

  test('a later change is a supplement, reported within 10 days of it (财产调查规定 art. 9)', async () => {
    const c = await fileCase();
    const [respondent] = c.respondents;
    assert.ok(respondent);
    await issueOrder(c.id);
    const token = await portalToken(respondent);
    const url = `/api/v1/party/cases/${c.id}/property-report`;
    assert.equal(
      (await t.request('POST', url, { headers: portal(token), body: aReport({ items: [] }) })).status,
      201,
    );
    const today = clock.today();
    const send = (items: unknown[]) =>
      t.request('POST', url, {
        headers: portal(token),
        body: aReport({ items, changesSinceOneYearBefore: '补充报告' }),
      });
    const before = await reportRows(c.id);
    assertNames(await send([{ kind: 'vehicle', description: '卖出小汽车' }]), 'items.0.changedOn');
    assertNames(await send([]), 'items');
    assert.equal(await reportRows(c.id), before);
    const inTime = await send([
      { kind: 'vehicle', description: '卖出小汽车', changedOn: addCalendarDays(today, -10) },
    ]);
    assert.equal(inTime.status, 201);
    assert.equal(inTime.body.kind, 'supplement');
    let [o] = await teamView(c.id);
    assert.deepEqual(
      o.differences.filter((d: { code: string }) => d.code === 'changeReportedLate'),
      [],
    );
    assert.deepEqual(o.proposals, []);
    const late = await send([
      { kind: 'other', description: '赠与字画', changedOn: addCalendarDays(today, -11) },
    ]);
    assert.equal(late.status, 201);
    [o] = await teamView(c.id);
    assert.deepEqual(
      o.differences
        .filter((d: { code: string }) => d.code === 'changeReportedLate')
        .map((d: { code: string; description: string }) => d.description),
      ['赠与字画'],
    );
    assert.equal(o.proposals.length, 2);
    assert.equal(o.reports.length, 3);
  });
});

describe('late, paper and refused reports', () => {
  test('5 days (practice): awaiting on the due date, late the day after; the nightly sweep marks it and tells the team once', async () => {
    const c = await fileCase();
    await issueOrder(c.id);
    try {
      await t.setClockOffset(5 * day);
      let [o] = await teamView(c.id);
      assert.equal(o.status, 'awaiting');
      await lateReportsJob.handle({ database: t.appDatabase, logger }, { slot: 'test' });
      const [stored] = await t.database.sql<{ status: string }[]>`
        select status from procedures.report_obligations where case_id = ${c.id}`;
      assert.equal(stored?.status, 'awaiting');
      await t.setClockOffset(6 * day);
      [o] = await teamView(c.id);
      assert.equal(o.status, 'late');
      assert.deepEqual(
        o.proposals.map((p: { kind: string; basis: string }) => p.kind),
        ['sanction', 'dishonestListing'],
      );
      assert.equal(o.proposals[1].route, `POST /api/v1/cases/${c.id}/dishonest`);
      await lateReportsJob.handle({ database: t.appDatabase, logger }, { slot: 'test' });
      await lateReportsJob.handle({ database: t.appDatabase, logger }, { slot: 'test' });
      const [marked] = await t.database.sql<{ status: string }[]>`
        select status from procedures.report_obligations where case_id = ${c.id}`;
      assert.equal(marked?.status, 'late');
      const told = await t.database.sql<{ n: number }[]>`
        select count(*)::int as n from notify.messages where case_id = ${c.id} and kind = 'procedures.reportLate'`;
      assert.equal(told[0]?.n, 2, 'the judge and the assistant, once each');
      // Reported late, it is reported all the same, and said to be late.
      const [respondent] = c.respondents;
      assert.ok(respondent);
      const res = await t.request('POST', `/api/v1/party/cases/${c.id}/property-report`, {
        headers: portal(await portalToken(respondent)),
        body: aReport({ items: [] }),
      });
      assert.equal(res.status, 201);
      [o] = await teamView(c.id);
      assert.equal(o.status, 'reported');
      assert.equal(o.isReportedLate, true);
    } finally {
      await t.setClockOffset(0);
    }
  });

  test('a paper report is entered by the team (clerk), not the bailiff; another court finds no case; the field is named', async () => {
    const c = await fileCase(2);
    await issueOrder(c.id);
    const [first, second] = c.partyIds;
    assert.ok(first && second);
    const url = `/api/v1/cases/${c.id}/property-reports`;
    const before = await reportRows(c.id);
    assert.equal(
      (await t.request('POST', url, { token: bailiff, body: { respondentPartyId: first, ...aReport() } }))
        .status,
      403,
    );
    assert.equal(
      (
        await t.request('POST', url, {
          token: otherCourtJudge,
          body: { respondentPartyId: first, ...aReport() },
        })
      ).status,
      404,
    );
    assert.equal((await t.request('GET', url, { token: otherCourtJudge })).status, 404);
    const [applicant] = await t.database.sql<{ id: string }[]>`
      select id from cases.parties where case_id = ${c.id} and role = 'applicant'`;
    assertNames(
      await t.request('POST', url, {
        token: clerk,
        body: { respondentPartyId: applicant?.id, ...aReport() },
      }),
      'respondentPartyId',
    );
    assert.equal(await reportRows(c.id), before);
    const res = await t.request('POST', url, {
      token: clerk,
      body: { respondentPartyId: second, ...aReport() },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const items = await teamView(c.id);
    const paper = items.find((o: { respondentPartyId: string }) => o.respondentPartyId === second);
    assert.equal(paper.source, 'paper');
    assert.equal(paper.status, 'reported');
    const other = items.find((o: { respondentPartyId: string }) => o.respondentPartyId === first);
    assert.equal(other.status, 'awaiting');
  });

  test('a refusal is recorded once, brings the proposals, and cannot follow a report (409)', async () => {
    const c = await fileCase(2);
    await issueOrder(c.id);
    const [first, second] = c.partyIds;
    assert.ok(first && second);
    const url = `/api/v1/cases/${c.id}/property-reports/refusals`;
    const refused = await t.request('POST', url, {
      token: judge,
      body: { respondentPartyId: first, note: '被执行人当面拒绝报告财产。' },
    });
    assert.equal(refused.status, 201, JSON.stringify(refused.body));
    const before = await reportRows(c.id);
    const again = await t.request('POST', url, {
      token: judge,
      body: { respondentPartyId: first, note: '再次拒绝。' },
    });
    assert.equal(again.status, 409);
    assertNames(
      await t.request('POST', url, { token: judge, body: { respondentPartyId: first, note: '' } }),
      'note',
    );
    assert.equal(await reportRows(c.id), before);
    const o = (await teamView(c.id)).find(
      (x: { respondentPartyId: string }) => x.respondentPartyId === first,
    );
    assert.equal(o.status, 'refused');
    assert.equal(o.refusalNote, '被执行人当面拒绝报告财产。');
    assert.equal(o.proposals.length, 2);
    const paper = await t.request('POST', `/api/v1/cases/${c.id}/property-reports`, {
      token: clerk,
      body: { respondentPartyId: second, ...aReport() },
    });
    assert.equal(paper.status, 201);
    const afterReport = await t.request('POST', url, {
      token: judge,
      body: { respondentPartyId: second, note: '拒绝。' },
    });
    assert.equal(afterReport.status, 409);
  });
});
