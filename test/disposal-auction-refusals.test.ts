import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, startOfChinaDate } from '../src/kernel/index.ts';
import { type BiddingState, decideBid, hashBidderToken } from '../src/modules/disposal/index.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { aLotBody, aPricedValuation, firstBiddingStart } from './route-fixtures/auction-fixtures.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Every refusal of the auction's contract (400 naming the field, 401, 403, 404, 409), the
 * applicant-creditor's reduced deposit, the live stream over real HTTP, and the bidding statement
 * of the database held to the pure rule (rules/bidding.ts) by random sequences of bids and times.
 */
const secret = 'auction-refusals-secret';
let sim: Simulator;
let t: TestApp;
let judge: string;
let admin: string;
let baseUrl: string;
const hour = 3_600_000;

async function nowMs(): Promise<number> {
  return Date.parse((await t.request('GET', '/api/v1/clock')).body.now);
}

async function advanceTo(ms: number): Promise<void> {
  const seconds = Math.ceil((ms - (await nowMs())) / 1000) + 1;
  if (seconds <= 0) return;
  const res = await t.request('POST', '/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: seconds },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function fileCase(overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [aCompany()], respondents: [aPerson()], ...overrides }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return String(res.body.id);
}

async function aBidder(person = aPerson()) {
  const res = await t.request('POST', '/api/v1/auction/bidders', {
    body: { name: person.name, idNumber: person.idNumber, phone: '13912345678' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { ...person, token: String(res.body.token) };
}

function refusedNaming(
  res: { status: number; body: { error?: { details: { path: string }[] } } },
  status: number,
  path: string,
) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(
    res.body.error?.details.some((d) => d.path === path),
    `expected ${status} naming ${path}: ${JSON.stringify(res.body)}`,
  );
}

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({ port: 0, secret });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  judge = await t.login('xihu.judge');
  admin = await t.login('admin');
});

after(async () => {
  await sim?.close();
  await t?.close();
});

describe('announcing a lot', () => {
  test('each term outside the rules is refused with a 400 naming its field', async () => {
    const caseId = await fileCase();
    const v = await aPricedValuation(t.database, caseId, { referencePriceFen: 100_000_000 });
    const post = (body: Record<string, unknown>) =>
      t.request('POST', `/api/v1/cases/${caseId}/lots`, { token: judge, body: aLotBody(v, body) });
    // 网拍规定 art. 10: 70% of ¥1,000,000 is ¥700,000.
    refusedNaming(
      await post({ startingPriceFen: 69_999_999, depositFen: 7_000_000 }),
      400,
      'startingPriceFen',
    );
    // Art. 17: 5%–20% of ¥700,000 is ¥35,000–¥140,000.
    refusedNaming(await post({ depositFen: 3_499_999 }), 400, 'depositFen');
    refusedNaming(await post({ depositFen: 14_000_001 }), 400, 'depositFen');
    // Art. 20: at least 24 hours.
    const start = firstBiddingStart();
    refusedNaming(
      await post({ biddingEndsAt: new Date(start + 24 * hour - 1000).toISOString() }),
      400,
      'biddingEndsAt',
    );
    // Art. 12: real estate 30 days before the first round.
    const early = start - 24 * hour;
    refusedNaming(
      await post({
        biddingStartsAt: new Date(early).toISOString(),
        biddingEndsAt: new Date(early + 24 * hour).toISOString(),
      }),
      400,
      'biddingStartsAt',
    );
    const badPreemptor = await post({
      preemptors: [{ name: '王五', idNumber: '330106199001011230', rank: 1 }],
    });
    assert.equal(badPreemptor.status, 400);
    assert.ok(
      badPreemptor.body.error.details.some((d: { path: string }) =>
        d.path.startsWith('preemptors.0.idNumber'),
      ),
    );
    // Movables: 15 days suffice, 14 do not.
    const vehicle = await aPricedValuation(t.database, caseId, {
      assetType: 'vehicle',
      referencePriceFen: 10_000_000,
    });
    const movableStart = firstBiddingStart({ propertyClass: 'movable' });
    const onVehicle = (startsAt: number) =>
      t.request('POST', `/api/v1/cases/${caseId}/lots`, {
        token: judge,
        body: aLotBody(vehicle, {
          biddingStartsAt: new Date(startsAt).toISOString(),
          biddingEndsAt: new Date(startsAt + 24 * hour).toISOString(),
        }),
      });
    refusedNaming(await onVehicle(movableStart - 24 * hour), 400, 'biddingStartsAt');
    const ok = await onVehicle(movableStart);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const twice = await onVehicle(movableStart);
    assert.equal(twice.status, 409, 'one auction of an asset at a time');
  });

  test('the valuation must be fixed and valid (409); the team acts, others are refused', async () => {
    const caseId = await fileCase();
    const pending = await aPricedValuation(t.database, caseId, { state: 'inquiring' });
    const notFixed = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody(pending),
    });
    refusedNaming(notFixed, 409, 'valuationId');
    const today = (await t.request('GET', '/api/v1/clock')).body.today;
    const expired = await aPricedValuation(t.database, caseId, { validUntil: addCalendarDays(today, -1) });
    refusedNaming(
      await t.request('POST', `/api/v1/cases/${caseId}/lots`, { token: judge, body: aLotBody(expired) }),
      409,
      'valuationId',
    );
    const v = await aPricedValuation(t.database, caseId);
    const outside = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: await t.login('shangcheng.judge'),
      body: aLotBody(v),
    });
    assert.equal(outside.status, 404, 'outside the data scope the case does not exist');
    const notTeam = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: await t.login('xihu.president'),
      body: aLotBody(v),
    });
    assert.equal(notTeam.status, 403);
    const wrongAsset = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody(v, { assetId: randomUUID() }),
    });
    refusedNaming(wrongAsset, 400, 'assetId');
  });
});

describe('bidders, deposits and bids', () => {
  test('registration: a bad ID number or phone is a 400 naming it; court staff may not register', async () => {
    const p = aPerson();
    const register = (body: Record<string, unknown>) =>
      t.request('POST', '/api/v1/auction/bidders', {
        body: { name: p.name, idNumber: p.idNumber, phone: '13912345678', ...body },
      });
    refusedNaming(
      await register({ idNumber: `${p.idNumber.slice(0, 17)}${p.idNumber.endsWith('1') ? '2' : '1'}` }),
      400,
      'idNumber',
    );
    refusedNaming(await register({ phone: '0571-1234' }), 400, 'phone');
    const staff = aPerson();
    const refusedExclusion = await t.request('POST', '/api/v1/auction/exclusions', {
      token: judge,
      body: { idNumber: staff.idNumber, name: staff.name, kind: 'courtStaff' },
    });
    assert.equal(refusedExclusion.status, 403, 'only the administrator registers them');
    const excluded = await t.request('POST', '/api/v1/auction/exclusions', {
      token: admin,
      body: { idNumber: staff.idNumber, name: staff.name, kind: 'courtStaff', note: '西湖区法院执行局' },
    });
    assert.equal(excluded.status, 201, JSON.stringify(excluded.body));
    refusedNaming(await register({ idNumber: staff.idNumber, name: staff.name }), 403, 'idNumber');
  });

  test('deposits and bids: 401, 403, 404 and 409 as the contract says; the creditor holds what exceeds its claim', async () => {
    const creditor = aPerson();
    const caseId = await fileCase({ applicants: [creditor], claimAmountFen: 5_000_000 });
    const v = await aPricedValuation(t.database, caseId, { referencePriceFen: 100_000_000 });
    const created = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody(v),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const lotId = String(created.body.id);
    const bids = (token: string | undefined, amountFen: number) =>
      t.request('POST', `/api/v1/auction/lots/${lotId}/bids`, { token, body: { amountFen } });

    assert.equal((await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`)).status, 401);
    assert.equal((await bids(undefined, 70_000_000)).status, 401);
    assert.equal((await bids('zxb_nobody', 70_000_000)).status, 401);
    const a = await aBidder();
    const b = await aBidder();
    assert.equal(
      (await t.request('POST', `/api/v1/auction/lots/${randomUUID()}/deposits`, { token: a.token })).status,
      404,
    );
    assert.equal((await bids(a.token, 70_000_000)).status, 403, 'no held deposit');
    assert.equal(
      (await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: a.token })).status,
      201,
    );
    assert.equal(
      (await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: b.token })).status,
      201,
    );
    // 网拍规定 art. 17: deposit ¥70,000, the creditor's claim ¥50,000: ¥20,000 held.
    const c = await aBidder(creditor);
    const reduced = await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: c.token });
    assert.equal(reduced.status, 201, JSON.stringify(reduced.body));
    assert.equal(reduced.body.amountFen, 7_000_000 - 5_000_000);
    assert.equal(reduced.body.state, 'held');

    refusedNaming(await bids(a.token, 70_000_000), 409, 'amountFen');
    const lot = (await t.request('GET', `/api/v1/auction/lots/${lotId}`)).body;
    await advanceTo(Date.parse(lot.biddingStartsAt));
    refusedNaming(await bids(a.token, 69_999_999), 409, 'amountFen');
    assert.equal((await bids(a.token, 70_000_000)).status, 201);
    refusedNaming(await bids(a.token, 75_000_000), 409, 'amountFen');
    // The increment is ¥1,000: the next bid at least ¥701,000.
    refusedNaming(await bids(b.token, 70_099_999), 409, 'amountFen');
    assert.equal((await bids(b.token, 70_100_000)).status, 201);
    const bad = await t.request('POST', `/api/v1/auction/lots/${lotId}/bids`, {
      token: b.token,
      body: { amountFen: -5 },
    });
    refusedNaming(bad, 400, 'amountFen');
    await advanceTo(Date.parse(lot.endsAt));
    refusedNaming(await bids(a.token, 80_000_000), 409, 'amountFen');
    const closed = (await t.request('GET', `/api/v1/auction/lots/${lotId}`)).body;
    assert.equal(closed.state, 'closed');
    assert.equal(
      (await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: (await aBidder()).token }))
        .status,
      409,
      'too late to join',
    );
    const sale = await t.request('POST', `/api/v1/auction/lots/${lotId}/sale`, { token: judge });
    assert.equal(sale.status, 409, 'a sale follows two failed rounds');
    const stranger = await t.request('POST', `/api/v1/auction/lots/${lotId}/sale`, {
      token: await t.login('xihu.judge2'),
    });
    assert.equal(stranger.status, 403);
  });
});

describe('live updates', () => {
  test('a watcher gets the snapshot, then each bid with its sequence, then the close', async () => {
    const caseId = await fileCase();
    const v = await aPricedValuation(t.database, caseId, { referencePriceFen: 10_000_000 });
    const created = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody(v),
    });
    const lotId = String(created.body.id);
    const a = await aBidder();
    await t.request('POST', `/api/v1/auction/lots/${lotId}/deposits`, { token: a.token });
    const lot = (await t.request('GET', `/api/v1/auction/lots/${lotId}`)).body;
    await advanceTo(Date.parse(lot.biddingStartsAt));

    const abort = new AbortController();
    const res = await fetch(`${baseUrl}/api/v1/auction/lots/${lotId}/stream`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = res.body?.getReader();
    assert.ok(reader);
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      const decoder = new TextDecoder();
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value);
      }
      return pattern.test(text);
    };
    assert.ok(await readUntil(/event: snapshot/));
    assert.equal(
      (
        await t.request('POST', `/api/v1/auction/lots/${lotId}/bids`, {
          token: a.token,
          body: { amountFen: 7_000_000 },
        })
      ).status,
      201,
    );
    assert.ok(await readUntil(/id: 1\nevent: bid\ndata: .*"amountFen":7000000/));
    await advanceTo(Date.parse(lot.endsAt));
    assert.equal((await t.request('GET', `/api/v1/auction/lots/${lotId}`)).body.state, 'closed');
    assert.ok(await readUntil(/event: state\ndata: .*"state":"closed"/));
    abort.abort();
    // Without asking for an event stream: the lot once, as JSON.
    const once = await t.request('GET', `/api/v1/auction/lots/${lotId}/stream`);
    assert.equal(once.status, 200);
    assert.equal(once.body.id, lotId);
  });
});

describe('the database’s bidding statement follows the rule', () => {
  test('any bids, times and batches over two lots: the same decisions, prices, ends and order as rules/bidding.ts', async () => {
    const caseId = await fileCase();
    const v = await aPricedValuation(t.database, caseId, { referencePriceFen: 10_000_000 });
    const created = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody(v),
    });
    const template = String(created.body.id);
    const sql = t.database.sql;
    // Six bidders: three ordinary, three preemptors (orders 1, 2, 2).
    const ranks = [null, null, null, 1, 2, 2];
    const bidders = ranks.map((rank, i) => ({
      id: randomUUID(),
      token: `zxb_rule_${i}_${randomUUID()}`,
      rank,
    }));
    for (const b of bidders) {
      await sql`insert into disposal.auction_bidders (id, name, id_number, phone, token_hash)
        values (${b.id}, '测试', ${aPerson().idNumber}, '13900000000', ${hashBidderToken(b.token)})`;
    }
    const start = startOfChinaDate('2030-01-01').getTime();
    const day = 24 * hour;
    const aLotOfTheRun = async () => {
      const lotId = randomUUID();
      await sql`insert into disposal.lots (id, case_id, case_number, court_id, court_path, court_name, division_code,
          asset_id, valuation_id, asset_type, property_class, title, description, round, reference_price_fen,
          deposit_fen, bidding_ends_at, balance_period_days, announced_on, created_by)
        select ${lotId}, case_id, case_number, court_id, court_path, court_name, division_code, ${randomUUID()},
          valuation_id, asset_type, property_class, title, description, round, reference_price_fen, deposit_fen,
          ${new Date(start + day).toISOString()}, balance_period_days, announced_on, created_by
        from disposal.lots where id = ${template}`;
      await sql`insert into disposal.lot_bidding (lot_id, state, starting_price_fen, increment_fen, bidding_starts_at, ends_at)
        values (${lotId}, 'announced', 1000000, 10000, ${new Date(start).toISOString()}, ${new Date(start + day).toISOString()})`;
      const depositIds: string[] = [];
      for (const [i, b] of bidders.entries()) {
        const id = randomUUID();
        depositIds.push(id);
        await sql`insert into disposal.deposits (id, lot_id, bidder_id, kind, id_number, amount_fen, hold_id, state,
            bidder_number, preemptor_rank)
          values (${id}, ${lotId}, ${b.id}, 'deposit', '330106199001011234', 100000, ${`rule-${lotId}-${i}`}, 'held',
            ${`R${1000 + i}`}, ${b.rank})`;
      }
      const state: BiddingState = {
        startingPriceFen: 1_000_000,
        incrementFen: 10_000,
        biddingStartsAtMs: start,
        endsAtMs: start + day,
        currentPriceFen: null,
        leader: null,
        lastBidAtMs: null,
        bidCount: 0,
        isOpen: true,
      };
      return { lotId, depositIds, state };
    };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            lot: fc.integer({ min: 0, max: 1 }),
            who: fc.integer({ min: 0, max: 5 }),
            kind: fc.constantFrom('minimum', 'equal', 'below', 'above'),
            flush: fc.boolean(),
            extra: fc.integer({ min: 1, max: 300_000 }),
            offset: fc.oneof(
              fc.integer({ min: -hour, max: day + hour }),
              fc.integer({ min: day - 10 * 60_000, max: day + 20 * 60_000 }),
            ),
          }),
          { maxLength: 40 },
        ),
        async (seq) => {
          runs += 1;
          const lots = [await aLotOfTheRun(), await aLotOfTheRun()];
          // The bids go in batches, as a server process sends those that arrive while one is in flight;
          // the rule decides each lot's bids one after another in their order of arrival.
          type Sent = {
            lotId: string;
            token: string;
            amountFen: number;
            nowMs: number;
            expected: ReturnType<typeof decideBid>;
          };
          let batch: Sent[] = [];
          const send = async () => {
            if (batch.length === 0) return;
            const rows = await sql<
              {
                idx: number;
                outcome: string;
                seq: number | null;
                endsMs: number | null;
                atMs: number | null;
              }[]
            >`
              select p.r_idx as idx, p.r_outcome as outcome, p.r_seq as seq,
                (extract(epoch from p.r_ends_at) * 1000)::float8 as "endsMs", (extract(epoch from p.r_at) * 1000)::float8 as "atMs"
              from disposal.place_bids(${batch.map((b) => b.lotId)}::uuid[], ${batch.map((b) => hashBidderToken(b.token))}::text[],
                ${batch.map((b) => String(b.amountFen))}::bigint[],
                ${batch.map((b) => new Date(b.nowMs).toISOString())}::text[]::timestamptz[]) p order by p.r_idx`;
            assert.equal(rows.length, batch.length);
            for (const [i, b] of batch.entries()) {
              const row = rows[i];
              assert.ok(row);
              if (b.expected.ok) {
                assert.equal(row.outcome, 'accepted', `${JSON.stringify(b)} → ${row.outcome}`);
                assert.equal(row.seq, b.expected.seq);
                assert.equal(row.atMs, b.expected.atMs);
                assert.equal(row.endsMs, b.expected.state.endsAtMs);
              } else {
                assert.equal(row.outcome, b.expected.reason, JSON.stringify(b));
              }
            }
            batch = [];
          };
          let nowBase = 0;
          for (const step of seq) {
            // Time runs forward at the server, as its clock does.
            nowBase = Math.max(nowBase, step.offset);
            const nowMs = start + nowBase;
            const lot = lots[step.lot];
            const bidder = bidders[step.who];
            const depositId = lot?.depositIds[step.who];
            assert.ok(lot && bidder && depositId);
            const { state } = lot;
            const current = state.currentPriceFen ?? state.startingPriceFen;
            const amountFen =
              step.kind === 'equal'
                ? current
                : step.kind === 'below'
                  ? Math.max(1, current - step.extra)
                  : step.kind === 'minimum'
                    ? current + (state.currentPriceFen === null ? 0 : state.incrementFen)
                    : current + state.incrementFen + step.extra;
            const expected = decideBid(state, { depositId, preemptorRank: bidder.rank, amountFen, nowMs });
            if (expected.ok) lot.state = expected.state;
            batch.push({ lotId: lot.lotId, token: bidder.token, amountFen, nowMs, expected });
            if (step.flush) await send();
          }
          await send();
          for (const lot of lots) {
            const [final] = await sql<
              { price: string | null; count: number; leader: string | null; endsMs: number }[]
            >`
              select current_price_fen::text as price, bid_count as count, leader_deposit_id as leader,
                (extract(epoch from ends_at) * 1000)::float8 as "endsMs"
              from disposal.lot_bidding where lot_id = ${lot.lotId}`;
            assert.equal(final?.count, lot.state.bidCount);
            assert.equal(final?.leader ?? null, lot.state.leader?.depositId ?? null);
            assert.equal(final?.price === null ? null : Number(final?.price), lot.state.currentPriceFen);
            assert.equal(final?.endsMs, lot.state.endsAtMs);
          }
        },
      ),
      { numRuns: 100 },
    );
    assert.ok(runs >= 100);
  });
});
