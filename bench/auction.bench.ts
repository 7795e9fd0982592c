import { randomUUID } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';
import { prepareTestServer, templateName, withAppLogin, withDatabase } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { hashBidderToken } from '../src/modules/disposal/index.ts';
import { seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import type { App } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/logging.ts';
import { printFigures, runConcurrently, summarise } from './support.ts';

/**
 * Bidding (网拍规定 arts. 20–21; docs/decisions in src/modules/disposal/migrations/0002_auction.sql):
 * signed-in bidders' `POST /api/v1/auction/lots/{id}/bids` over HTTP to the real server, `CONCURRENCY`
 * at a time — on one hot lot (every bid takes the same row lock) and spread over 1,000 lots — beside
 * bare single-row autocommit `UPDATE`s of one row (and of 1,000 rows) on the same database at the same
 * concurrency. Each bid is one statement (`disposal.place_bids`, with the bids on its lot that arrived
 * meanwhile at the server: use-cases/bid-batcher.ts). Then the order is
 * checked lot by lot (gap-free sequence, rising prices, no bid at or after its end, the extension
 * rule), and 1,000 Server-Sent-Event watchers of one lot are timed from each bid's acceptance (its
 * server timestamp) to the moment each watcher has it. BENCH_AUCTION_HOT_BIDS, _SPREAD_BIDS,
 * _CONCURRENCY, _WATCHERS set the sizes.
 */
const HOT_BIDS = Number(process.env.BENCH_AUCTION_HOT_BIDS ?? 5_000);
const SPREAD_BIDS = Number(process.env.BENCH_AUCTION_SPREAD_BIDS ?? 5_000);
const LOTS = 1_000;
const CONCURRENCY = Number(process.env.BENCH_AUCTION_CONCURRENCY ?? 32);
const WATCHERS = Number(process.env.BENCH_AUCTION_WATCHERS ?? 1_000);
const WATCHED_BIDS = 50;
const BIDDERS_ON_HOT = 200;
const START = 1_000_000;
const INCREMENT = 100;

const server = await prepareTestServer({ port: 54994 });
const dbName = `zx_bench_auction_${Date.now()}`;
const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName} template ${templateName}`);
await admin.end();
const database = connectDatabase(withDatabase(server.adminUrl, dbName), { max: CONCURRENCY + 2 });
const appDatabase = connectDatabase(withAppLogin(server.adminUrl, dbName), { max: CONCURRENCY + 8 });
const { sql } = database;

type Bidder = { id: string; token: string };

/** Lots whose bidding is under way (written directly: the announcement would take 30 days of the clock). */
async function insertLots(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const [court] = await sql<
    { id: string; path: string }[]
  >`select id, path from identity.courts where court_code = '浙0106'`;
  const [user] = await sql<{ id: string }[]>`select id from identity.users where username = 'xihu.judge'`;
  if (!court || !user) throw new Error('demo organisation missing');
  await sql`insert into disposal.lots (id, case_id, case_number, court_id, court_path, court_name, division_code,
      asset_id, valuation_id, asset_type, property_class, title, description, round, reference_price_fen, deposit_fen,
      bidding_ends_at, balance_period_days, announced_on, created_by)
    select u.id, gen_random_uuid(), '（2026）浙0106执1号', ${court.id}, ${court.path}, '杭州市西湖区人民法院', '330106',
      gen_random_uuid(), gen_random_uuid(), 'realEstate', 'realEstate', '拍品', '拍品', 'first', 2000000, 100000,
      now() + interval '1 day', 15, current_date, ${user.id}
    from unnest(${ids}::uuid[]) as u(id)`;
  await sql`insert into disposal.lot_bidding (lot_id, state, starting_price_fen, increment_fen, bidding_starts_at, ends_at)
    select u.id, 'bidding', ${START}, ${INCREMENT}, now() - interval '1 hour', now() + interval '1 day'
    from unnest(${ids}::uuid[]) as u(id)`;
  return ids;
}

async function insertBidders(count: number): Promise<Bidder[]> {
  const bidders = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    token: `zxb_bench_${i}_${randomUUID()}`,
  }));
  await sql`insert into disposal.auction_bidders (id, name, id_number, phone, token_hash)
    select b.id, '竞买人', '330106199001011234', '13900000000', b.h
    from unnest(${bidders.map((b) => b.id)}::uuid[], ${bidders.map((b) => hashBidderToken(b.token))}::text[]) as b(id, h)`;
  return bidders;
}

/** Held deposits of these bidders on these lots (pairs), with their bidder numbers. */
async function holdDeposits(pairs: { lotId: string; bidderId: string; n: number }[]): Promise<void> {
  await sql`insert into disposal.deposits (id, lot_id, bidder_id, kind, id_number, amount_fen, hold_id, state, bidder_number)
    select gen_random_uuid(), p.lot, p.bidder, 'deposit', '330106199001011234', 100000, 'bench-' || gen_random_uuid(),
      'held', 'B' || (1000 + p.n)
    from unnest(${pairs.map((p) => p.lotId)}::uuid[], ${pairs.map((p) => p.bidderId)}::uuid[], ${pairs.map((p) => p.n)}::int[])
      as p(lot, bidder, n)`;
}

/** The order of every lot's bids, checked: the violations found. */
async function orderViolations(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    with b as (
      select lot_id, seq, amount_fen, at, ends_at, deposit_id,
        lag(seq) over w as pseq, lag(amount_fen) over w as pamount, lag(at) over w as pat,
        lag(ends_at) over w as pends, lag(deposit_id) over w as pdeposit
      from disposal.bids window w as (partition by lot_id order by seq)
    )
    select count(*)::int as n from b join disposal.lots l on l.id = b.lot_id
    where (pseq is null and (seq <> 1 or at >= l.bidding_ends_at))
       or (pseq is not null and (seq <> pseq + 1 or amount_fen < pamount + ${INCREMENT} or at < pat or at >= pends
           or ends_at <> greatest(pends, at + interval '5 minutes') or deposit_id = pdeposit))`;
  const [leaders] = await sql<{ n: number }[]>`
    select count(*)::int as n from disposal.lot_bidding lb
    cross join lateral (select x.deposit_id, x.amount_fen, x.ends_at from disposal.bids x
      where x.lot_id = lb.lot_id order by x.seq desc limit 1) last
    where lb.leader_deposit_id <> last.deposit_id or lb.current_price_fen <> last.amount_fen
      or lb.ends_at <> last.ends_at`;
  return (row?.n ?? 0) + (leaders?.n ?? 0);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function postBid(
  port: number,
  lotId: string,
  token: string,
  amountFen: number,
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ amountFen });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/auction/lots/${lotId}/bids`,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` SSE watchers of a lot: each bid's delay from its server timestamp to each watcher having it. */
async function watchers(port: number, lotId: string, count: number) {
  const delays = new Map<number, number[]>();
  const sockets: http.ClientRequest[] = [];
  const watcherAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let connected = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < count; i++) {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/auction/lots/${lotId}/stream`,
          agent: watcherAgent,
          headers: { accept: 'text/event-stream' },
        },
        (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const at = Date.now();
            buffer += chunk;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
              if (block.startsWith('retry') || block.includes('event: snapshot')) {
                if (block.includes('event: snapshot') && ++connected === count) resolve();
                continue;
              }
              if (!block.includes('event: bid')) continue;
              const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as {
                seq: number;
                at: string;
              };
              const list = delays.get(data.seq) ?? [];
              list.push(at - Date.parse(data.at));
              delays.set(data.seq, list);
            }
          });
        },
      );
      req.on('error', reject);
      sockets.push(req);
    }
  });
  return {
    delays,
    close() {
      for (const s of sockets) s.destroy();
      watcherAgent.destroy();
    },
  };
}

let app: App | undefined;
try {
  await seedDemoOrganisation(database.db);
  const [hotLot] = await insertLots(1);
  const spread = await insertLots(LOTS);
  const [watchedLot] = await insertLots(1);
  if (!hotLot || !watchedLot) throw new Error('no lots');
  const hotBidders = await insertBidders(BIDDERS_ON_HOT);
  const spreadBidders = await insertBidders(LOTS * 2);
  const watchBidders = await insertBidders(2);
  await holdDeposits([
    ...hotBidders.map((b, n) => ({ lotId: hotLot, bidderId: b.id, n })),
    ...spreadBidders.map((b, n) => ({ lotId: spread[Math.floor(n / 2)] ?? '', bidderId: b.id, n })),
    ...watchBidders.map((b, n) => ({ lotId: watchedLot, bidderId: b.id, n })),
  ]);
  await sql`create table public.bench_hot (id int primary key, n bigint not null default 0)`;
  await sql`insert into public.bench_hot (id) select generate_series(0, ${LOTS - 1})`;
  await sql`analyze`;

  app = await buildApp({
    config: loadConfig({ ZHIXING_LOG_LEVEL: 'silent', ZHIXING_DEMO: '1' }),
    database: appDatabase,
    logger: createLogger('warn'),
    serveWeb: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  /** Bare single-row autocommit updates, the same concurrency: of one row, or spread over 1,000. */
  const updates = async (total: number, rowOf: (i: number) => number) => {
    const run = await runConcurrently(total, CONCURRENCY, async (i) => {
      await sql`update public.bench_hot set n = n + 1 where id = ${rowOf(i)}`;
    });
    return { ...run, rate: (total / run.elapsedMs) * 1000 };
  };

  /** Bids through HTTP: each takes the next amount of its lot, by a bidder other than the last. */
  const bidding = async (
    total: number,
    lotOf: (i: number) => { lotId: string; tokens: string[]; k: number },
  ) => {
    let accepted = 0;
    let refused = 0;
    const acceptedLatencies: number[] = [];
    const run = await runConcurrently(total, CONCURRENCY, async (i) => {
      const { lotId, tokens, k } = lotOf(i);
      const started = performance.now();
      const res = await postBid(port, lotId, tokens[k % tokens.length] ?? '', START + k * INCREMENT);
      if (res.status === 201) {
        accepted += 1;
        acceptedLatencies.push(performance.now() - started);
      } else if (res.status === 409) refused += 1;
      else throw new Error(`bid: HTTP ${res.status} ${res.body.slice(0, 200)}`);
    });
    return { ...run, accepted, refused, acceptedLatencies, rate: (accepted / run.elapsedMs) * 1000 };
  };

  const hotTokens = hotBidders.map((b) => b.token);
  const updateHot = await updates(HOT_BIDS, () => 0);
  const hot = await bidding(HOT_BIDS, (i) => ({ lotId: hotLot, tokens: hotTokens, k: i }));
  const updateSpread = await updates(SPREAD_BIDS, (i) => i % LOTS);
  const spreadTokens = (lot: number) => [
    spreadBidders[lot * 2]?.token ?? '',
    spreadBidders[lot * 2 + 1]?.token ?? '',
  ];
  const spreadRun = await bidding(SPREAD_BIDS, (i) => ({
    lotId: spread[i % LOTS] ?? '',
    tokens: spreadTokens(i % LOTS),
    k: Math.floor(i / LOTS),
  }));
  const violations = await orderViolations();

  // 1,000 watchers of one lot; bids one after another, each timed to every watcher.
  const watched = await watchers(port, watchedLot, WATCHERS);
  const watchTokens = watchBidders.map((b) => b.token);
  for (let k = 0; k < WATCHED_BIDS; k++) {
    const res = await postBid(port, watchedLot, watchTokens[k % 2] ?? '', START + k * INCREMENT);
    if (res.status !== 201) throw new Error(`watched bid: ${res.status} ${res.body}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  for (
    let i = 0;
    i < 500 && [...watched.delays.values()].reduce((n, l) => n + l.length, 0) < WATCHERS * WATCHED_BIDS;
    i++
  ) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const all = [...watched.delays.values()].flat();
  const delivered = all.length;
  const lastPerBid = [...watched.delays.values()].map((l) => Math.max(...l));
  watched.close();

  const hotS = summarise(hot.acceptedLatencies);
  const spreadS = summarise(spreadRun.acceptedLatencies);
  const fanS = summarise(all);
  const allS = summarise(lastPerBid);
  printFigures(
    `Bidding over HTTP, ${CONCURRENCY} at a time: one hot lot (${HOT_BIDS.toLocaleString('en')} bids by ${BIDDERS_ON_HOT} bidders) ` +
      `and ${LOTS.toLocaleString('en')} lots (${SPREAD_BIDS.toLocaleString('en')} bids); bare autocommit UPDATEs of one row ` +
      `and of ${LOTS.toLocaleString('en')} rows, the same number at the same concurrency; ${WATCHERS} SSE watchers of one lot`,
    [
      {
        name: 'accepted bids, one hot lot',
        value: hot.rate,
        unit: '/s',
        baseline: { name: 'single-row UPDATE', value: updateHot.rate },
        goal: '≥ 0.50×',
      },
      {
        name: `accepted bids, ${LOTS.toLocaleString('en')} lots`,
        value: spreadRun.rate,
        unit: '/s',
        baseline: { name: `UPDATE of ${LOTS.toLocaleString('en')} rows`, value: updateSpread.rate },
      },
      { name: 'bids refused (too low), hot lot', value: hot.refused, unit: '' },
      { name: `bids refused, ${LOTS.toLocaleString('en')} lots`, value: spreadRun.refused, unit: '' },
      {
        name: 'acceptance latency p50, hot lot',
        value: hotS.p50,
        unit: 'ms',
        baseline: { name: 'UPDATE p50', value: summarise(updateHot.latencies).p50 },
      },
      {
        name: 'acceptance latency p99, hot lot',
        value: hotS.p99,
        unit: 'ms',
        baseline: { name: 'UPDATE p99', value: summarise(updateHot.latencies).p99 },
      },
      { name: `acceptance latency p50, ${LOTS.toLocaleString('en')} lots`, value: spreadS.p50, unit: 'ms' },
      { name: `acceptance latency p99, ${LOTS.toLocaleString('en')} lots`, value: spreadS.p99, unit: 'ms' },
      { name: 'ordering violations (every lot)', value: violations, unit: '', goal: '0' },
      {
        name: `bid → watcher p50 (${WATCHERS} watchers × ${WATCHED_BIDS} bids)`,
        value: fanS.p50,
        unit: 'ms',
      },
      { name: 'bid → watcher p99', value: fanS.p99, unit: 'ms', goal: '≤ 200 ms' },
      { name: `bid → all ${WATCHERS} watchers p99 (per bid)`, value: allS.p99, unit: 'ms' },
      {
        name: 'frames delivered / expected',
        value: delivered / (WATCHERS * WATCHED_BIDS),
        unit: '',
        goal: '1',
      },
    ],
  );
  if (violations > 0) process.exitCode = 1;
} finally {
  agent.destroy();
  await app?.close();
  await appDatabase.close();
  await database.close();
  const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${dbName} with (force)`);
  await a.end();
  await server.stop();
}
