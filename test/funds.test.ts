import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql as drizzleSql } from 'drizzle-orm';
import fc from 'fast-check';
import { parseCaseAccountNumber } from '../src/kernel/index.ts';
import { verifyLedger } from '../src/modules/funds/index.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Case funds end to end (DOMAIN.md §8): the simulated bank notifies arrivals at least once, the
 * ledger books each once, the fee is taken by its bands, a disbursement approved by the court leader
 * is paid through the bank once, the claim queue, and the ledger balancing at every step.
 */
const secret = 'funds-test-secret';
const logger = createLogger('silent');
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let judge: string;
let president: string;

async function admin(method: 'GET' | 'POST', path: string, body?: unknown) {
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
    body: aCaseBody({
      applicants: [aCompany({ phone: '13900001111' })],
      respondents: [aPerson()],
      ...overrides,
    }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function funds(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function assertLedgerBalances() {
  const report = await verifyLedger(t.database.db);
  assert.deepEqual(report.problems, []);
}

before(async () => {
  // The simulated bank and SMS gateway listen on loopback: allowed, as a deployment allows its gateways.
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    bank: { knobs: { settleLatencyMs: 50 }, notify: { flushMs: 10, baseDelayMs: 50, maxDelayMs: 500 } },
  });
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
});

after(async () => {
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

describe('a case account and money arriving', () => {
  let caseId: string;
  let accountNumber: string;

  test('every case has its own account number, a sub-account of its court’s', async () => {
    caseId = await fileCase({ claimAmountFen: 10_000_000 });
    const f = await funds(caseId);
    accountNumber = f.accountNumber;
    const parsed = parseCaseAccountNumber(accountNumber);
    assert.ok(parsed, `a valid case account: ${accountNumber}`);
    assert.deepEqual(f.balances, {
      receivedFen: 0,
      feesFen: 0,
      payableFen: 0,
      paidFen: 0,
      escrowFen: 0,
      refundFen: 0,
      unallocatedFen: 0,
    });
    // 诉讼费用交纳办法 art. 14: claim ¥100,000 → ¥50 + ¥90,000 × 1.5% = ¥1,400
    assert.equal(f.enforcementFeeFen, 140_000);
    // The bank is told of the court's account.
    await waitFor(async () => {
      const accounts = await admin('GET', '/sim/bank/accounts');
      return JSON.stringify(accounts.body).includes(parsed.courtAccount);
    }, 'the bank to know the court account');
  });

  test('a payment notified twice is booked once; the fee is taken first by the bands', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await admin('POST', '/sim/bank/transfers', {
        toAccount: accountNumber,
        amountFen: 3_000_000,
        payerName: '被执行人',
        serial: 'FUNDS-TEST-1',
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
    }
    const f = await waitFor(async () => {
      const x = await funds(caseId);
      return x.receipts.length > 0 && x;
    }, 'the arrival to be booked');
    // Let a duplicate notification, if any, arrive too; it must change nothing.
    await waitFor(async () => {
      const sms = await admin('GET', '/sim/sms?to=13900001111');
      return (sms.body?.items ?? []).length > 0;
    }, 'the applicant’s SMS');
    const again = await funds(caseId);
    assert.equal(again.receipts.length, 1);
    assert.equal(f.balances.receivedFen, 3_000_000);
    assert.equal(again.balances.feesFen, 140_000);
    assert.equal(again.balances.payableFen, 3_000_000 - 140_000);
    const sms = await admin('GET', '/sim/sms?to=13900001111');
    assert.equal(sms.body.items.length, 1, 'one SMS for one arrival');
    assert.match(sms.body.items[0].text, /30,000\.00/);
    await assertLedgerBalances();
    // "已执行到位" is the money received.
    await waitFor(async () => {
      const c = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
      return c.body.recoveredFen === 3_000_000;
    }, 'the case to show the money received');
  });

  test('verifyLedger reports a cached balance that differs, an unbalanced journal and a lost journal', async () => {
    const undo = new Error('undo');
    const seen = await t.database.db
      .transaction(async (tx) => {
        await tx.execute(
          drizzleSql`update funds.case_balances set fees_fen = fees_fen + 1, received_fen = received_fen + 1 where case_id = ${caseId}::uuid`,
        );
        const [court] = await tx.execute<{ courtId: string }>(
          drizzleSql`select court_id as "courtId" from funds.case_accounts where case_id = ${caseId}::uuid`,
        );
        // Entries whose journal was never written, and which do not balance either.
        await tx.execute(drizzleSql`insert into funds.entries (journal_id, line, account, court_id, amount_fen)
          values ('00000000-0000-4000-8000-000000000001', 1, 'court.bank', ${court?.courtId}::uuid, 5)`);
        const report = await verifyLedger(tx);
        throw Object.assign(undo, { report });
      })
      .catch((err: unknown) => {
        if (err !== undo) throw err;
        return (undo as Error & { report: Awaited<ReturnType<typeof verifyLedger>> }).report;
      });
    const problems = seen.problems.map((p) => p.problem).sort();
    assert.deepEqual(problems, [
      'entries without their journal',
      'feesFen: cached 140001, entries say 140000',
      'journal does not balance (5 fen)',
      'receivedFen: cached 3000001, entries say 3000000',
    ]);
    await assertLedgerBalances();
  });

  test('a disbursement beyond what is left is refused naming amountFen; bad amounts are 400', async () => {
    const f = await funds(caseId);
    const payee = f.payees[0].partyId;
    await t.request('PUT', `/api/v1/cases/${caseId}/funds/payee-accounts/${payee}`, {
      token: judge,
      body: { accountNumber: '6217000011112222333', accountName: f.payees[0].name, bankName: '建设银行' },
    });
    const tooMuch = await t.request('POST', '/api/v1/funds/disbursements', {
      token: judge,
      body: { caseId, payeePartyId: payee, amountFen: f.balances.payableFen + 1 },
    });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body.error.details[0].path, 'amountFen');
    for (const amountFen of [0, -5, 1.5]) {
      const bad = await t.request('POST', '/api/v1/funds/disbursements', {
        token: judge,
        body: { caseId, payeePartyId: payee, amountFen },
      });
      assert.equal(bad.status, 400, `amountFen ${amountFen}`);
    }
    await assertLedgerBalances();
  });

  test('proposed, approved by the court leader alone, paid through the bank once', async () => {
    const f = await funds(caseId);
    const payee = f.payees[0].partyId;
    const proposed = await t.request('POST', '/api/v1/funds/disbursements', {
      token: judge,
      body: { caseId, payeePartyId: payee, amountFen: f.balances.payableFen },
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    assert.equal(proposed.body.state, 'pendingApproval');
    // The whole payable is reserved: a second proposal of the same money is refused.
    const twice = await t.request('POST', '/api/v1/funds/disbursements', {
      token: judge,
      body: { caseId, payeePartyId: payee, amountFen: 1 },
    });
    assert.equal(twice.status, 409);
    const byJudge = await t.request('POST', `/api/v1/funds/disbursements/${proposed.body.id}/approve`, {
      token: judge,
    });
    assert.equal(byJudge.status, 403);
    const approved = await t.request('POST', `/api/v1/funds/disbursements/${proposed.body.id}/approve`, {
      token: president,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const paid = await waitFor(async () => {
      const d = await t.request('GET', `/api/v1/funds/disbursements/${proposed.body.id}`, { token: judge });
      return d.body.state === 'paid' && d.body;
    }, 'the payment to be confirmed');
    assert.ok(paid.bankSerial);
    const after = await funds(caseId);
    assert.equal(after.balances.paidFen, f.balances.payableFen);
    assert.equal(after.balances.payableFen, 0);
    assert.equal(after.balances.receivedFen, 3_000_000);
    await waitFor(async () => {
      const sms = await admin('GET', '/sim/sms?to=13900001111');
      return (sms.body?.items ?? []).length === 2;
    }, 'the payout SMS');
    await assertLedgerBalances();
  });

  test('outside the data scope the case’s money does not exist', async () => {
    const other = await t.login('haishu.judge');
    const res = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token: other });
    assert.equal(res.status, 404);
  });
});

describe('the claim queue', () => {
  test('a payment naming no case waits for an officer, who books it to a case once', async () => {
    const caseId = await fileCase();
    const { accountNumber } = await funds(caseId);
    const courtAccount = accountNumber.slice(0, 12);
    const res = await admin('POST', '/sim/bank/transfers', {
      toAccount: `${courtAccount}99999990`,
      amountFen: 50_000,
      payerName: '某某',
      serial: 'FUNDS-TEST-UNMATCHED',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const item = await waitFor(async () => {
      const list = await t.request('GET', '/api/v1/funds/unmatched', { token: judge });
      return list.body.items.find((i: { serial: string }) => i.serial === 'FUNDS-TEST-UNMATCHED');
    }, 'the payment in the claim queue');
    const claimed = await t.request('POST', `/api/v1/funds/unmatched/${item.id}/claim`, {
      token: judge,
      body: { caseId },
    });
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    const again = await t.request('POST', `/api/v1/funds/unmatched/${item.id}/claim`, {
      token: judge,
      body: { caseId },
    });
    assert.equal(again.status, 409);
    const f = await funds(caseId);
    assert.equal(f.balances.receivedFen, 50_000);
    const list = await t.request('GET', '/api/v1/funds/unmatched', { token: judge });
    assert.ok(!list.body.items.some((i: { serial: string }) => i.serial === 'FUNDS-TEST-UNMATCHED'));
    await assertLedgerBalances();
  });
});

describe('concurrent proposals', () => {
  test('proposals racing for the same balance never reserve more than it', async () => {
    const caseId = await fileCase({ claimAmountFen: 100_000_000 });
    const { accountNumber } = await funds(caseId);
    await admin('POST', '/sim/bank/transfers', {
      toAccount: accountNumber,
      amountFen: 10_000_000,
      payerName: '被执行人',
      serial: 'FUNDS-TEST-RACE',
    });
    const f = await waitFor(async () => {
      const x = await funds(caseId);
      return x.balances.receivedFen > 0 && x;
    }, 'the arrival');
    const payee = f.payees[0].partyId;
    await t.request('PUT', `/api/v1/cases/${caseId}/funds/payee-accounts/${payee}`, {
      token: judge,
      body: { accountNumber: '6217000011112222444', accountName: f.payees[0].name, bankName: '建设银行' },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4_000_000 }), { minLength: 2, maxLength: 8 }),
        async (amounts) => {
          const before = await funds(caseId);
          const left = before.payees[0].payableFen - before.payees[0].reservedFen;
          const answers = await Promise.all(
            amounts.map((amountFen) =>
              t.request('POST', '/api/v1/funds/disbursements', {
                token: judge,
                body: { caseId, payeePartyId: payee, amountFen },
              }),
            ),
          );
          const accepted = amounts.filter((_, i) => answers[i]?.status === 201).reduce((a, b) => a + b, 0);
          for (const a of answers) assert.ok(a.status === 201 || a.status === 409, `status ${a.status}`);
          assert.ok(accepted <= left, `reserved ${accepted} of ${left}`);
          const after = await funds(caseId);
          assert.equal(after.payees[0].reservedFen - before.payees[0].reservedFen, accepted);
        },
      ),
      { numRuns: 5 },
    );
    await assertLedgerBalances();
  });
});

describe('escrow (提存)', () => {
  test('a court leader lodges payable money in escrow on a ground; never more than is free', async () => {
    const caseId = await fileCase({ claimAmountFen: 10_000_000 });
    const { accountNumber } = await funds(caseId);
    await admin('POST', '/sim/bank/transfers', {
      toAccount: accountNumber,
      amountFen: 1_000_000,
      payerName: '被执行人',
      serial: 'FUNDS-TEST-ESCROW',
    });
    const f = await waitFor(async () => {
      const x = await funds(caseId);
      return x.balances.payableFen > 0 && x;
    }, 'the arrival');
    const payee = f.payees[0].partyId;
    const body = { caseId, payeePartyId: payee, amountFen: 100_000, ground: 'refused', note: '拒绝领取' };
    const byJudge = await t.request('POST', '/api/v1/funds/escrows', { token: judge, body });
    assert.equal(byJudge.status, 403);
    const badGround = await t.request('POST', '/api/v1/funds/escrows', {
      token: president,
      body: { ...body, ground: 'bored' },
    });
    assert.equal(badGround.status, 400);
    assert.equal(badGround.body.error.details[0].path, 'ground');
    const tooMuch = await t.request('POST', '/api/v1/funds/escrows', {
      token: president,
      body: { ...body, amountFen: f.balances.payableFen + 1 },
    });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body.error.details[0].path, 'amountFen');
    const lodged = await t.request('POST', '/api/v1/funds/escrows', { token: president, body });
    assert.equal(lodged.status, 201, JSON.stringify(lodged.body));
    const after = await funds(caseId);
    assert.equal(after.balances.escrowFen, 100_000);
    assert.equal(after.balances.payableFen, f.balances.payableFen - 100_000);
    assert.equal(after.balances.receivedFen, 1_000_000);
    await assertLedgerBalances();
  });
});

describe('several applicants', () => {
  test('money waits unallocated; the judge decides the shares, the fee still first', async () => {
    const caseId = await fileCase({
      claimAmountFen: 10_000_000,
      applicants: [aCompany({ phone: '13900002222' }), aCompany({ phone: '13900003333' })],
    });
    const { accountNumber } = await funds(caseId);
    await admin('POST', '/sim/bank/transfers', {
      toAccount: accountNumber,
      amountFen: 1_000_000,
      payerName: '被执行人',
      serial: 'FUNDS-TEST-SHARES',
    });
    const f = await waitFor(async () => {
      const x = await funds(caseId);
      return x.balances.receivedFen > 0 && x;
    }, 'the arrival');
    assert.equal(f.balances.unallocatedFen, 1_000_000, 'nothing allocated with two applicants');
    const [a, b] = f.payees;
    const tooMuch = await t.request('POST', '/api/v1/funds/allocations', {
      token: judge,
      body: { caseId, shares: [{ payeePartyId: a.partyId, amountFen: 1_000_000 }] },
    });
    assert.equal(tooMuch.status, 409, 'the fee comes first');
    assert.equal(tooMuch.body.error.details[0].path, 'shares');
    const byPresidentOfOther = await t.request('POST', '/api/v1/funds/allocations', {
      token: await t.login('xihu.assistant'),
      body: { caseId, shares: [{ payeePartyId: a.partyId, amountFen: 1 }] },
    });
    assert.equal(byPresidentOfOther.status, 403);
    // 诉讼费用交纳办法 art. 14: claim ¥100,000 → fee ¥1,400; ¥10,000 − ¥1,400 = ¥8,600 to share.
    const decided = await t.request('POST', '/api/v1/funds/allocations', {
      token: judge,
      body: {
        caseId,
        shares: [
          { payeePartyId: a.partyId, amountFen: 500_000 },
          { payeePartyId: b.partyId, amountFen: 360_000 },
        ],
      },
    });
    assert.equal(decided.status, 201, JSON.stringify(decided.body));
    assert.equal(decided.body.feeFen, 140_000);
    const after = await funds(caseId);
    assert.equal(after.balances.unallocatedFen, 0);
    assert.equal(after.balances.feesFen, 140_000);
    assert.deepEqual(
      after.payees.map((p: { payableFen: number }) => p.payableFen),
      [500_000, 360_000],
    );
    await assertLedgerBalances();
  });
});
