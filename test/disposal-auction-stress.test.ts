import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { connectDatabase, type Database } from '../src/platform/db.ts';
import type { App } from '../src/platform/http/server.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { aLotBody, aPricedValuation } from './route-fixtures/auction-fixtures.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Two server instances on one database, a burst of concurrent bids against both around the final
 * second, and the clock moved past the end while bids are in flight. Whatever the interleaving:
 * one gap-free order of accepted bids, each above the one before by the increment, none at or
 * after the end it was placed against, every end moved exactly as the rule says and written with
 * its bid, every accepted answer a bid in the database and no other, exactly one winner, every
 * other deposit released and the winner's captured, and both servers' watchers told every bid in
 * order and the close. Bounded in size; nothing is timed.
 */
const secret = 'auction-stress-secret';
const logger = createLogger('silent');
const bidders = 12;
const attemptsEach = 15;
const incrementFen = 100_000;
let sim: Simulator;
let t: TestApp;
let second: { app: App; database: Database };
let urls: string[];
let worker: JobRunner;
let outbox: OutboxDispatcher;

async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are inspected by each assertion
  const body: any = await res.json().catch(() => null);
  return { status: res.status, body };
}

/** A watcher of a lot's stream: every frame it got, until stopped. */
function watch(base: string, lotId: string) {
  const frames: { event: string; id: string | null; data: Record<string, unknown> }[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const res = await fetch(`${base}/api/v1/auction/lots/${lotId}/stream`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const reader = res.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data)
            frames.push({ event, id: /^id: (.*)$/m.exec(block)?.[1] ?? null, data: JSON.parse(data) });
        }
      }
    } catch {
      // Aborted.
    }
  })();
  return {
    frames,
    async stop() {
      abort.abort();
      await done;
    },
  };
}

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    bank: { knobs: { settleLatencyMs: 50 }, notify: { flushMs: 10, baseDelayMs: 50, maxDelayMs: 500 } },
  });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  const first = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // The second server: the same code and database, its own pool, its own LISTEN connection.
  const database = connectDatabase(t.database.appUrl, { max: 20 });
  const app = await buildApp({ config: t.config, database, logger, serveWeb: false });
  second = { app, database };
  urls = [first, await app.listen({ port: 0, host: '127.0.0.1' })];
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs(),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config: { ...t.config, publicUrl: first },
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
});

after(async () => {
  await outbox?.stop();
  await worker?.stop();
  await second?.app.close();
  await second?.database.close();
  await sim?.close();
  await t?.close();
});

test('a burst of bids on two servers around the final second: one order, one winner, nothing after the end', async () => {
  const [url1 = '', url2 = ''] = urls;
  const judge = await t.login('xihu.judge');
  const admin = await t.login('admin');
  const filed = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [aCompany()], respondents: [aPerson()] }),
  });
  const caseId = String(filed.body.id);
  const v = await aPricedValuation(t.database, caseId, { referencePriceFen: 10_000_000 });
  const created = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
    token: judge,
    body: aLotBody(v, { incrementFen }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const lotId = String(created.body.id);

  // Bidders register and pay their deposits on either server.
  const tokens: string[] = [];
  for (let i = 0; i < bidders; i++) {
    const base = urls[i % 2] ?? url1;
    const p = aPerson();
    const reg = await call(base, 'POST', '/api/v1/auction/bidders', {
      body: { name: p.name, idNumber: p.idNumber, phone: '13912345678' },
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const token = String(reg.body.token);
    const held = await call(base, 'POST', `/api/v1/auction/lots/${lotId}/deposits`, { token });
    assert.equal(held.status, 201, JSON.stringify(held.body));
    assert.equal(held.body.state, 'held');
    tokens.push(token);
  }
  const announced = (await call(url1, 'GET', `/api/v1/auction/lots/${lotId}`)).body;
  const announcedEnd = Date.parse(announced.endsAt);
  const watchers = [watch(url1, lotId), watch(url2, lotId)];

  // The clock to two minutes before the end: inside the last five, so that every bid moves the end
  // (two minutes, not two seconds, so that a slow machine still bids before it).
  const now = Date.parse((await t.request('GET', '/api/v1/clock')).body.now);
  const moved = await t.request('POST', '/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: Math.floor((announcedEnd - now) / 1000) - 120 },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));

  // The burst: every bidder bids against both servers; when a third of it is sent, the clock
  // jumps ten minutes — past any end a bid could have set — while the rest are in flight.
  type Answer = { status: number; body: { seq?: number; currentPriceFen?: number; endsAt?: string } };
  const accepted: { seq: number; amountFen: number; endsAt: string }[] = [];
  let known = Number(announced.startingPriceFen) - incrementFen;
  let sent = 0;
  let jump: Promise<unknown> | null = null;
  const lane = async (i: number) => {
    const token = tokens[i] ?? '';
    for (let k = 0; k < attemptsEach; k++) {
      sent += 1;
      if (jump === null && sent >= (bidders * attemptsEach) / 3) {
        jump = t.request('POST', '/api/v1/demo/clock', { token: admin, body: { advanceSeconds: 600 } });
      }
      const amountFen = known + incrementFen * (1 + ((i + k) % 3));
      const base = urls[(i + k) % 2] ?? url1;
      const res: Answer = await call(base, 'POST', `/api/v1/auction/lots/${lotId}/bids`, {
        token,
        body: { amountFen },
      });
      if (res.status === 201 && res.body.seq !== undefined && res.body.endsAt !== undefined) {
        accepted.push({ seq: res.body.seq, amountFen, endsAt: res.body.endsAt });
        known = Math.max(known, amountFen);
      } else {
        assert.ok(
          [409].includes(res.status),
          `a refusal is 409, got ${res.status} ${JSON.stringify(res.body)}`,
        );
        const current = (await call(base, 'GET', `/api/v1/auction/lots/${lotId}`)).body;
        known = Math.max(known, Number(current.currentPriceFen));
      }
    }
  };
  await Promise.all(Array.from({ length: bidders }, (_, i) => lane(i)));
  await jump;

  // Both servers agree the lot closed, on the same winner.
  const [seen1, seen2] = await Promise.all(urls.map((u) => call(u, 'GET', `/api/v1/auction/lots/${lotId}`)));
  assert.equal(seen1?.body.state, 'closed');
  assert.equal(seen2?.body.winnerBidderNumber, seen1?.body.winnerBidderNumber);

  const sql = t.database.sql;
  const bids = await sql<
    { seq: number; depositId: string; amountFen: string; atMs: number; endsMs: number }[]
  >`
    select seq, deposit_id as "depositId", amount_fen::text as "amountFen",
      (extract(epoch from at) * 1000)::float8 as "atMs", (extract(epoch from ends_at) * 1000)::float8 as "endsMs"
    from disposal.bids where lot_id = ${lotId} order by seq`;
  assert.ok(bids.length > 0, 'some bids were accepted');
  assert.ok(bids.length < bidders * attemptsEach, 'and some refused: the burst raced');
  let endMs = announcedEnd;
  let previous: (typeof bids)[number] | undefined;
  for (const [i, b] of bids.entries()) {
    assert.equal(b.seq, i + 1, 'one gap-free sequence');
    assert.ok(b.atMs < endMs, `bid ${b.seq} at or after the end it was placed against`);
    endMs = Math.max(endMs, b.atMs + 5 * 60_000);
    assert.equal(b.endsMs, endMs, `bid ${b.seq}: the end moved with it by the rule`);
    if (previous) {
      assert.ok(
        Number(b.amountFen) >= Number(previous.amountFen) + incrementFen,
        'each above the last by the increment',
      );
      assert.ok(b.atMs >= previous.atMs, 'time follows the order');
      assert.notEqual(b.depositId, previous.depositId);
    }
    previous = b;
  }
  const last = bids.at(-1);
  assert.ok(last);
  assert.ok(endMs > announcedEnd, 'the end was moved by late bids');
  // Every accepted answer is one bid of the database, and nothing else is.
  assert.deepEqual(
    [...accepted].sort((a, b) => a.seq - b.seq).map((a) => [a.seq, a.amountFen]),
    bids.map((b) => [b.seq, Number(b.amountFen)]),
  );
  const [lot] = await sql<
    { state: string; winner: string; price: string; endsMs: number; closedMs: number; bidCount: number }[]
  >`
    select b.state, l.winner_deposit_id as winner, l.price_fen::text as price, b.bid_count as "bidCount",
      (extract(epoch from b.ends_at) * 1000)::float8 as "endsMs", (extract(epoch from l.closed_at) * 1000)::float8 as "closedMs"
    from disposal.lot_bidding b join disposal.lots l on l.id = b.lot_id where b.lot_id = ${lotId}`;
  assert.equal(lot?.state, 'closed');
  assert.equal(lot?.bidCount, bids.length);
  assert.equal(lot?.endsMs, endMs, 'the lot’s end is its last bid’s');
  assert.equal(lot?.closedMs, endMs, 'closed at that end');
  assert.equal(lot?.winner, last.depositId, 'exactly one winner: the last bid');
  assert.equal(Number(lot?.price), Number(last.amountFen));

  // Deposits: the winner's captured into the case account, every other released.
  await waitFor(async () => {
    const states = await sql<{ state: string; n: number }[]>`
      select state, count(*)::int as n from disposal.deposits where lot_id = ${lotId} group by state`;
    const of = (s: string) => states.find((x) => x.state === s)?.n ?? 0;
    return of('captured') === 1 && of('released') === bidders - 1;
  }, 'the winner captured and the others released');
  const [capturedOne] = await sql<{ id: string }[]>`
    select id from disposal.deposits where lot_id = ${lotId} and state = 'captured'`;
  assert.equal(capturedOne?.id, last.depositId);

  // Both servers' watchers had every bid, in order, once, and the close.
  await waitFor(
    async () => watchers.every((w) => w.frames.some((f) => f.event === 'state' && f.data.state === 'closed')),
    'both watchers told of the close',
  );
  await Promise.all(watchers.map((w) => w.stop()));
  for (const w of watchers) {
    const snapshot = w.frames.find((f) => f.event === 'snapshot');
    assert.ok(snapshot, 'a snapshot first');
    const fromSeq = Number(snapshot.data.bidCount);
    const seqs = w.frames.filter((f) => f.event === 'bid').map((f) => Number(f.data.seq));
    assert.deepEqual(
      seqs,
      bids.filter((b) => b.seq > fromSeq).map((b) => b.seq),
      'every bid after the snapshot, in order, once',
    );
  }
});
