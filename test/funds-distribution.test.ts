import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, calendarDaysBetween, isWorkingDay } from '../src/kernel/index.ts';
import { verifyLedger } from '../src/modules/funds/index.ts';
import { adoptClockOffset, clock } from '../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { arrangeMoney } from './route-fixtures/distribution-fixtures.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * 参与分配 and the distribution plan end to end (DOMAIN.md §8; CPL-I arts. 506–510, 514): the
 * applications, the plan computed to the fen, service and the 15-day periods on the one clock
 * (moved forward as the demo administrator does), the plan revised on an unopposed objection, the
 * disputed amount kept back for a suit, execution through the ledger, and order of seizure
 * against a company.
 */
let t: TestApp;
let judge: string;
let clerk: string;
let assistant: string;
let admin: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  clerk = await t.login('xihu.clerk');
  assistant = await t.login('xihu.assistant');
  admin = await t.login('admin');
});

after(async () => {
  adoptClockOffset(0);
  await t?.close();
});

type Distribution = {
  plan: {
    state: string;
    servedOn: string | null;
    costsFen: number;
    refundFen: number;
    lodgedFen: number;
    deadlines: { objectionDueOn: string | null; oppositionDueOn: string | null; suitDueOn: string | null };
    shares: { applicationId: string; creditorName: string; amountFen: number; lodgedFen: number }[];
  };
  applications: { id: string; partyId: string | null; creditorName: string; payableFen: number }[];
  preview: { amountFen: number; costsFen: number; shares: { amountFen: number }[] } | null;
  ordinaryRule: string | null;
  respondentKind: string | null;
};

const url = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/funds/distribution${rest}`;

async function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown, status = 200) {
  const res = await t.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function distribution(caseId: string): Promise<Distribution> {
  return call(judge, 'GET', url(caseId));
}

async function funds(caseId: string) {
  return call(judge, 'GET', `/api/v1/cases/${caseId}/funds`);
}

/** Money on the case's account, unallocated (several applicants); the bank's path is funds.test.ts's. */
async function bookMoney(caseId: string, amountFen: number) {
  await funds(caseId);
  await arrangeMoney(t.database, caseId, amountFen);
}

async function advanceDays(days: number) {
  if (days === 0) return;
  await call(admin, 'POST', '/api/v1/demo/clock', { advanceSeconds: days * 86_400 });
}

async function fileCase(overrides: Record<string, unknown>) {
  const res = await call(judge, 'POST', '/api/v1/cases', aCaseBody(overrides), 201);
  const detail = await call(judge, 'GET', `/api/v1/cases/${res.id}`);
  return {
    caseId: String(res.id),
    applicants: detail.applicants.map((p: { id: string }) => p.id) as string[],
    respondents: detail.respondents.map((p: { id: string }) => p.id) as string[],
  };
}

async function assertLedgerBalances() {
  const report = await verifyLedger(t.database.db);
  assert.deepEqual(report.problems, []);
}

/**
 * A case against a natural person, claim ¥300,000 (fee: 50 + 290,000 × 1.5% = ¥4,400), three
 * applicants — A secured ¥20,000; B ordinary ¥100,000 + ¥5,000 interest; C ordinary ¥50,000 —
 * and ¥100,000 received, waiting unallocated (several applicants).
 */
async function aPersonCaseWithClaims() {
  const c = await fileCase({
    claimAmountFen: 30_000_000,
    applicants: [aCompany(), aCompany(), aCompany()],
    respondents: [aPerson()],
  });
  await bookMoney(c.caseId, 10_000_000);
  const [a, b, cc] = c.applicants;
  const claims = [
    { partyId: a, basis: '（2026）浙0106民初1号', priority: 'secured', principalFen: 2_000_000 },
    {
      partyId: b,
      basis: '（2026）浙0106民初2号',
      priority: 'ordinary',
      principalFen: 10_000_000,
      interestFen: 500_000,
    },
    { partyId: cc, basis: '（2026）浙0106民初3号', priority: 'ordinary', principalFen: 5_000_000 },
  ];
  for (const body of claims) await call(clerk, 'POST', url(c.caseId, '/applications'), body, 201);
  const d = await distribution(c.caseId);
  const idOf = (partyId: string | undefined) => d.applications.find((x) => x.partyId === partyId)?.id ?? '';
  return { ...c, app: { a: idOf(a), b: idOf(b), c: idOf(cc) } };
}

const shareOf = (d: Distribution, applicationId: string) =>
  d.plan.shares.find((s) => s.applicationId === applicationId);

describe('participation in distribution against a natural person', () => {
  let p: Awaited<ReturnType<typeof aPersonCaseWithClaims>>;
  let q: Awaited<ReturnType<typeof aPersonCaseWithClaims>>;
  let r: Awaited<ReturnType<typeof aPersonCaseWithClaims>>;
  let servedOn: string;

  test('applications are recorded by the team; bad ones are refused naming the field', async () => {
    p = await aPersonCaseWithClaims();
    const again = await t.request('POST', url(p.caseId, '/applications'), {
      token: clerk,
      body: { partyId: p.applicants[0], basis: '重复', priority: 'ordinary', principalFen: 1 },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.details[0].path, 'partyId');
    const respondentAsCreditor = await t.request('POST', url(p.caseId, '/applications'), {
      token: clerk,
      body: { partyId: p.respondents[0], basis: 'x', priority: 'ordinary', principalFen: 1 },
    });
    assert.equal(respondentAsCreditor.status, 400);
    assert.equal(respondentAsCreditor.body.error.details[0].path, 'partyId');
    const badCode = await t.request('POST', url(p.caseId, '/applications'), {
      token: clerk,
      body: {
        creditorName: '某公司',
        creditCode: '91330106000000000X',
        basis: 'x',
        priority: 'ordinary',
        principalFen: 1,
      },
    });
    assert.equal(badCode.status, 400);
    assert.equal(badCode.body.error.details[0].path, 'creditCode');
    const future = await t.request('POST', url(p.caseId, '/applications'), {
      token: clerk,
      body: {
        creditorName: '某公司',
        creditCode: aCompany().creditCode,
        basis: 'x',
        priority: 'ordinary',
        principalFen: 1,
        appliedOn: addCalendarDays(clock.today(), 1),
      },
    });
    assert.equal(future.status, 400);
    assert.equal(future.body.error.details[0].path, 'appliedOn');
    const outsider = await t.request('GET', url(p.caseId), { token: await t.login('haishu.judge') });
    assert.equal(outsider.status, 404, 'outside the data scope the case does not exist');
  });

  test('the plan: the fee first, the secured claim in full, the ordinary claims pro rata to the fen', async () => {
    const byAssistant = await t.request('POST', url(p.caseId, '/plan'), { token: assistant, body: {} });
    assert.equal(byAssistant.status, 403, 'the judge or a court leader drafts the plan');
    const d: Distribution = await call(judge, 'POST', url(p.caseId, '/plan'), {}, 201);
    assert.equal(d.plan.state, 'drafted');
    assert.equal(d.respondentKind, 'person');
    assert.equal(d.ordinaryRule, 'proRata');
    // 诉讼费用交纳办法 art. 14: ¥4,400; CPL-I art. 508: ¥100,000 − ¥4,400 − ¥20,000 = ¥75,600 for
    // ¥105,000 + ¥50,000: B 75,600 × 105/155 = 51,212.90(32), C × 50/155 = 24,387.09(68) + the odd fen.
    assert.equal(d.plan.costsFen, 440_000);
    assert.equal(shareOf(d, p.app.a)?.amountFen, 2_000_000);
    assert.equal(shareOf(d, p.app.b)?.amountFen, 5_121_290);
    assert.equal(shareOf(d, p.app.c)?.amountFen, 2_438_710);
    assert.equal(d.plan.refundFen, 0);
    assert.equal(d.plan.deadlines.objectionDueOn, null, 'not served yet');
  });

  test('served (the clock’s date); applications close; two more plans served the same day', async () => {
    q = await aPersonCaseWithClaims();
    r = await aPersonCaseWithClaims();
    // An outside creditor (its own basis) joins q: paid to its application, not to a party.
    await call(
      clerk,
      'POST',
      url(q.caseId, '/applications'),
      {
        creditorName: '杭州外部债权人有限公司',
        creditCode: aCompany().creditCode,
        basis: '（2026）浙0102民初9号',
        priority: 'ordinary',
        principalFen: 1_000_000,
      },
      201,
    );
    for (const c of [q, r]) await call(judge, 'POST', url(c.caseId, '/plan'), {}, 201);
    // Serve on a day whose 15th day after is a working day, so that day 15 is the last day to object.
    let wait = 0;
    while (!isWorkingDay(addCalendarDays(clock.today(), wait + 15))) wait += 1;
    await advanceDays(wait);
    servedOn = clock.today();
    for (const c of [p, q, r]) {
      const d: Distribution = await call(clerk, 'POST', url(c.caseId, '/plan/serve'));
      assert.equal(d.plan.state, 'served');
      assert.equal(d.plan.servedOn, servedOn);
      assert.equal(d.plan.deadlines.objectionDueOn, addCalendarDays(servedOn, 15));
    }
    const late = await t.request('POST', url(p.caseId, '/applications'), {
      token: clerk,
      body: {
        creditorName: '迟到债权人',
        idNumber: aPerson().idNumber,
        basis: 'x',
        priority: 'ordinary',
        principalFen: 1,
      },
    });
    assert.equal(late.status, 409, 'the plan is served: this distribution takes no more applications');
    assert.equal(late.body.error.details[0].path, 'appliedOn');
    const twice = await t.request('POST', url(p.caseId, '/plan/serve'), { token: clerk });
    assert.equal(twice.status, 409);
    const early = await t.request('POST', url(q.caseId, '/plan/finalise'), { token: judge });
    assert.equal(early.status, 409, 'not final while objections may come');
  });

  test('an objection on day 15 is accepted; on day 16 it is refused naming filedOn', async () => {
    await advanceDays(15);
    assert.equal(calendarDaysBetween(servedOn, clock.today()), 15);
    // C says B's share is ¥1,000 too large; the respondent says the same of A's in r.
    const objected: Distribution = await call(clerk, 'POST', url(p.caseId, '/plan/objections'), {
      objectorApplicationId: p.app.c,
      againstApplicationId: p.app.b,
      disputedFen: 100_000,
      reason: '乙的利息计算有误',
    });
    assert.equal(objected.plan.state, 'objected');
    // CPL-I art. 510: the others notified today have 15 days (or to the next working day).
    const oppositionDue = objected.plan.deadlines.oppositionDueOn ?? '';
    assert.ok(calendarDaysBetween(clock.today(), oppositionDue) >= 15);
    const firstDay = addCalendarDays(clock.today(), 15);
    for (let d = firstDay; d < oppositionDue; d = addCalendarDays(d, 1)) assert.ok(!isWorkingDay(d));
    await call(clerk, 'POST', url(r.caseId, '/plan/objections'), {
      againstApplicationId: r.app.a,
      disputedFen: 300_000,
      reason: '担保债权数额有误',
    });
    const tooMuch = await t.request('POST', url(r.caseId, '/plan/objections'), {
      token: clerk,
      body: { againstApplicationId: r.app.a, disputedFen: 1_700_001, reason: '再次异议' },
    });
    assert.equal(tooMuch.status, 409, 'no more than the share is disputed');
    assert.equal(tooMuch.body.error.details[0].path, 'disputedFen');
    await advanceDays(1);
    const late = await t.request('POST', url(q.caseId, '/plan/objections'), {
      token: clerk,
      body: { againstApplicationId: q.app.a, disputedFen: 1_000, reason: '逾期异议' },
    });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.details[0].path, 'filedOn');
    const backdated = await t.request('POST', url(q.caseId, '/plan/objections'), {
      token: clerk,
      body: {
        againstApplicationId: q.app.a,
        disputedFen: 1_000,
        reason: '补登',
        filedOn: addCalendarDays(servedOn, -1),
      },
    });
    assert.equal(backdated.status, 400, 'not before the plan was served');
    assert.equal(backdated.body.error.details[0].path, 'filedOn');
  });

  test('no objection within the 15 days: the plan is final and executed as it says', async () => {
    const final: Distribution = await call(judge, 'POST', url(q.caseId, '/plan/finalise'));
    assert.equal(final.plan.state, 'final');
    const before = await funds(q.caseId);
    assert.equal(before.balances.unallocatedFen, 10_000_000);
    const done: Distribution = await call(judge, 'POST', url(q.caseId, '/plan/execute'));
    assert.equal(done.plan.state, 'executed');
    const f = await funds(q.caseId);
    assert.equal(f.balances.unallocatedFen, 0);
    assert.equal(f.balances.feesFen, done.plan.costsFen);
    assert.equal(f.balances.refundFen, done.plan.refundFen);
    for (const s of done.plan.shares) {
      const application = done.applications.find((a) => a.id === s.applicationId);
      assert.equal(application?.payableFen, s.amountFen, `${s.creditorName} is owed its share`);
      const payee = f.payees.find((x: { partyId: string }) => x.partyId === application?.partyId);
      if (application?.partyId) assert.equal(payee?.payableFen, s.amountFen);
    }
    const outsider = done.applications.find((a) => a.partyId === null);
    assert.ok(
      outsider && outsider.payableFen > 0,
      'the outside creditor’s share is payable to its application',
    );
    assert.equal(
      f.balances.payableFen,
      done.plan.shares.reduce((a, s) => a + s.amountFen, 0),
    );
    const twice = await t.request('POST', url(q.caseId, '/plan/execute'), { token: judge });
    assert.equal(twice.status, 409);
    await assertLedgerBalances();
  });

  test('nobody opposes within 15 days: the plan is revised as the objector says, then executed', async () => {
    const early = await t.request('POST', url(p.caseId, '/plan/oppositions'), {
      token: clerk,
      body: { isOpposed: false },
    });
    assert.equal(early.status, 409, 'the others may still oppose');
    assert.equal(early.body.error.details[0].path, 'isOpposed');
    // r: the applicants oppose the respondent's objection the next day, and the respondent sues.
    const opposed: Distribution = await call(clerk, 'POST', url(r.caseId, '/plan/oppositions'), {
      isOpposed: true,
      note: '甲的担保债权有抵押登记为证',
    });
    assert.equal(opposed.plan.state, 'opposed');
    const sued: Distribution = await call(clerk, 'POST', url(r.caseId, '/plan/suits'), {
      note: '已向本院起诉',
    });
    assert.equal(sued.plan.state, 'sued');
    const dueOn = (await distribution(p.caseId)).plan.deadlines.oppositionDueOn ?? '';
    await advanceDays(calendarDaysBetween(clock.today(), dueOn) + 1);
    const unopposed: Distribution = await call(clerk, 'POST', url(p.caseId, '/plan/oppositions'), {
      isOpposed: false,
    });
    assert.equal(unopposed.plan.state, 'unopposed');
    const final: Distribution = await call(judge, 'POST', url(p.caseId, '/plan/finalise'));
    assert.equal(final.plan.state, 'final');
    // CPL-I art. 510: ¥1,000 off B's share, to C (whose claim still lacks more than that).
    assert.equal(shareOf(final, p.app.b)?.amountFen, 5_121_290 - 100_000);
    assert.equal(shareOf(final, p.app.c)?.amountFen, 2_438_710 + 100_000);
    await call(judge, 'POST', url(p.caseId, '/plan/execute'));
    const f = await funds(p.caseId);
    assert.deepEqual(
      p.applicants.map((id) => f.payees.find((x: { partyId: string }) => x.partyId === id)?.payableFen),
      [2_000_000, 5_021_290, 2_538_710],
    );
    assert.deepEqual(
      [f.balances.feesFen, f.balances.unallocatedFen, f.balances.refundFen, f.balances.receivedFen],
      [440_000, 0, 0, 10_000_000],
    );
    // The case's own claim: principal allocated as the shares say.
    assert.equal(f.claim.principalAllocatedFen, 2_000_000 + 5_021_290 + 2_538_710);
    await assertLedgerBalances();
  });

  test('a suit keeps the disputed amount back; the rest is executed', async () => {
    const final: Distribution = await call(judge, 'POST', url(r.caseId, '/plan/finalise'));
    assert.equal(final.plan.state, 'final');
    assert.equal(final.plan.lodgedFen, 300_000);
    assert.equal(shareOf(final, r.app.a)?.lodgedFen, 300_000);
    await call(judge, 'POST', url(r.caseId, '/plan/execute'));
    const f = await funds(r.caseId);
    assert.equal(f.balances.unallocatedFen, 300_000, 'the disputed amount stays lodged');
    assert.equal(
      f.payees.find((x: { partyId: string }) => x.partyId === r.applicants[0])?.payableFen,
      1_700_000,
    );
    const d = await distribution(r.caseId);
    assert.equal(d.preview, null, 'no new plan distributes the lodged money');
    await assertLedgerBalances();
    const audit = await t.database.sql<{ action: string; n: number }[]>`
      select action, count(*)::int as n from audit.records where action like 'funds.distribution.%'
        and object_id = ${r.caseId} group by action order by action`;
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'funds.distribution.answer',
        'funds.distribution.apply',
        'funds.distribution.draft',
        'funds.distribution.execute',
        'funds.distribution.finalise',
        'funds.distribution.object',
        'funds.distribution.serve',
        'funds.distribution.sue',
      ],
    );
  });
});

describe('against a company (CPL-I art. 514)', () => {
  test('applications are recorded, and the ordinary claims are paid in the order of seizure', async () => {
    const c = await fileCase({
      claimAmountFen: 1_000_000,
      applicants: [aCompany(), aCompany(), aCompany()],
      respondents: [aCompany()],
    });
    // Claim ¥10,000: fee ¥50. ¥10,000 in: ¥9,950 for the claims.
    await bookMoney(c.caseId, 1_000_000);
    const today = clock.today();
    const [a, b, cc] = c.applicants;
    const bodies = [
      { partyId: a, priority: 'ordinary', principalFen: 600_000, seizedAt: addCalendarDays(today, -10) },
      { partyId: b, priority: 'ordinary', principalFen: 500_000, seizedAt: addCalendarDays(today, -40) },
      { partyId: cc, priority: 'ordinary', principalFen: 500_000 },
    ];
    for (const body of bodies)
      await call(clerk, 'POST', url(c.caseId, '/applications'), { ...body, basis: '生效判决' }, 201);
    const d: Distribution = await call(judge, 'POST', url(c.caseId, '/plan'), {}, 201);
    assert.equal(d.respondentKind, 'company');
    assert.equal(d.ordinaryRule, 'seizureOrder');
    const byParty = (partyId: string | undefined) =>
      shareOf(d, d.applications.find((x) => x.partyId === partyId)?.id ?? '')?.amountFen;
    // The earliest seizure (b) in full, then a with what is left; the never-seized c after both.
    assert.equal(d.plan.costsFen, 5_000);
    assert.equal(byParty(b), 500_000);
    assert.equal(byParty(a), 495_000);
    assert.equal(byParty(cc), 0);
    // Once the case is closed, no more applications (art. 507).
    await t.database.sql`update cases.cases set status = 'closed', closing_type = 'terminated',
      closing_reason = '测试', closed_on = ${today} where id = ${c.caseId}`;
    const closed = await t.request('POST', url(c.caseId, '/applications'), {
      token: clerk,
      body: {
        creditorName: '某某',
        idNumber: aPerson().idNumber,
        basis: 'x',
        priority: 'ordinary',
        principalFen: 1,
      },
    });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error.details[0].path, 'appliedOn');
  });
});
