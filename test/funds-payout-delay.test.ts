import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { keepSimulatorOnClock } from '../src/demo/inquiry-world.ts';
import { addCalendarDays, calendarDaysBetween } from '../src/kernel/index.ts';
import { verifyLedger } from '../src/modules/funds/index.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { adoptClockOffset, clock } from '../src/platform/clock.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * 执行款物管理规定 (2017) art. 15 beyond the plain 30 days: a payout delay requested by the case
 * team and approved by a leader of the case's court keeps the payout light from turning red; once
 * its reason ends, the money is due within 10 days. And 退还被执行人: money allocated as refund is
 * paid to the respondent through the same approval and the simulated bank, exactly once, and a
 * failed payment puts it back in the refund. The clock is moved as an administrator moves it.
 */
const secret = 'funds-delay-test-secret';
const logger = createLogger('silent');
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let stopSimClock: () => void;
let judge: string;
let president: string;
let admin: string;

async function simAdmin(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sim.adminToken}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's answers are inspected by each assertion
  const answer: any = await res.json().catch(() => null);
  return { status: res.status, body: answer };
}

async function fileCase(overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [aCompany()], respondents: [aPerson()], ...overrides }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function funds(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function caseDetail(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Money arriving through the simulated bank, booked to the case. */
async function arrive(caseId: string, amountFen: number, serial: string) {
  const { accountNumber } = await funds(caseId);
  // The bank learns of the court's account from the subscription job first.
  await waitFor(async () => {
    const accounts = await simAdmin('GET', '/sim/bank/accounts');
    return JSON.stringify(accounts.body).includes(accountNumber.slice(0, 12));
  }, 'the bank to know the court account');
  const res = await simAdmin('POST', '/sim/bank/transfers', {
    toAccount: accountNumber,
    amountFen,
    payerName: '被执行人',
    serial,
  });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return waitFor(
    async () => {
      const f = await funds(caseId);
      return f.balances.receivedFen >= amountFen && f;
    },
    `arrival ${serial}`,
    150,
  );
}

/** Moves the one clock forward by whole days, as the administrator does in demo mode. */
async function moveClock(days: number) {
  const res = await t.request('POST', '/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: days * 86_400 },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(clock.today(), res.body.today);
  return res.body.today as string;
}

async function waitingLight(caseId: string) {
  const month = clock.today().slice(0, 7);
  const res = await t.request('GET', `/api/v1/funds/reports/monthly?month=${month}&format=json`, {
    token: president,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.waiting.find((w: { caseId: string }) => w.caseId === caseId)?.light;
}

async function assertLedgerBalances() {
  const report = await verifyLedger(t.database.db);
  assert.deepEqual(report.problems, []);
}

async function disbursementState(id: string) {
  const d = await t.request('GET', `/api/v1/funds/disbursements/${id}`, { token: judge });
  assert.equal(d.status, 200, JSON.stringify(d.body));
  return d.body;
}

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    bank: { knobs: { settleLatencyMs: 50 }, notify: { flushMs: 10, baseDelayMs: 50, maxDelayMs: 500 } },
  });
  stopSimClock = keepSimulatorOnClock({ sim }, logger);
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const config = { ...t.config, publicUrl: `http://127.0.0.1:${port}` };
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs(),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config,
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
  admin = await t.login('admin');
});

after(async () => {
  stopSimClock?.();
  adoptClockOffset(0);
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

describe('a payout delay (执行款物管理规定 art. 15)', () => {
  let caseId: string;
  let delayId: string;
  let arrivedOn: string;

  test('the case team requests it, naming one of the rule’s reasons', async () => {
    caseId = await fileCase({ claimAmountFen: 10_000_000 });
    const f = await arrive(caseId, 1_000_000, 'DELAY-TEST-1');
    assert.equal(f.payout.light, 'green');
    assert.deepEqual(f.payoutDelays, []);
    arrivedOn = f.payout.arrivedOn;
    const path = `/api/v1/cases/${caseId}/funds/payout-delays`;
    const badReason = await t.request('POST', path, { token: judge, body: { reason: 'bored', note: '无' } });
    assert.equal(badReason.status, 400);
    assert.equal(badReason.body.error.details[0].path, 'reason');
    const noNote = await t.request('POST', path, {
      token: judge,
      body: { reason: 'applicantNotCollecting', note: '  ' },
    });
    assert.equal(noNote.status, 400);
    assert.equal(noNote.body.error.details[0].path, 'note');
    const byLeader = await t.request('POST', path, {
      token: president,
      body: { reason: 'applicantNotCollecting', note: '申请执行人未领取' },
    });
    assert.equal(byLeader.status, 403, 'the leader decides; the team requests');
    const requested = await t.request('POST', path, {
      token: judge,
      body: { reason: 'applicantNotCollecting', note: '申请执行人暂未领取' },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    assert.equal(requested.body.state, 'pendingApproval');
    delayId = requested.body.id;
    const twice = await t.request('POST', path, {
      token: judge,
      body: { reason: 'caseSuspended', note: '中止执行' },
    });
    assert.equal(twice.status, 409, 'one open delay per case');
  });

  test('a leader of the case’s court approves it; others may not', async () => {
    const approve = `/api/v1/funds/payout-delays/${delayId}/approve`;
    assert.equal((await t.request('POST', approve, { token: judge })).status, 403);
    const outside = await t.request('POST', approve, { token: await t.login('haishu.judge') });
    assert.equal(outside.status, 404, 'outside the data scope the delay does not exist');
    const approved = await t.request('POST', approve, { token: president });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.state, 'approved');
    assert.equal(approved.body.approvedOn, clock.today());
    assert.equal((await t.request('POST', approve, { token: president })).status, 409);
    const f = await funds(caseId);
    assert.equal(f.payoutDelays.length, 1);
    assert.equal(f.payoutDelays[0].reason, 'applicantNotCollecting');
    // The case's timeline shows it, and it meets the 30-day payout deadline.
    const detail = await waitFor(async () => {
      const d = await caseDetail(caseId);
      return d.nodes.some((n: { kind: string }) => n.kind === 'payoutDelayApproved') && d;
    }, 'the approval on the case timeline');
    const payout = detail.deadlines.find((d: { kind: string }) => d.kind === 'payout');
    assert.equal(payout.state, 'met');
    assert.equal(payout.metOn, clock.today());
  });

  test('on day 31 the 30-day light is not red while the delay runs', async () => {
    const today = await moveClock(30);
    assert.equal(today, addCalendarDays(arrivedOn, 30));
    const f = await funds(caseId);
    assert.equal(f.payout.light, 'yellow');
    assert.equal(f.payout.dueOn, addCalendarDays(arrivedOn, 30));
    assert.equal(await waitingLight(caseId), 'yellow');
  });

  test('the team records that the reason ended: due in 10 days, red on day 11', async () => {
    const end = `/api/v1/funds/payout-delays/${delayId}/end`;
    assert.equal((await t.request('POST', end, { token: president })).status, 403);
    const ended = await t.request('POST', end, { token: judge });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    const endedOn = clock.today();
    assert.equal(ended.body.state, 'ended');
    assert.equal(ended.body.endedOn, endedOn);
    assert.equal(ended.body.dueOn, addCalendarDays(endedOn, 10));
    assert.equal((await t.request('POST', end, { token: judge })).status, 409);
    const f = await funds(caseId);
    assert.deepEqual(f.payout, {
      arrivedOn,
      dueOn: addCalendarDays(endedOn, 10),
      light: 'yellow',
    });
    const detail = await waitFor(async () => {
      const d = await caseDetail(caseId);
      return d.deadlines.some((x: { kind: string }) => x.kind === 'payoutAfterDelay') && d;
    }, 'the 10 days on the case’s deadlines');
    const afterDelay = detail.deadlines.find((d: { kind: string }) => d.kind === 'payoutAfterDelay');
    assert.equal(afterDelay.startOn, endedOn);
    assert.equal(afterDelay.state, 'open');
    assert.ok(afterDelay.dueOn >= addCalendarDays(endedOn, 10));
    assert.equal(afterDelay.label.zh, '延期事由消除后发放执行款');

    // Day 10 after the end (the end day being day 1): still yellow; day 11: red.
    await moveClock(9);
    assert.equal((await funds(caseId)).payout.light, 'yellow');
    await moveClock(1);
    assert.equal((await funds(caseId)).payout.light, 'red');
    assert.equal(await waitingLight(caseId), 'red');
    // Past its due date (a holiday moves it to the next working day) the case deadline is overdue.
    await moveClock(calendarDaysBetween(clock.today(), afterDelay.dueOn) + 1);
    const late = (await caseDetail(caseId)).deadlines.find(
      (d: { kind: string }) => d.kind === 'payoutAfterDelay',
    );
    assert.equal(late.state, 'overdue');
  });

  test('a rejected request leaves the 30 days running, and a new one may be made', async () => {
    const other = await fileCase({ claimAmountFen: 10_000_000 });
    await arrive(other, 500_000, 'DELAY-TEST-2');
    const path = `/api/v1/cases/${other}/funds/payout-delays`;
    const requested = await t.request('POST', path, {
      token: judge,
      body: { reason: 'distributionNeeded', note: '另有债权人申请参与分配' },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const reject = `/api/v1/funds/payout-delays/${requested.body.id}/reject`;
    const noReason = await t.request('POST', reject, { token: president, body: { reason: '' } });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.details[0].path, 'reason');
    assert.equal((await t.request('POST', reject, { token: judge, body: { reason: '不同意' } })).status, 403);
    const rejected = await t.request('POST', reject, { token: president, body: { reason: '无须参与分配' } });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.state, 'rejected');
    assert.equal(rejected.body.rejectionReason, '无须参与分配');
    const end = await t.request('POST', `/api/v1/funds/payout-delays/${requested.body.id}/end`, {
      token: judge,
    });
    assert.equal(end.status, 409, 'only an approved delay ends');
    const desk = await t.request('GET', '/api/v1/funds/payout-delays?state=rejected', { token: president });
    assert.equal(desk.status, 200);
    assert.ok(desk.body.items.some((d: { id: string }) => d.id === requested.body.id));
    const again = await t.request('POST', path, {
      token: judge,
      body: { reason: 'frozenInAnotherCase', note: '被其他案件冻结' },
    });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    const f = await funds(other);
    assert.deepEqual(
      f.payoutDelays.map((d: { state: string }) => d.state),
      ['rejected', 'pendingApproval'],
    );
  });
});

describe('paying the refund back to the respondent (退还被执行人)', () => {
  let caseId: string;
  let respondentId: string;
  const account = (accountNumber: string) => ({ accountNumber, accountName: '测试人', bankName: '农业银行' });

  test('money allocated as refund is proposed to a respondent, never more than the refund', async () => {
    caseId = await fileCase({
      claimAmountFen: 10_000_000,
      applicants: [aCompany(), aCompany()],
    });
    const f = await arrive(caseId, 1_000_000, 'REFUND-TEST-1');
    const allocated = await t.request('POST', '/api/v1/funds/allocations', {
      token: judge,
      body: {
        caseId,
        shares: [{ payeePartyId: f.payees[0].partyId, amountFen: 500_000 }],
        refundFen: 300_000,
      },
    });
    assert.equal(allocated.status, 201, JSON.stringify(allocated.body));
    respondentId = (await caseDetail(caseId)).respondents[0].id;
    assert.equal((await funds(caseId)).balances.refundFen, 300_000);
    const propose = (body: Record<string, unknown>) =>
      t.request('POST', '/api/v1/funds/disbursements', {
        token: judge,
        body: { caseId, payeePartyId: respondentId, ...body },
      });
    const noAccount = await propose({ amountFen: 100_000 });
    assert.equal(noAccount.status, 409);
    assert.equal(noAccount.body.error.details[0].path, 'payeeAccount');
    const tooMuch = await propose({ amountFen: 300_001, payeeAccount: account('6228480099990001') });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body.error.details[0].path, 'amountFen');
    for (const amountFen of [0, -5, 1.5]) {
      const bad = await propose({ amountFen });
      assert.equal(bad.status, 400, `amountFen ${amountFen}`);
    }
    const stranger = await propose({ payeePartyId: '00000000-0000-4000-8000-000000000000', amountFen: 1 });
    assert.equal(stranger.status, 400);
    assert.equal(stranger.body.error.details[0].path, 'payeePartyId');
    await assertLedgerBalances();
  });

  test('approved, paid through the bank once — however often the bank says so', async () => {
    await simAdmin('PUT', '/sim/bank/knobs', { duplicateRate: 1 });
    try {
      const proposed = await t.request('POST', '/api/v1/funds/disbursements', {
        token: judge,
        body: {
          caseId,
          payeePartyId: respondentId,
          amountFen: 200_000,
          payeeAccount: account('6228480099990001'),
        },
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      assert.deepEqual(Object.keys(proposed.body).sort(), ['id', 'state']);
      assert.equal(proposed.body.state, 'pendingApproval');
      // What proposals not yet paid hold counts: 100,001 fen is more than is left.
      const more = await t.request('POST', '/api/v1/funds/disbursements', {
        token: judge,
        body: { caseId, payeePartyId: respondentId, amountFen: 100_001 },
      });
      assert.equal(more.status, 409);
      assert.equal(more.body.error.details[0].path, 'amountFen');
      const byJudge = await t.request('POST', `/api/v1/funds/disbursements/${proposed.body.id}/approve`, {
        token: judge,
      });
      assert.equal(byJudge.status, 403);
      const approved = await t.request('POST', `/api/v1/funds/disbursements/${proposed.body.id}/approve`, {
        token: president,
      });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const paid = await waitFor(async () => {
        const d = await disbursementState(proposed.body.id);
        return d.state === 'paid' && d;
      }, 'the refund to be paid');
      assert.ok(paid.bankSerial);
      assert.equal(paid.payeePartyId, respondentId);
      // The team is told, naming the respondent; the respondent gets no SMS.
      const message = await waitFor(async () => {
        const rows = await t.database.db.execute<{ body: string }>(sql`select body from notify.messages
          where channel = 'inApp' and kind = 'funds.paid' and case_id = ${caseId}::uuid`);
        return rows[0];
      }, 'the team’s message');
      const respondentName = (await caseDetail(caseId)).respondents[0].name;
      assert.match(message.body, new RegExp(`退还被执行人 ${respondentName}`));
      // Let the duplicate notices arrive: the refund is still booked once.
      await new Promise((r) => setTimeout(r, 1500));
      const journals = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n
        from funds.journals where case_id = ${caseId}::uuid and kind = 'refund.payout'`);
      assert.equal(journals[0]?.n, 1);
      const sms = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n
        from notify.messages where channel = 'sms' and kind = 'funds.paid' and case_id = ${caseId}::uuid`);
      assert.equal(sms[0]?.n, 0);
      const f = await funds(caseId);
      assert.equal(f.balances.refundFen, 100_000);
      assert.equal(f.balances.paidFen, 200_000);
      assert.equal(f.balances.receivedFen, 1_000_000);
      assert.equal(f.balances.payableFen, 500_000, 'the applicants’ payable is untouched');
      await assertLedgerBalances();
    } finally {
      await simAdmin('PUT', '/sim/bank/knobs', { duplicateRate: 0 });
    }
  });

  test('a failed refund payment puts the money back in the refund', async () => {
    const closed = '6228480099990002';
    const res = await simAdmin('PUT', `/sim/bank/closed-accounts/${closed}`);
    assert.equal(res.status, 204);
    const proposed = await t.request('POST', '/api/v1/funds/disbursements', {
      token: judge,
      body: { caseId, payeePartyId: respondentId, amountFen: 100_000, payeeAccount: account(closed) },
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    const approved = await t.request('POST', `/api/v1/funds/disbursements/${proposed.body.id}/approve`, {
      token: president,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const failed = await waitFor(async () => {
      const d = await disbursementState(proposed.body.id);
      return d.state === 'failed' && d;
    }, 'the refund payment to fail');
    assert.ok(failed.failureReason);
    const f = await funds(caseId);
    assert.equal(f.balances.refundFen, 100_000);
    assert.equal(f.balances.paidFen, 200_000);
    await assertLedgerBalances();
    // Free again: the whole rest can be proposed once more, to a working account.
    const again = await t.request('POST', '/api/v1/funds/disbursements', {
      token: judge,
      body: {
        caseId,
        payeePartyId: respondentId,
        amountFen: 100_000,
        payeeAccount: account('6228480099990003'),
      },
    });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    const rejected = await t.request('POST', `/api/v1/funds/disbursements/${again.body.id}/reject`, {
      token: president,
      body: { reason: '账户待核实' },
    });
    assert.equal(rejected.status, 200);
    await assertLedgerBalances();
  });
});
