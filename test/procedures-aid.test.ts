import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, addWorkingDays } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * State judicial aid (司法救助; 法发〔2016〕16号 "意见"; 办理程序规定 2019) and the special-case list
 * against the real PostgreSQL: the judge applies for an applicant in hardship, a court leader
 * approves within the cap — 36 months of the court's monthly wage, never more than what is
 * outstanding — or rejects, the payment is recorded with its bank reference and on the timeline,
 * and later recoveries owe the aid first. One aid per party per case. The open special cases of the
 * court list livelihood cases first. Every refusal writes nothing.
 */
let t: TestApp;
let judge: string;
let assistant: string;
let president: string;
let otherCourtJudge: string;
let admin: string;
const day = 86_400_000;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  president = await t.login('xihu.president');
  otherCourtJudge = await t.login('shangcheng.judge');
  admin = await t.login('admin');
});
after(() => t.close());

type Case = { id: string; applicantId: string; respondentId: string };

async function fileCase(overrides: Record<string, unknown> = {}, token = judge): Promise<Case> {
  const res = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({ applicants: [aPerson()], respondents: [aPerson()], ...overrides }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await caseOf(res.body.id, token);
  return { id: res.body.id, applicantId: detail.applicants[0].id, respondentId: detail.respondents[0].id };
}

async function caseOf(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

function application(c: Case, overrides: Record<string, unknown> = {}) {
  return {
    applicantPartyId: c.applicantId,
    reason: '被执行人无财产可供执行，申请执行人因交通事故致残。',
    hardshipFacts: '申请执行人丧失劳动能力，家庭无其他收入来源。',
    requestedAmountFen: 5_000_000,
    ...overrides,
  };
}

async function apply(c: Case, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', `/api/v1/cases/${c.id}/judicial-aid`, {
    token: judge,
    body: application(c, overrides),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function decide(aidId: string, body: Record<string, unknown>, token = president) {
  return t.request('POST', `/api/v1/judicial-aid/${aidId}/decide`, {
    token,
    body: { reason: '经审查，申请执行人确因执行不能陷入生活困难。', ...body },
  });
}

async function pay(aidId: string, body: Record<string, unknown> = {}, token = judge) {
  return t.request('POST', `/api/v1/judicial-aid/${aidId}/payment`, {
    token,
    body: { paidOn: clock.today(), bankReference: 'SFJZ20260001', ...body },
  });
}

async function aidOf(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/judicial-aid`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Rows of everything an aid request may write. */
async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.judicial_aid where case_id = ${caseId}),
    (select string_agg(status || ':' || coalesce(approved_fen::text, '-'), ',' order by created_at)
      from procedures.judicial_aid where case_id = ${caseId}),
    (select count(*) from cases.nodes where case_id = ${caseId}),
    (select status from cases.cases where id = ${caseId}),
    (select count(*) from audit.records where object_id = ${caseId}::text and action like 'procedures.judicial-aid.%'
      and action <> 'procedures.judicial-aid.view')) as n`;
  return row?.n;
}

describe('POST /api/v1/cases/{id}/judicial-aid', () => {
  test('the judge applies for the applicant: pending, to be decided in 10 working days (practice)', async () => {
    const c = await fileCase();
    const res = await t.request('POST', `/api/v1/cases/${c.id}/judicial-aid`, {
      token: judge,
      body: application(c),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // (practice) 10 working days from filing the aid case.
    assert.equal(res.body.decisionDueOn, addWorkingDays(clock.today(), 10));
    const aid = await aidOf(c.id);
    assert.equal(aid.outstandingFen, 12_345_600);
    // 意见 part 3: 36 months of the wage (the demo figure, 10,000 yuan, until the court sets one),
    // capped by the outstanding claim: 36 × 10,000 = 360,000 yuan > 123,456 yuan outstanding.
    assert.deepEqual(aid.monthlyWage, { year: null, monthlyWageFen: 1_000_000, isDemoDefault: true });
    assert.equal(aid.capFen, 12_345_600);
    const [item] = aid.items;
    assert.equal(item.status, 'pending');
    assert.equal(item.applicant.id, c.applicantId);
    assert.equal(item.requestedFen, 5_000_000);
    assert.equal(item.isDecisionOverdue, false);
    assert.equal(item.decision, null);
  });

  test('an organisation, a respondent, another court or the assistant are refused; nothing is written', async () => {
    const company = await fileCase({ applicants: [aCaseBody().applicants[0]] });
    const before = await footprint(company.id);
    const organisation = await t.request('POST', `/api/v1/cases/${company.id}/judicial-aid`, {
      token: judge,
      body: application(company),
    });
    assert.equal(organisation.status, 400);
    assert.equal(organisation.body.error.details[0].path, 'applicantPartyId');
    const respondent = await t.request('POST', `/api/v1/cases/${company.id}/judicial-aid`, {
      token: judge,
      body: application(company, { applicantPartyId: company.respondentId }),
    });
    assert.equal(respondent.status, 400);
    const byAssistant = await t.request('POST', `/api/v1/cases/${company.id}/judicial-aid`, {
      token: assistant,
      body: application(company),
    });
    assert.equal(byAssistant.status, 403);
    const outside = await t.request('POST', `/api/v1/cases/${company.id}/judicial-aid`, {
      token: otherCourtJudge,
      body: application(company),
    });
    assert.equal(outside.status, 404);
    assert.equal(await footprint(company.id), before);
  });

  test('意见 (一次性救助): a second application for the same party is refused while one stands', async () => {
    const c = await fileCase();
    const first = await apply(c);
    const before = await footprint(c.id);
    const again = await t.request('POST', `/api/v1/cases/${c.id}/judicial-aid`, {
      token: judge,
      body: application(c),
    });
    assert.equal(again.status, 409);
    assert.equal(await footprint(c.id), before);
    // Rejected, the party may apply again (with new facts).
    const rejected = await decide(first, { decision: 'reject', reason: '申请人有稳定收入。' });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.status, 'rejected');
    await apply(c, { hardshipFacts: '申请人失业，家庭收入来源中断。' });
  });

  test('a decision not made in 10 working days shows as overdue', async () => {
    const c = await fileCase();
    await apply(c);
    try {
      await t.setClockOffset(20 * day);
      const [item] = (await aidOf(c.id)).items;
      assert.equal(item.isDecisionOverdue, true);
    } finally {
      await t.setClockOffset(0);
    }
  });
});

describe('POST /api/v1/judicial-aid/{id}/decide', () => {
  test('意见 part 3: the court’s wage × 36 is the cap; more is refused naming the amount', async () => {
    const year = Number(clock.today().slice(0, 4)) - 1;
    const wage = await t.request('PUT', '/api/v1/judicial-aid/monthly-wage', {
      token: president,
      body: { year, monthlyWageFen: 800_000 },
    });
    assert.equal(wage.status, 200, JSON.stringify(wage.body));
    // 8,000 yuan × 36 = 288,000 yuan.
    assert.equal(wage.body.capFen, 28_800_000);
    const c = await fileCase({ claimAmountFen: 50_000_000 });
    const aidId = await apply(c, { requestedAmountFen: 30_000_000 });
    assert.equal((await aidOf(c.id)).capFen, 28_800_000);
    const before = await footprint(c.id);
    const over = await decide(aidId, { decision: 'approve', amountFen: 28_800_001 });
    assert.equal(over.status, 400);
    assert.equal(over.body.error.details[0].path, 'amountFen');
    assert.match(over.body.error.details[0].message, /288,000\.00元/);
    const noAmount = await decide(aidId, { decision: 'approve' });
    assert.equal(noAmount.status, 400);
    assert.equal(noAmount.body.error.details[0].path, 'amountFen');
    const byJudge = await decide(aidId, { decision: 'approve', amountFen: 1_000_000 }, judge);
    assert.equal(byJudge.status, 403);
    assert.equal(await footprint(c.id), before);
    const ok = await decide(aidId, { decision: 'approve', amountFen: 28_800_000 });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { id: aidId, status: 'approved', approvedFen: 28_800_000, capFen: 28_800_000 });
    const [item] = (await aidOf(c.id)).items;
    assert.equal(item.decision.monthlyWageFen, 800_000);
    const again = await decide(aidId, { decision: 'reject' });
    assert.equal(again.status, 409);
  });

  test('the cap never exceeds what is outstanding', async () => {
    const c = await fileCase({ claimAmountFen: 2_000_000 });
    const aidId = await apply(c, { requestedAmountFen: 2_000_000 });
    const over = await decide(aidId, { decision: 'approve', amountFen: 2_000_001 });
    assert.equal(over.status, 400);
    const ok = await decide(aidId, { decision: 'approve', amountFen: 2_000_000 });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.capFen, 2_000_000);
  });

  test('the monthly wage is the previous year’s or earlier, set by a court leader only', async () => {
    const currentYear = Number(clock.today().slice(0, 4));
    const thisYear = await t.request('PUT', '/api/v1/judicial-aid/monthly-wage', {
      token: president,
      body: { year: currentYear, monthlyWageFen: 800_000 },
    });
    assert.equal(thisYear.status, 400);
    assert.equal(thisYear.body.error.details[0].path, 'year');
    const byJudge = await t.request('PUT', '/api/v1/judicial-aid/monthly-wage', {
      token: judge,
      body: { year: currentYear - 1, monthlyWageFen: 800_000 },
    });
    assert.equal(byJudge.status, 403);
  });
});

describe('POST /api/v1/judicial-aid/{id}/payment', () => {
  test('paid with its bank reference, on the timeline; later recoveries repay the aid first', async () => {
    const c = await fileCase();
    const aidId = await apply(c);
    const before = await footprint(c.id);
    const early = await pay(aidId);
    assert.equal(early.status, 409);
    assert.equal(await footprint(c.id), before);
    assert.equal((await decide(aidId, { decision: 'approve', amountFen: 3_000_000 })).status, 200);
    const future = await pay(aidId, { paidOn: addCalendarDays(clock.today(), 1) });
    assert.equal(future.status, 400);
    assert.equal(future.body.error.details[0].path, 'paidOn');
    const byClerk = await pay(aidId, {}, await t.login('xihu.clerk'));
    assert.equal(byClerk.status, 403);
    const res = await pay(aidId, { note: '已转入申请执行人账户' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      id: aidId,
      status: 'paid',
      paidFen: 3_000_000,
      isNodeRecorded: true,
      repayFromRecoveryFen: 3_000_000,
    });
    const node = (await caseOf(c.id)).nodes.find((n: { kind: string; note: string }) =>
      n.note.startsWith('司法救助'),
    );
    assert.equal(node.kind, 'other');
    assert.match(node.note, /30,000\.00元.*SFJZ20260001.*优先偿还救助金/);
    const [item] = (await aidOf(c.id)).items;
    assert.equal(item.status, 'paid');
    assert.deepEqual(item.payment.bankReference, 'SFJZ20260001');
    assert.equal(item.repayFromRecoveryFen, 3_000_000);
    // The debt stands: the case's claim is not reduced by the aid.
    assert.equal((await caseOf(c.id)).recoveredFen, 0);
    assert.equal((await pay(aidId)).status, 409);
  });

  test('a court leader records it in the judge’s name; a closed case gets no node', async () => {
    const c = await fileCase();
    const aidId = await apply(c);
    assert.equal((await decide(aidId, { decision: 'approve', amountFen: 1_000_000 })).status, 200);
    const close = await t.request('POST', `/api/v1/cases/${c.id}/close`, {
      token: judge,
      body: { closingType: 'terminated', reason: '申请执行人死亡，无遗产可供执行。' },
    });
    assert.equal(close.status, 200, JSON.stringify(close.body));
    const nodesBefore = (await caseOf(c.id)).nodes.length;
    const res = await pay(aidId, {}, president);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.isNodeRecorded, false);
    assert.equal((await caseOf(c.id)).nodes.length, nodesBefore);

    const open = await fileCase();
    const openAid = await apply(open);
    assert.equal((await decide(openAid, { decision: 'approve', amountFen: 1_000_000 })).status, 200);
    assert.equal((await pay(openAid, {}, president)).status, 201);
    const node = (await caseOf(open.id)).nodes.find((n: { note: string }) => n.note.startsWith('司法救助'));
    assert.match(node.note, /登记）$/);
    assert.equal(node.actor.displayName, (await caseOf(open.id)).team.judge.displayName);
  });
});

describe('GET /api/v1/cases/{id}/judicial-aid', () => {
  test('the case team and the court’s leaders read it, each read audited with its purpose', async () => {
    const c = await fileCase();
    await apply(c);
    assert.equal((await aidOf(c.id, assistant)).items.length, 1);
    assert.equal((await aidOf(c.id, president)).items.length, 1);
    const res = await t.request('GET', `/api/v1/cases/${c.id}/judicial-aid`, {
      token: judge,
      headers: { 'x-zhixing-purpose': encodeURIComponent('救助审查 / aid review') },
    });
    assert.equal(res.status, 200);
    const [audit] = await t.database.sql<{ purpose: string }[]>`select purpose from audit.records
      where object_id = ${c.id} and action = 'procedures.judicial-aid.view' order by id desc limit 1`;
    assert.equal(audit?.purpose, '救助审查 / aid review');
    const judge2 = await t.login('xihu.judge2');
    assert.equal(
      (await t.request('GET', `/api/v1/cases/${c.id}/judicial-aid`, { token: judge2 })).status,
      403,
    );
    const outside = await t.request('GET', `/api/v1/cases/${c.id}/judicial-aid`, { token: otherCourtJudge });
    assert.equal(outside.status, 404);
    const unknown = await t.request('POST', `/api/v1/judicial-aid/${randomUUID()}/decide`, {
      token: president,
      body: { decision: 'reject', reason: '无此案' },
    });
    assert.equal(unknown.status, 404);
  });
});

describe('GET /api/v1/cases/special', () => {
  test('open special cases of the court: livelihood first, with status and next deadline; by kind', async () => {
    const organ = await fileCase({ flags: ['stateOrgan'] });
    const military = await fileCase({ flags: ['military'] });
    const livelihood = await fileCase({ flags: ['livelihood', 'enterprise'] });
    const closed = await fileCase({ flags: ['livelihood'] });
    const plain = await fileCase({ flags: ['enterprise'] });
    const close = await t.request('POST', `/api/v1/cases/${closed.id}/close`, {
      token: judge,
      body: { closingType: 'withdrawn', reason: '申请执行人撤回申请。' },
    });
    assert.equal(close.status, 200, JSON.stringify(close.body));
    const res = await t.request('GET', '/api/v1/cases/special', { token: assistant });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const ids = res.body.items.map((i: { caseId: string }) => i.caseId);
    assert.equal(ids[0], livelihood.id);
    assert.ok(ids.includes(organ.id) && ids.includes(military.id));
    assert.ok(!ids.includes(closed.id) && !ids.includes(plain.id));
    const [first] = res.body.items;
    assert.equal(first.hasPayoutPriority, true);
    assert.deepEqual(first.kinds, [{ zh: '涉民生', en: "People's livelihood" }]);
    assert.equal(first.status, 'filed');
    assert.ok(first.nextDeadline === null || typeof first.nextDeadline.dueOn === 'string');
    assert.equal(first.judge.displayName.length > 0, true);
    const onlyOrgans = await t.request('GET', '/api/v1/cases/special?kind=stateOrgan', { token: judge });
    assert.deepEqual(
      onlyOrgans.body.items.map((i: { caseId: string }) => i.caseId),
      [organ.id],
    );
    const bad = await t.request('GET', '/api/v1/cases/special?kind=enterprise', { token: judge });
    assert.equal(bad.status, 400);
    // Another court sees none of them; an administrator is no case officer.
    const other = await t.request('GET', '/api/v1/cases/special', { token: otherCourtJudge });
    assert.deepEqual(other.body.items, []);
    assert.equal((await t.request('GET', '/api/v1/cases/special', { token: admin })).status, 403);
  });
});
