import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays } from '../src/kernel/index.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { aLotBody, aPricedValuation, firstBiddingStart } from './route-fixtures/auction-fixtures.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The online judicial auction end to end (DOMAIN.md §7), on the real PostgreSQL with the real
 * simulator over signed HTTP: a lot announced at its reference price, real-name bidders whose
 * deposits the bank holds, bids with a preemptor's tie and the 5-minute extension (the clock
 * moved, never slept), the close, the losers' holds released and the winner's captured into the
 * case account, the balance paid and the lot sold with its confirmation ruling; a default and its
 * resale without the defaulter; two failed rounds and a sale (变卖).
 */
const secret = 'auction-test-secret';
const logger = createLogger('silent');
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let judge: string;
let admin: string;

async function simAdmin(method: 'GET' | 'POST', path: string, body?: unknown) {
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

async function nowMs(): Promise<number> {
  const res = await t.request('GET', '/api/v1/clock');
  return Date.parse(res.body.now);
}

/** Moves the one clock forward to just after `ms` (never back). */
async function advanceTo(ms: number): Promise<void> {
  const seconds = Math.ceil((ms - (await nowMs())) / 1000) + 1;
  if (seconds <= 0) return;
  const res = await t.request('POST', '/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: seconds },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function fileCase(applicant: Record<string, unknown> = aCompany()) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [applicant], respondents: [aPerson()], claimAmountFen: 50_000_000 }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const id = String(res.body.id);
  const funds = await t.request('GET', `/api/v1/cases/${id}/funds`, { token: judge });
  assert.equal(funds.status, 200, JSON.stringify(funds.body));
  return { id, accountNumber: String(funds.body.accountNumber) };
}

async function aBidder(person = aPerson()) {
  const res = await t.request('POST', '/api/v1/auction/bidders', {
    body: { name: person.name, idNumber: person.idNumber, phone: '13912345678' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { ...person, id: String(res.body.id), token: String(res.body.token) };
}

async function deposit(lotId: string, bidder: { token: string }) {
  return t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: bidder.token });
}

async function bid(lotId: string, bidder: { token: string }, amountFen: number) {
  return t.request('POST', `/api/v1/auction/lots/${lotId}/bids`, {
    token: bidder.token,
    body: { amountFen },
  });
}

async function lot(lotId: string) {
  const res = await t.request('GET', `/api/v1/auction/lots/${lotId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function me(bidder: { token: string }) {
  const res = await t.request('GET', '/api/v1/auction/me', { token: bidder.token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function announce(caseId: string, body: Record<string, unknown>) {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/lots`, { token: judge, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.state, 'announced');
  return String(res.body.id);
}

async function caseReceipts(caseId: string): Promise<{ amountFen: number }[]> {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token: judge });
  return res.body.receipts;
}

before(async () => {
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
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs(),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config: { ...t.config, publicUrl: `http://127.0.0.1:${port}` },
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
  judge = await t.login('xihu.judge');
  admin = await t.login('admin');
});

after(async () => {
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

describe('a lot from announcement to sale', () => {
  test('announce, hold deposits, bid with a preemptor and the extension, close, release, capture, pay, sell', async () => {
    const c = await fileCase(aCompany({ phone: '13900003333' }));
    const v = await aPricedValuation(t.database, c.id, { referencePriceFen: 100_000_000 });
    const preemptor = aPerson();
    const lotId = await announce(
      c.id,
      aLotBody(v, {
        preemptors: [{ name: preemptor.name, idNumber: preemptor.idNumber, rank: 1 }],
        title: '西湖区文三路 100 号 3 幢 501 室',
      }),
    );
    // 网拍规定 art. 10: starting price 70% of ¥1,000,000; art. 17: deposit 10% of it.
    let shown = await lot(lotId);
    assert.equal(shown.state, 'announced');
    assert.equal(shown.startingPriceFen, 70_000_000);
    assert.equal(shown.depositFen, 7_000_000);
    assert.equal(shown.hasPreemptors, true);
    assert.ok(shown.serverNow);
    // The parties learn of the announcement by SMS (auction-notices.ts).
    await waitFor(async () => {
      const sms = await simAdmin('GET', '/sim/sms?to=13900003333');
      return (sms.body?.items ?? []).some((m: { text: string }) =>
        /第一次网络司法拍卖已公告，起拍价700,000\.00元/.test(m.text),
      );
    }, 'the applicant’s SMS of the announcement');

    const a = await aBidder();
    const b = await aBidder();
    const p = await aBidder(preemptor);
    const held = await deposit(lotId, a);
    assert.equal(held.status, 201, JSON.stringify(held.body));
    assert.equal(held.body.state, 'held');
    assert.match(held.body.bidderNumber, /^[A-Z]\d{4,}$/);
    const again = await deposit(lotId, a);
    assert.deepEqual(again.body, held.body, 'the same bidder number again');
    const numberB = (await deposit(lotId, b)).body.bidderNumber;
    const numberP = (await deposit(lotId, p)).body.bidderNumber;
    assert.equal(new Set([held.body.bidderNumber, numberB, numberP]).size, 3);

    await advanceTo(Date.parse(shown.biddingStartsAt));
    assert.equal((await bid(lotId, a, 70_000_000)).status, 201);
    assert.equal(
      (await bid(lotId, b, 70_000_000)).status,
      409,
      'an equal bid is void for an ordinary bidder',
    );
    assert.equal((await bid(lotId, b, 71_000_000)).status, 201);
    const tie = await bid(lotId, p, 71_000_000);
    assert.equal(tie.status, 201, `the preemptor matches the highest bid: ${JSON.stringify(tie.body)}`);
    assert.equal((await bid(lotId, a, 72_000_000)).status, 201);

    // The last minute: a bid moves the end to 5 minutes after it (网拍规定 art. 20).
    shown = await lot(lotId);
    const announcedEnd = Date.parse(shown.endsAt);
    await advanceTo(announcedEnd - 60_000);
    const late = await bid(lotId, b, 73_000_000);
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.equal(Date.parse(late.body.endsAt), Date.parse(late.body.at) + 5 * 60_000);
    assert.ok(Date.parse(late.body.endsAt) > announcedEnd);
    shown = await lot(lotId);
    assert.equal(shown.endsAt, late.body.endsAt);
    assert.equal(shown.currentPriceFen, 73_000_000);
    assert.deepEqual(
      shown.bids.map((x: { bidderNumber: string }) => x.bidderNumber),
      [numberB, held.body.bidderNumber, numberP, numberB, held.body.bidderNumber],
    );
    const text = JSON.stringify(shown);
    for (const person of [a, b, p]) {
      assert.ok(
        !text.includes(person.name) && !text.includes(person.idNumber),
        'no name or ID number in public',
      );
    }

    // Past the moved end: closed on reading it, B wins at ¥730,000.
    await advanceTo(Date.parse(late.body.endsAt));
    assert.equal((await bid(lotId, a, 80_000_000)).status, 409, 'too late');
    shown = await lot(lotId);
    assert.equal(shown.state, 'closed');
    assert.equal(shown.winnerBidderNumber, numberB);
    assert.equal(shown.priceFen, 73_000_000);
    assert.equal(shown.balanceDueOn, addCalendarDays(chinaDay(shown.endsAt), 15));

    // The losers' holds are released; the winner's deposit arrives in the case account.
    await waitFor(async () => (await me(a)).deposits[0]?.state === 'released', 'A’s hold released');
    await waitFor(async () => (await me(p)).deposits[0]?.state === 'released', 'P’s hold released');
    await waitFor(async () => (await me(b)).deposits[0]?.state === 'captured', 'B’s hold captured');
    await waitFor(
      async () => (await caseReceipts(c.id)).some((r) => r.amountFen === 7_000_000),
      'the deposit in the case account',
    );
    const home = await me(b);
    assert.equal(home.deposits[0].isWinner, true);
    assert.equal(home.bids.length, 2);

    // The balance, paid to the case account by bank transfer: sold, the ruling due within 10 days.
    const paid = await simAdmin('POST', '/sim/bank/transfers', {
      toAccount: c.accountNumber,
      amountFen: 73_000_000 - 7_000_000,
      payerName: b.name,
    });
    assert.equal(paid.status, 202, JSON.stringify(paid.body));
    await waitFor(async () => (await lot(lotId)).state === 'sold', 'the lot sold');
    const lots = await t.request('GET', `/api/v1/cases/${c.id}/lots`, { token: judge });
    assert.equal(lots.status, 200);
    const mine = lots.body.items.find((x: { id: string }) => x.id === lotId);
    assert.equal(mine.winner.name, b.name, 'the court knows who won');
    assert.equal(mine.ruling.dueOn, addCalendarDays(mine.ruling.paidOn, 10));
    await waitFor(async () => {
      const told = await simAdmin('GET', '/sim/sms?to=13900003333');
      return (told.body?.items ?? []).some((m: { text: string }) =>
        /拍卖已结束：以\d[\d,]*\.\d{2}元成交/.test(m.text),
      );
    }, 'the applicant’s SMS of the result');
    // The announcement is on the case's timeline as "auction started" (flows/disposal-case-nodes.ts).
    await waitFor(async () => {
      const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
      return detail.body.nodes.some((n: { kind: string }) => n.kind === 'auctionStarted');
    }, 'the auctionStarted node');
  });
});

/** The China date of an instant (UTC+8). */
function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('default (悔拍)', () => {
  test('an unpaid balance defaults: the deposit stays in the case account, the defaulter is barred from the resale', async () => {
    const c = await fileCase();
    const v = await aPricedValuation(t.database, c.id, { referencePriceFen: 20_000_000 });
    const lotId = await announce(c.id, aLotBody(v, { balancePeriodDays: 10 }));
    const winner = await aBidder();
    assert.equal((await deposit(lotId, winner)).status, 201);
    const shown = await lot(lotId);
    await advanceTo(Date.parse(shown.biddingStartsAt));
    assert.equal((await bid(lotId, winner, 14_000_000)).status, 201);
    await advanceTo(Date.parse(shown.endsAt));
    const closed = await lot(lotId);
    assert.equal(closed.state, 'closed');
    await waitFor(
      async () => (await caseReceipts(c.id)).some((r) => r.amountFen === 1_400_000),
      'the deposit in the case account',
    );
    // The balance is not paid: the day after the due date, the scheduled job finds the default.
    await advanceTo(Date.parse(`${addCalendarDays(closed.balanceDueOn, 1)}T00:00:00+08:00`) + 60_000);
    await waitFor(async () => (await lot(lotId)).state === 'defaulted', 'the default');
    assert.ok(
      (await caseReceipts(c.id)).some((r) => r.amountFen === 1_400_000),
      'the deposit is kept',
    );

    // The resale (same round, announced again): the defaulter may not bid; others may.
    const resale = await announce(c.id, aLotBody(v, { previousLotId: lotId }));
    const barred = await deposit(resale, winner);
    assert.equal(barred.status, 403, JSON.stringify(barred.body));
    const other = await aBidder();
    assert.equal((await deposit(resale, other)).status, 201);
  });
});

describe('failed rounds', () => {
  test('two failed rounds, then a sale (变卖): the first full payment wins', async () => {
    const c = await fileCase();
    const v = await aPricedValuation(t.database, c.id, { referencePriceFen: 10_000_000 });
    const first = await announce(c.id, aLotBody(v));
    await advanceTo(Date.parse((await lot(first)).endsAt));
    assert.equal((await lot(first)).state, 'failed');

    // Round two within 30 days: 15 days' announcement for real estate, the start lowered by ≤ 20%.
    const start = firstBiddingStart({ round: 'second' });
    const lower = {
      previousLotId: first,
      startingPriceFen: 5_599_999,
      depositFen: 560_000,
      biddingStartsAt: new Date(start).toISOString(),
      biddingEndsAt: new Date(start + 24 * 3_600_000).toISOString(),
    };
    const tooLow = await t.request('POST', `/api/v1/cases/${c.id}/lots`, {
      token: judge,
      body: aLotBody(v, lower),
    });
    assert.equal(tooLow.status, 400);
    assert.equal(tooLow.body.error.details[0].path, 'startingPriceFen');
    const second = await announce(c.id, aLotBody(v, { ...lower, startingPriceFen: 5_600_000 }));
    assert.equal((await lot(second)).round, 'second');
    await advanceTo(Date.parse((await lot(second)).endsAt));
    assert.equal((await lot(second)).state, 'failed');

    const third = await t.request('POST', `/api/v1/cases/${c.id}/lots`, {
      token: judge,
      body: aLotBody(v, { previousLotId: second }),
    });
    assert.equal(third.status, 409, 'no third round: the court chooses');

    const sale = await t.request('POST', `/api/v1/auction/lots/${second}/sale`, { token: judge });
    assert.equal(sale.status, 200, JSON.stringify(sale.body));
    assert.equal(sale.body.state, 'saleOpen');
    assert.equal(sale.body.priceFen, 5_600_000, 'at the second round’s starting price');
    const today = (await t.request('GET', '/api/v1/clock')).body.today;
    assert.equal(sale.body.saleEndsOn, addCalendarDays(today, 60));

    const buyer = await aBidder();
    const late = await aBidder();
    const bought = await t.request('POST', `/api/v1/auction/lots/${second}/purchase`, { token: buyer.token });
    assert.equal(bought.status, 201, JSON.stringify(bought.body));
    assert.equal(bought.body.amountFen, 5_600_000);
    const second2 = await t.request('POST', `/api/v1/auction/lots/${second}/purchase`, { token: late.token });
    assert.equal(second2.status, 409, 'the first full payment wins');
    await waitFor(async () => (await lot(second)).state === 'sold', 'the sale paid into the case account');
    assert.deepEqual((await me(late)).deposits, [], 'nothing held for the late buyer');
  });

  test('after a failed round a creditor may take the asset in payment at its reserve price', async () => {
    const c = await fileCase();
    const v = await aPricedValuation(t.database, c.id, { referencePriceFen: 10_000_000 });
    const first = await announce(c.id, aLotBody(v));
    await advanceTo(Date.parse((await lot(first)).endsAt));
    assert.equal((await lot(first)).state, 'failed');
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const applicant = detail.body.applicants[0].id;
    const release = await t.request('POST', `/api/v1/auction/lots/${first}/release`, { token: judge });
    assert.equal(release.status, 409, 'release follows two failures');
    const taken = await t.request('POST', `/api/v1/auction/lots/${first}/transfer-in-lieu`, {
      token: judge,
      body: { partyId: applicant },
    });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.equal(taken.body.state, 'transferredInLieu');
    assert.equal(taken.body.priceFen, 7_000_000);
  });
});
