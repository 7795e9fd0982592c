import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, makeCreditCode, rollForwardToWorkingDay } from '../src/kernel/index.ts';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Execution to bankruptcy (执转破; CPL-I arts. 511–514; 法发〔2017〕2号) against the real PostgreSQL:
 * the criteria of each respondent from what inquiry found and the cases against the same credit
 * code; the judge's referral with the written consent suspends the case and sets its periods (5
 * days to serve, 15 from the consent to transfer (practice), 30 for the receiving court); the
 * dossier is the transfer package; the ruling resumes the case, keeps it suspended, or closes it as
 * 终结执行. Every refusal writes nothing.
 */
let t: TestApp;
let judge: string;
let assistant: string;
let president: string;
let otherCourtJudge: string;
const institution = 'bankruptcy-test-bank';
const day = 86_400_000;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  president = await t.login('xihu.president');
  otherCourtJudge = await t.login('shangcheng.judge');
  await insertInstitution(t.database.db, {
    code: institution,
    name: '测试银行',
    kind: 'bank',
    channel: 'national',
    baseUrl: 'http://127.0.0.1:9/',
    signingKey: 'bankruptcy-test-signing-key-01',
    assetTypes: ['deposit'],
    operations: ['query'],
    concurrency: 1,
    ratePerSecond: 0,
    isEnabled: false,
    maxAttempts: 1,
    retryBaseSeconds: 1,
    pollAfterSeconds: 60,
    answerTimeoutSeconds: 3600,
  });
});
after(() => t.close());

type Case = { id: string; applicantId: string; respondentId: string; courtId: string };

async function fileCase(respondent: unknown, claimAmountFen = 12_345_600): Promise<Case> {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ respondents: [respondent], claimAmountFen }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await caseOf(res.body.id);
  return {
    id: res.body.id,
    applicantId: detail.applicants[0].id,
    respondentId: detail.respondents[0].id,
    courtId: detail.court.id,
  };
}

async function caseOf(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Online inquiry of the case answered for the respondent, with a deposit of `depositFen` if any. */
async function inquiryAnswered(c: Case, depositFen = 0) {
  const requestId = randomUUID();
  await t.database.sql`insert into inquiry.requests (id, case_id, court_id, respondent_party_id, institution,
      operation, body, state, answered_at)
    values (${requestId}, ${c.id}, ${c.courtId}, ${c.respondentId}, ${institution}, 'query', '{}'::jsonb,
      'answered', now())`;
  if (depositFen > 0) {
    await t.database
      .sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name,
        institution, channel, asset_type, identifier, description, balance_fen, frozen_fen, available_fen,
        first_request_id, last_request_id, first_answered_at, answered_at)
      values (${randomUUID()}, ${c.id}, ${c.courtId}, ${c.respondentId}, '被执行人', ${institution}, 'national',
        'deposit', ${`62220200${Math.floor(Math.random() * 1e8)}`}, '活期存款', ${depositFen}, 0, ${depositFen},
        ${requestId}, ${requestId}, now(), now())`;
  }
}

/** A company case the criteria hold for: a second case against it, inquiry found nothing. */
async function referrableCase(company = aCompany()): Promise<Case> {
  const c = await fileCase(company);
  await fileCase(company);
  await inquiryAnswered(c);
  return c;
}

function referralBody(c: Case, overrides: Record<string, unknown> = {}) {
  return {
    respondentPartyId: c.respondentId,
    consentingPartyId: c.applicantId,
    consentedOn: clock.today(),
    insolvencyFacts: '网络查控未发现可供执行的财产，被执行人另有执行案件未能执结。',
    ...overrides,
  };
}

async function refer(c: Case, overrides: Record<string, unknown> = {}, token = judge) {
  const res = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
    token,
    body: referralBody(c, overrides),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function criteriaOf(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/bankruptcy-referral`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Rows of everything a referral request may write. */
async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.bankruptcy_referrals where case_id = ${caseId}),
    (select count(*) from procedures.bankruptcy_referral_outcomes o
      join procedures.bankruptcy_referrals r on r.id = o.referral_id where r.case_id = ${caseId}),
    (select string_agg(status, ',') from procedures.bankruptcy_referrals where case_id = ${caseId}),
    (select count(*) from cases.nodes where case_id = ${caseId}),
    (select status from cases.cases where id = ${caseId}),
    (select count(*) from audit.records where object_id = ${caseId}::text and action like 'procedures.%')) as n`;
  return row?.n;
}

async function outcome(referralId: string, body: Record<string, unknown>, token = judge) {
  return t.request('POST', `/api/v1/bankruptcy-referrals/${referralId}/outcome`, {
    token,
    body: { ruledOn: clock.today(), rulingNumber: '（2026）浙01破申8号', ...body },
  });
}

describe('the criteria (法发〔2017〕2号 art. 2)', () => {
  test('a company with no inquiry and no other case: both unmet, each saying why', async () => {
    const c = await fileCase(aCompany());
    const body = await criteriaOf(c.id);
    const [r] = body.respondents;
    assert.equal(r.meetsCriteria, false);
    assert.deepEqual(
      r.criteria.map((x: { criterion: string; isMet: boolean }) => [x.criterion, x.isMet]),
      [
        ['enterpriseLegalPerson', true],
        ['inquiryShowsTooLittle', false],
        ['severalCases', false],
      ],
    );
    assert.match(r.criteria[1].zh, /尚未进行网络查控/);
    assert.equal(r.figures.answeredQueries, 0);
    assert.deepEqual(body.referrals, []);
  });

  test('inquiry found nothing and another case (any court) names the same credit code: met', async () => {
    const company = aCompany();
    const c = await fileCase(company);
    const other = await t.request('POST', '/api/v1/cases', {
      token: otherCourtJudge,
      body: aCaseBody({ respondents: [company] }),
    });
    assert.equal(other.status, 201);
    await inquiryAnswered(c);
    const [r] = (await criteriaOf(c.id)).respondents;
    assert.equal(r.meetsCriteria, true, JSON.stringify(r.criteria));
    assert.equal(r.figures.otherOpenCases, 1);
    assert.equal(r.figures.assetCount, 0);
    assert.match(r.criteria[2].zh, /共2件/);
  });

  test('inquiry found enough to pay what is outstanding: not referrable — enforce instead', async () => {
    const company = aCompany();
    const c = await fileCase(company, 1_000_000);
    await fileCase(company);
    await inquiryAnswered(c, 1_000_000);
    const [r] = (await criteriaOf(c.id)).respondents;
    assert.equal(r.figures.attachableFen, 1_000_000);
    assert.equal(r.criteria[1].isMet, false);
    assert.equal(r.meetsCriteria, false);
    const before = await footprint(c.id);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
      token: judge,
      body: referralBody(c),
    });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.error.details.map((d: { path: string }) => d.path),
      ['inquiryShowsTooLittle'],
    );
    assert.equal(await footprint(c.id), before);
  });

  test('a person or a state organ is no enterprise legal person; a person’s figures are not shown', async () => {
    const person = await fileCase(aPerson());
    const [p] = (await criteriaOf(person.id)).respondents;
    assert.equal(p.meetsCriteria, false);
    assert.equal(p.figures, null);
    assert.deepEqual(
      p.criteria.map((x: { criterion: string }) => x.criterion),
      ['enterpriseLegalPerson'],
    );
    // GB 32100: registering authority 1 (机构编制), type 1 (机关).
    const organ = aCompany({ name: '某某区某某局', creditCode: makeCreditCode('11', '330106', '00248216') });
    const c = await referrableCase(organ);
    const before = await footprint(c.id);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
      token: judge,
      body: referralBody(c),
    });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.error.details.map((d: { path: string }) => d.path),
      ['enterpriseLegalPerson'],
    );
    assert.equal(await footprint(c.id), before);
  });
});

describe('POST /api/v1/cases/{id}/bankruptcy-referral', () => {
  test('the judge refers with the applicant’s written consent: the case is suspended, the periods set', async () => {
    const c = await referrableCase();
    const created = await refer(c);
    const today = clock.today();
    // 5 days to serve the decision (法发〔2017〕2号), 15 from the consent to transfer (practice), 30 for
    // the receiving court (CPL-I art. 512); a last day on a holiday moves to the next working day (CPL art. 85).
    const end = (days: number) => rollForwardToWorkingDay(addCalendarDays(today, days));
    assert.deepEqual(
      {
        transferDueOn: created.transferDueOn,
        serviceDueOn: created.serviceDueOn,
        acceptanceDueOn: created.acceptanceDueOn,
      },
      { transferDueOn: end(15), serviceDueOn: end(5), acceptanceDueOn: end(30) },
    );
    const detail = await caseOf(c.id);
    assert.equal(detail.status, 'suspended');
    const node = detail.nodes.find((n: { kind: string }) => n.kind === 'suspended');
    assert.match(node.note, /执行转破产/);
    const [referral] = (await criteriaOf(c.id)).referrals;
    assert.equal(referral.status, 'awaitingAcceptance');
    assert.equal(referral.consentingParty.role, 'applicant');
    assert.equal(referral.isTransferLate, false);
    // 法发〔2017〕2号 art. 3: by default the intermediate court above the enforcing court.
    assert.match(referral.receivingCourtName, /中级人民法院/);
    assert.equal(referral.criteria.length, 3);
  });

  test('the respondent’s own consent will do; another party’s or a future date is refused naming the field', async () => {
    const c = await referrableCase();
    const before = await footprint(c.id);
    for (const [field, value] of [
      ['consentingPartyId', randomUUID()],
      ['consentedOn', addCalendarDays(clock.today(), 1)],
      ['respondentPartyId', c.applicantId],
    ] as const) {
      const res = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
        token: judge,
        body: referralBody(c, { [field]: value }),
      });
      assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.details[0].path, field);
    }
    assert.equal(await footprint(c.id), before);
    const created = await refer(c, {
      consentingPartyId: c.respondentId,
      receivingCourtName: '宁波市中级人民法院',
    });
    const [referral] = (await criteriaOf(c.id)).referrals;
    assert.equal(referral.id, created.id);
    assert.equal(referral.consentingParty.role, 'respondent');
    assert.equal(referral.receivingCourtName, '宁波市中级人民法院');
  });

  test('only the case judge refers (assistant 403, another court 404); a suspended case refuses (409)', async () => {
    const c = await referrableCase();
    const before = await footprint(c.id);
    const byAssistant = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
      token: assistant,
      body: referralBody(c),
    });
    assert.equal(byAssistant.status, 403);
    const outside = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
      token: otherCourtJudge,
      body: referralBody(c),
    });
    assert.equal(outside.status, 404);
    assert.equal(await footprint(c.id), before);
    await refer(c);
    const again = await t.request('POST', `/api/v1/cases/${c.id}/bankruptcy-referral`, {
      token: judge,
      body: referralBody(c),
    });
    assert.equal(again.status, 409);
  });

  test('(practice) a decision more than 15 days after the consent is marked late', async () => {
    const c = await referrableCase();
    const consentedOn = clock.today();
    try {
      await t.setClockOffset(20 * day);
      const created = await refer(c, { consentedOn });
      assert.ok(clock.today() > created.transferDueOn);
      const [referral] = (await criteriaOf(c.id)).referrals;
      assert.equal(referral.isTransferLate, true);
    } finally {
      await t.setClockOffset(0);
    }
  });

  test('the transfer package is the case’s dossier as a ZIP with its manifest', async () => {
    const c = await referrableCase();
    const created = await refer(c);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bankruptcy-referrals/${created.id}/package`,
      headers: { authorization: `Bearer ${judge}` },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(String(res.headers['content-disposition']), /attachment; filename\*=UTF-8''/);
    const bytes = res.rawPayload;
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.includes(Buffer.from('manifest.json')));
    const outside = await t.request('GET', `/api/v1/bankruptcy-referrals/${created.id}/package`, {
      token: otherCourtJudge,
    });
    assert.equal(outside.status, 404);
    const unknown = await t.request('GET', `/api/v1/bankruptcy-referrals/${randomUUID()}/package`, {
      token: judge,
    });
    assert.equal(unknown.status, 404);
  });
});

describe('POST /api/v1/bankruptcy-referrals/{id}/outcome (CPL-I arts. 512–514)', () => {
  test('not accepted: enforcement resumes, seizure order noted; the referral cannot be ruled on again', async () => {
    const c = await referrableCase();
    const created = await refer(c);
    const res = await outcome(created.id, { outcome: 'refused', note: '不符合受理条件' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      id: created.id,
      status: 'refused',
      caseStatus: 'inProgress',
      closingType: null,
    });
    const detail = await caseOf(c.id);
    assert.equal(detail.status, 'inProgress');
    const resumed = detail.nodes.find((n: { kind: string }) => n.kind === 'resumed');
    assert.match(resumed.note, /查封、扣押、冻结财产的先后顺序/);
    const before = await footprint(c.id);
    const again = await outcome(created.id, { outcome: 'accepted' });
    assert.equal(again.status, 409);
    assert.equal(await footprint(c.id), before);
    // Referred again once enforcement is back: a new referral may follow.
    await refer(c);
  });

  test('accepted: stays suspended; declared bankrupt: closed as 终结执行 — a court leader may record it', async () => {
    const c = await referrableCase();
    const created = await refer(c);
    const accepted = await outcome(created.id, { outcome: 'accepted' }, president);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.caseStatus, 'suspended');
    let detail = await caseOf(c.id);
    assert.equal(detail.status, 'suspended');
    const note = detail.nodes.find((n: { kind: string }) => n.kind === 'other');
    // In the judge's name (the cases module takes nodes from the team), saying who recorded it.
    assert.match(note.note, /受理.*解除.*保全措施/);
    assert.match(note.note, /登记）$/);
    const bankrupt = await outcome(created.id, {
      outcome: 'declaredBankrupt',
      rulingNumber: '（2026）浙01破3号',
    });
    assert.equal(bankrupt.status, 200, JSON.stringify(bankrupt.body));
    assert.deepEqual(bankrupt.body, {
      id: created.id,
      status: 'declaredBankrupt',
      caseStatus: 'closed',
      closingType: 'terminated',
    });
    detail = await caseOf(c.id);
    assert.equal(detail.status, 'closed');
    assert.equal(detail.closing.closingType, 'terminated');
    assert.match(detail.closing.reason, /宣告破产.*第五百一十三条/);
    const [referral] = (await criteriaOf(c.id)).referrals;
    assert.deepEqual(
      referral.outcomes.map((o: { outcome: string }) => o.outcome),
      ['accepted', 'declaredBankrupt'],
    );
  });

  test('the assistant may not record the ruling (403); a ruling dated before the referral is refused (400)', async () => {
    const c = await referrableCase();
    const created = await refer(c);
    const before = await footprint(c.id);
    const byAssistant = await outcome(created.id, { outcome: 'refused' }, assistant);
    assert.equal(byAssistant.status, 403);
    const early = await outcome(created.id, {
      outcome: 'refused',
      ruledOn: addCalendarDays(clock.today(), -1),
    });
    assert.equal(early.status, 400);
    assert.equal(early.body.error.details[0].path, 'ruledOn');
    const outside = await outcome(created.id, { outcome: 'refused' }, otherCourtJudge);
    assert.equal(outside.status, 404);
    assert.equal(await footprint(c.id), before);
  });
});
