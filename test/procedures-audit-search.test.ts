import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { addCalendarDays } from '../src/kernel/index.ts';
import { drawLottery, verifyLottery } from '../src/modules/disposal/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Audit investigation (财产调查规定 arts. 17–21, DOMAIN §9) and search (CPL art. 259) against the real
 * PostgreSQL: the administrator's list of audit institutions; the applicant's written application
 * against a company, decided by the case judge within 10 days (late decisions shown as late);
 * granted, the roster and the commitment to a secret seed are published, then the auditor is drawn
 * and anyone recomputes the draw from the public record; the judge's request for a search warrant,
 * signed by a court leader (within 7 days), the search record within the warrant's 30 days
 * (practice) and "debtorSearched" on the timeline. Every refusal writes nothing.
 */
let t: TestApp;
let admin: string;
let judge: string;
let judge2: string;
let assistant: string;
let bailiff: string;
let president: string;
let otherCourtJudge: string;
const day = 86_400_000;

before(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  judge = await t.login('xihu.judge');
  judge2 = await t.login('xihu.judge2');
  assistant = await t.login('xihu.assistant');
  bailiff = await t.login('xihu.bailiff');
  president = await t.login('xihu.president');
  otherCourtJudge = await t.login('shangcheng.judge');
});
after(() => t.close());

type Filed = { id: string; applicantId: string; respondentId: string };

async function fileCase(respondent: Record<string, unknown> = aCompany(), token = judge): Promise<Filed> {
  const res = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({ respondents: [respondent] }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token });
  return {
    id: res.body.id,
    applicantId: detail.body.applicants[0].id,
    respondentId: detail.body.respondents[0].id,
  };
}

function anApplication(c: Filed, overrides: Record<string, unknown> = {}) {
  return {
    applicantPartyId: c.applicantId,
    respondentPartyId: c.respondentId,
    ground: 'hidingOrTransferringAssets',
    reason: '被执行人停业后账户资金去向不明，疑似转移财产',
    receivedOn: clock.today(),
    ...overrides,
  };
}

async function apply(c: Filed, token = judge, overrides: Record<string, unknown> = {}) {
  return t.request('POST', `/api/v1/cases/${c.id}/audit-applications`, {
    token,
    body: anApplication(c, overrides),
  });
}

async function decide(id: string, body: Record<string, unknown>, token = judge) {
  return t.request('POST', `/api/v1/audit-applications/${id}/decide`, { token, body });
}

async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.audit_applications where case_id = ${caseId}),
    (select string_agg(state, ',' order by id) from procedures.audit_applications where case_id = ${caseId}),
    (select count(*) from procedures.audit_lotteries l join procedures.audit_applications a
       on a.id = l.application_id where a.case_id = ${caseId}),
    (select count(*) from procedures.audit_lotteries l join procedures.audit_applications a
       on a.id = l.application_id where a.case_id = ${caseId} and l.drawn_at is not null),
    (select count(*) from procedures.searches where case_id = ${caseId}),
    (select string_agg(state, ',' order by id) from procedures.searches where case_id = ${caseId}),
    (select count(*) from cases.nodes where case_id = ${caseId})) as n`;
  return row?.n;
}

test('no institution on the list: a grant is refused and nothing is written', async () => {
  const c = await fileCase();
  const applied = await apply(c);
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const before = await footprint(c.id);
  const refused = await decide(applied.body.id, { decision: 'grant' });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error.details[0].path, 'decision');
  assert.equal(await footprint(c.id), before);
});

test('the administrator keeps the list of audit institutions for their court and the courts below', async () => {
  const code = aCompany().creditCode;
  const add = (token: string, body: Record<string, unknown>) =>
    t.request('POST', '/api/v1/admin/audit-institutions', { token, body });
  assert.equal((await add(judge, { name: '某会计师事务所' })).status, 403);
  const badCode = await add(admin, { name: '某会计师事务所', creditCode: '91330106MA2XXXXX00' });
  assert.equal(badCode.status, 400);
  assert.equal(badCode.body.error.details[0].path, 'creditCode');
  for (const name of ['浙江天平会计师事务所', '浙江中汇会计师事务所', '立信会计师事务所浙江分所']) {
    const added = await add(admin, { name, creditCode: code });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  const twice = await add(admin, { name: '浙江天平会计师事务所' });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error.details[0].path, 'name');
  // An administrator of Hangzhou keeps one for Hangzhou's courts only.
  await t.database.sql`insert into identity.users (id, username, display_name, password_hash, court_id, roles)
    select gen_random_uuid(), 'hz.admin', '杭州管理员', password_hash, c.id, array['admin']
    from identity.users u, identity.courts c where u.username = 'admin' and c.court_code = '浙01'`;
  const hzAdmin = await t.login('hz.admin');
  assert.equal((await add(hzAdmin, { name: '杭州审计事务所' })).status, 201);
  const national = await t.request('GET', '/api/v1/admin/audit-institutions', { token: admin });
  assert.equal(national.body.items.length, 4);
  const hz = await t.request('GET', '/api/v1/admin/audit-institutions', { token: hzAdmin });
  assert.equal(hz.body.items.length, 4, 'the national list serves Hangzhou too');
  assert.equal((await t.request('GET', '/api/v1/admin/audit-institutions', { token: judge })).status, 403);
});

test('财产调查规定 art. 17: a written application against a company, recorded by the team', async () => {
  const person = await fileCase(aPerson());
  const c = await fileCase();
  const before = [await footprint(person.id), await footprint(c.id)];
  const natural = await apply(person);
  assert.equal(natural.status, 400);
  assert.equal(natural.body.error.details[0].path, 'respondentPartyId');
  assert.equal((await apply(c, judge2)).status, 403);
  assert.equal((await apply(c, otherCourtJudge)).status, 404);
  const wrongParty = await apply(c, judge, { applicantPartyId: c.respondentId });
  assert.equal(wrongParty.body.error.details[0].path, 'applicantPartyId');
  const future = await apply(c, judge, { receivedOn: addCalendarDays(clock.today(), 1) });
  assert.equal(future.body.error.details[0].path, 'receivedOn');
  const beforeFiling = await apply(c, judge, { receivedOn: addCalendarDays(clock.today(), -1) });
  assert.equal(beforeFiling.body.error.details[0].path, 'receivedOn');
  assert.deepEqual([await footprint(person.id), await footprint(c.id)], before);

  const recorded = await apply(c, assistant);
  assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
  assert.equal(recorded.body.state, 'pending');
  assert.equal(recorded.body.dueOn, addCalendarDays(clock.today(), 10));
  assert.equal(recorded.body.isLate, false);
  assert.equal(recorded.body.feeAdvancedBy, 'applicant');
  assert.equal((await apply(c)).status, 409, 'one undecided application per respondent');
  const listed = await t.request('GET', `/api/v1/cases/${c.id}/audit-applications`, { token: bailiff });
  assert.equal(listed.body.items.length, 1);
  assert.equal(
    (await t.request('GET', `/api/v1/cases/${c.id}/audit-applications`, { token: otherCourtJudge })).status,
    404,
  );
});

test('the judge grants; the auditor is drawn by the verifiable lottery and anyone recomputes it', async () => {
  const c = await fileCase();
  const applied = await apply(c);
  const id = applied.body.id;
  const before = await footprint(c.id);
  assert.equal((await decide(id, { decision: 'grant' }, assistant)).status, 403);
  assert.equal((await decide(id, { decision: 'grant' }, otherCourtJudge)).status, 404);
  const noReason = await decide(id, { decision: 'reject' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.details[0].path, 'reason');
  assert.equal(await footprint(c.id), before);

  const granted = await decide(id, { decision: 'grant' });
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  assert.equal(granted.body.state, 'granted');
  assert.equal(granted.body.decidedOn, clock.today());
  assert.equal((await decide(id, { decision: 'reject', reason: '改变主意' })).status, 409);
  // Published before the draw: the roster and the commitment, never the seed.
  const published = await t.request('GET', `/api/v1/audit-lotteries/${granted.body.lotteryId}`);
  assert.equal(published.status, 200);
  assert.equal(published.body.seed, null);
  assert.equal(published.body.result, null);
  assert.match(published.body.commitment, /^[0-9a-f]{64}$/);
  assert.equal(published.body.roster.length, 4);

  const draw = (token: string) =>
    t.request('POST', `/api/v1/audit-applications/${id}/draw`, { token, body: { witness: '2718' } });
  assert.equal((await draw(assistant)).status, 403);
  const drawn = await draw(judge);
  assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
  assert.equal((await draw(judge)).status, 409);
  const record = (await t.request('GET', `/api/v1/audit-lotteries/${granted.body.lotteryId}`)).body;
  assert.deepEqual(record, drawn.body);
  assert.equal(record.roster[0].name, published.body.roster[0].name, 'the roster as published');
  assert.equal(record.commitment, published.body.commitment);
  // Anyone: the commitment is SHA-256 of the revealed seed, and the draw recomputes.
  assert.equal(createHash('sha256').update(Buffer.from(record.seed, 'hex')).digest('hex'), record.commitment);
  const rosterIds = record.roster.map((r: { institutionId: string }) => r.institutionId);
  const again = drawLottery({ rosterIds, seedHex: record.seed, witness: '2718', count: 1 });
  assert.deepEqual(
    again,
    record.result.map((r: { position: number }) => r.position),
  );
  assert.ok(
    verifyLottery({
      rosterIds,
      commitment: record.commitment,
      seedHex: record.seed,
      witness: record.witness,
      result: again,
    }),
  );
  const listed = await t.request('GET', `/api/v1/cases/${c.id}/audit-applications`, { token: judge });
  assert.equal(listed.body.items[0].state, 'auditorDrawn');
  assert.equal(listed.body.items[0].auditor.name, record.result[0].name);
});

test('the roster of a case holds the institutions serving its court only', async () => {
  const c = await fileCase(aCompany(), await t.login('haishu.judge'));
  const applied = await apply(c, await t.login('haishu.judge'));
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const granted = await decide(applied.body.id, { decision: 'grant' }, await t.login('haishu.judge'));
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  const lottery = await t.request('GET', `/api/v1/audit-lotteries/${granted.body.lotteryId}`);
  const names = lottery.body.roster.map((r: { name: string }) => r.name);
  assert.equal(names.length, 3);
  assert.ok(!names.includes('杭州审计事务所'), 'Hangzhou’s institution does not serve Ningbo');
});

test('a decision after the 10 days is taken and shown as late; a rejection states its reasons', async () => {
  const c = await fileCase();
  const applied = await apply(c);
  try {
    await t.setClockOffset(11 * day);
    const waiting = await t.request('GET', `/api/v1/cases/${c.id}/audit-applications`, { token: judge });
    assert.equal(waiting.body.items[0].isLate, true);
    const rejected = await decide(applied.body.id, { decision: 'reject', reason: '申请人未提供初步证据' });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.state, 'rejected');
    assert.equal(rejected.body.isLate, true);
    assert.equal(rejected.body.decisionReason, '申请人未提供初步证据');
    assert.equal(rejected.body.lotteryId, null);
  } finally {
    await t.setClockOffset(0);
  }
});

function aSearchRecord(overrides: Record<string, unknown> = {}) {
  return {
    searchedOn: clock.today(),
    place: '被执行人住所',
    officers: ['林立', '赵强'],
    witnesses: ['被执行人之妻', '社区工作人员'],
    findings: '在车库发现被执行人名下车辆一辆，已当场扣押。',
    signatureNote: '被执行人拒绝签名',
    ...overrides,
  };
}

test('CPL art. 259: the judge asks, a court leader signs, the team records the search on the timeline', async () => {
  const c = await fileCase(aPerson());
  const request = (token: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/api/v1/cases/${c.id}/searches`, {
      token,
      body: {
        respondentPartyId: c.respondentId,
        places: '被执行人住所',
        reason: '拒不履行并隐匿车辆',
        ...body,
      },
    });
  const before = await footprint(c.id);
  assert.equal((await request(assistant)).status, 403);
  assert.equal((await request(otherCourtJudge)).status, 404);
  const wrong = await request(judge, { respondentPartyId: c.applicantId });
  assert.equal(wrong.body.error.details[0].path, 'respondentPartyId');
  assert.equal(await footprint(c.id), before);

  const requested = await request(judge);
  assert.equal(requested.status, 201, JSON.stringify(requested.body));
  assert.equal(requested.body.state, 'requested');
  assert.equal(requested.body.approvalDueOn, addCalendarDays(clock.today(), 7));
  assert.equal((await request(judge)).status, 409, 'one warrant in progress per respondent');
  const [told] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from notify.messages
    where case_id = ${c.id} and kind = 'procedures.searchWarrantRequested'`;
  assert.ok((told?.n ?? 0) >= 1, 'the court leaders are told');

  const id = requested.body.id;
  const record = (token: string, body = aSearchRecord()) =>
    t.request('POST', `/api/v1/searches/${id}/record`, { token, body });
  const approve = (token: string) =>
    t.request('POST', `/api/v1/searches/${id}/approve`, { token, body: { note: '同意' } });
  const unsigned = await footprint(c.id);
  assert.equal((await record(judge)).status, 409, 'no search before the warrant is signed');
  assert.equal((await approve(judge)).status, 403);
  assert.equal((await approve(await t.login('hz.command'))).status, 403);
  assert.equal((await approve(otherCourtJudge)).status, 404);
  assert.equal(await footprint(c.id), unsigned);

  const signed = await approve(president);
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  assert.equal(signed.body.state, 'approved');
  assert.equal(signed.body.approvedOn, clock.today());
  assert.equal(signed.body.warrantValidUntil, addCalendarDays(clock.today(), 30));
  assert.equal((await approve(president)).status, 409);

  const beforeRecord = await footprint(c.id);
  assert.equal((await record(judge2)).status, 403);
  const future = await record(bailiff, aSearchRecord({ searchedOn: addCalendarDays(clock.today(), 1) }));
  assert.equal(future.body.error.details[0].path, 'searchedOn');
  const early = await record(bailiff, aSearchRecord({ searchedOn: addCalendarDays(clock.today(), -1) }));
  assert.equal(early.body.error.details[0].path, 'searchedOn');
  const noOfficer = await record(bailiff, aSearchRecord({ officers: [] }));
  assert.equal(noOfficer.status, 400);
  assert.equal(await footprint(c.id), beforeRecord);

  const searched = await record(bailiff);
  assert.equal(searched.status, 200, JSON.stringify(searched.body));
  assert.equal(searched.body.state, 'searched');
  assert.deepEqual(searched.body.record.officers, ['林立', '赵强']);
  assert.equal((await record(judge)).status, 409);
  const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
  const searchedNodes = detail.body.nodes.filter((n: { kind: string }) => n.kind === 'debtorSearched');
  assert.equal(searchedNodes.length, 1);
  assert.equal(searchedNodes[0].id, searched.body.record.nodeId);
  assert.match(searchedNodes[0].note, /搜查/);
  const listed = await t.request('GET', `/api/v1/cases/${c.id}/searches`, { token: assistant });
  assert.equal(listed.body.items[0].record.findings, '在车库发现被执行人名下车辆一辆，已当场扣押。');
  // With the warrant executed, a new one may be asked for.
  assert.equal((await request(judge)).status, 201);
});

test('a warrant unsigned after 7 days is overdue; one not executed within 30 days (practice) has lapsed', async () => {
  const c = await fileCase(aPerson());
  const requested = await t.request('POST', `/api/v1/cases/${c.id}/searches`, {
    token: judge,
    body: { respondentPartyId: c.respondentId, places: '被执行人经营场所', reason: '隐匿账簿' },
  });
  const id = requested.body.id;
  try {
    await t.setClockOffset(8 * day);
    const listed = await t.request('GET', `/api/v1/cases/${c.id}/searches`, { token: judge });
    assert.equal(listed.body.items[0].isApprovalOverdue, true);
    const signed = await t.request('POST', `/api/v1/searches/${id}/approve`, { token: president });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.isApprovalOverdue, true);
    await t.setClockOffset(39 * day);
    const lapsed = await t.request('POST', `/api/v1/searches/${id}/record`, {
      token: judge,
      body: aSearchRecord({ searchedOn: clock.today() }),
    });
    assert.equal(lapsed.status, 400);
    assert.equal(lapsed.body.error.details[0].path, 'searchedOn');
  } finally {
    await t.setClockOffset(0);
  }
});
