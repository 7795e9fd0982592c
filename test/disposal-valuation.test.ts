import assert from 'node:assert/strict';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { keepSimulatorOnClock } from '../src/demo/inquiry-world.ts';
import { addCalendarDays, addMonths, startOfChinaDate } from '../src/kernel/index.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { adoptClockOffset, clock } from '../src/platform/clock.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { computeSignature } from '../src/platform/signed-http.ts';
import { type Simulator, startSimulator, valuationPlatformKey } from '../src/sim/index.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The reference price end to end (DOMAIN.md §6, issue 11 §1): the API contract, online inquiry to
 * the simulated platforms over the signed protocol with the one clock moved across the 3-day
 * window and its extension, the average of the on-time reports, an objection upheld, a platform
 * delisted after 5 late reports, and appraisal by a lottery anyone can recompute — with the
 * 30-day report deadline, its extensions and the hand-over. Real PostgreSQL, real HTTP, the real
 * simulator; deadlines are crossed by moving the clock, never by sleeping.
 */
const secret = 'valuation-test-secret';
const logger = createLogger('silent');
const platforms = ['alipaimai', 'jdpaimai', 'rongegou'] as const;
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let stopSimClock: () => void;
let judge: string;
let admin: string;

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    valuation: { knobs: { lateness: 'onTime' }, callbacks: { baseDelayMs: 50, maxDelayMs: 500 } },
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
    scheduleIntervalSeconds: 1,
    config: { ...t.config, publicUrl: `http://127.0.0.1:${port}` },
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
  stopSimClock = keepSimulatorOnClock({ sim }, logger);
  judge = await t.login('xihu.judge');
  admin = await t.login('admin');
});

after(async () => {
  stopSimClock?.();
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
  adoptClockOffset(0);
});

// ——— helpers ———

async function fileCase(): Promise<{ id: string; applicantId: string }> {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ respondents: [aPerson()] }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token: judge });
  return { id: res.body.id, applicantId: detail.body.applicants[0].id };
}

let flats = 0;

/** A flat of the case's respondent in inquiry's feedback list, sealed (a seal in force) unless told otherwise. */
async function aFlat(caseId: string, opts: { isSealed?: boolean; valueFen?: number } = {}): Promise<string> {
  const assetId = randomUUID();
  flats += 1;
  const sql = t.database.sql;
  const [c] = await sql<
    { courtId: string; partyId: string }[]
  >`select c.court_id as "courtId", p.id as "partyId"
    from cases.cases c join cases.parties p on p.case_id = c.id and p.role = 'respondent' where c.id = ${caseId} limit 1`;
  assert.ok(c);
  await sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name, institution,
      channel, asset_type, identifier, description, value_fen, first_request_id, last_request_id, first_answered_at,
      answered_at)
    values (${assetId}, ${caseId}, ${c.courtId}, ${c.partyId}, '被执行人', 'hzbdc', 'local', 'realEstate',
      ${`浙(2024)杭州市不动产权第${String(flats).padStart(7, '0')}号`}, '杭州市西湖区文三路1幢101室（住宅，90㎡）',
      ${opts.valueFen ?? 300_000_000}, ${randomUUID()}, ${randomUUID()}, now(), now())`;
  if (opts.isSealed !== false) {
    const [who] = await sql<{ id: string }[]>`select id from identity.users where username = 'xihu.judge'`;
    assert.ok(who);
    await sql`insert into inquiry.measures (id, case_id, court_id, asset_id, institution, kind, state, until,
        document_name, document_text, requested_by, answered_at)
      values (${randomUUID()}, ${caseId}, ${c.courtId}, ${assetId}, 'hzbdc', 'seal', 'inForce',
        current_date + 1000, '协助执行通知书（查封）', '查封', ${who.id}, ${clock.now().toISOString()})`;
  }
  return assetId;
}

async function start(caseId: string, body: Record<string, unknown>, token = judge) {
  return t.request('POST', `/api/v1/cases/${caseId}/valuations`, { token, body });
}

async function valuation(id: string, token = judge) {
  const res = await t.request('GET', `/api/v1/valuations/${id}`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function waitForValuation(
  id: string,
  what: string,
  isDone: (v: Record<string, unknown> & { reports: unknown[] }) => boolean,
) {
  return waitFor(
    async () => {
      const v = await valuation(id);
      return isDone(v) ? v : null;
    },
    what,
    600,
  );
}

async function moveClockBy(seconds: number): Promise<void> {
  const res = await t.request('POST', '/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: seconds },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Moves the clock to `hour`:00 China time on `date` (forward only). */
async function moveClockTo(date: string, hour: number): Promise<void> {
  const target = startOfChinaDate(date).getTime() + hour * 3_600_000;
  const seconds = Math.ceil((target - clock.nowMs()) / 1000);
  assert.ok(seconds > 0, `the clock is already past ${date} ${hour}:00`);
  await moveClockBy(seconds);
}

async function setLateness(lateness: Record<string, 'onTime' | 'late' | 'veryLate'>): Promise<void> {
  for (const [platform, value] of Object.entries(lateness)) {
    const res = await fetch(`${sim.url}/sim/valuation/knobs/${platform}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lateness: value }),
    });
    assert.equal(res.status, 200, await res.text());
  }
}

function mean(prices: number[]): number {
  const sum = prices.reduce((s, p) => s + p, 0);
  return Math.floor((2 * sum + prices.length) / (2 * prices.length));
}

async function count(table: string): Promise<number> {
  const [row] = await t.database.sql<
    { n: number }[]
  >`select count(*)::int as n from ${t.database.sql(table)}`;
  return row?.n ?? 0;
}

// ——— the contract ———

describe('starting a valuation: the contract', () => {
  test('bad input is refused naming the field, and nothing is written', async () => {
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const before = await count('disposal.valuations');
    const cases: [Record<string, unknown>, string][] = [
      [{ assetId, method: 'negotiated' }, 'priceFen'],
      [{ assetId, method: 'negotiated', priceFen: -5 }, 'priceFen'],
      [{ assetId, method: 'directedInquiry', priceFen: 1.5 }, 'priceFen'],
      [{ assetId, method: 'onlineInquiry', priceFen: 100 }, 'priceFen'],
      [{ assetId, method: 'guess' }, 'method'],
      [{ assetId: 'not-a-uuid', method: 'onlineInquiry' }, 'assetId'],
      [{ assetId, method: 'onlineInquiry', appraiserIds: [randomUUID()] }, 'appraiserIds'],
    ];
    for (const [body, field] of cases) {
      const res = await start(c.id, body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.ok(
        res.body.error.details.some((d: { path: string }) => d.path === field),
        `${field} named: ${JSON.stringify(res.body)}`,
      );
      assert.match(res.body.error.message, / \/ /, 'bilingual');
    }
    assert.equal(await count('disposal.valuations'), before);
  });

  test('an asset not of the case, or not sealed or seized, is a 409 naming assetId', async () => {
    const c = await fileCase();
    const other = await fileCase();
    const unsealed = await aFlat(c.id, { isSealed: false });
    const othersFlat = await aFlat(other.id);
    for (const assetId of [unsealed, othersFlat, randomUUID()]) {
      const res = await start(c.id, { assetId, method: 'onlineInquiry' });
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.details[0].path, 'assetId');
    }
  });

  test('outside the data scope 404, off the team 403', async () => {
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const haishu = await t.login('haishu.judge');
    assert.equal((await start(c.id, { assetId, method: 'negotiated', priceFen: 100 }, haishu)).status, 404);
    const otherTeam = await t.login('xihu.judge2');
    assert.equal(
      (await start(c.id, { assetId, method: 'negotiated', priceFen: 100 }, otherTeam)).status,
      403,
    );
    const started = await start(c.id, { assetId, method: 'negotiated', priceFen: 100 });
    assert.equal(
      (await t.request('GET', `/api/v1/valuations/${started.body.id}`, { token: haishu })).status,
      404,
    );
    assert.equal(
      (await t.request('GET', `/api/v1/valuations/${randomUUID()}`, { token: judge })).status,
      404,
    );
  });

  test('negotiated and directed inquiry fix the price at once, valid one year; the case records the start', async () => {
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const res = await start(c.id, { assetId, method: 'negotiated', priceFen: 288_000_00 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['id', 'state']);
    assert.equal(res.body.state, 'priced');
    const v = await valuation(res.body.id);
    const today = clock.today();
    assert.equal(v.method, 'negotiated');
    assert.equal(v.referencePriceFen, 288_000_00);
    assert.deepEqual(v.reports, []);
    assert.equal(v.validUntil, addMonths(today, 12));
    assert.deepEqual(v.startDeadline, {
      controlledOn: today,
      dueOn: addCalendarDays(today, 30),
      isLate: false,
    });
    // a second valuation while this price is valid
    const again = await start(c.id, { assetId, method: 'directedInquiry', priceFen: 1 });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.details[0].path, 'assetId');
    // the case's timeline: "reference price started", which meets its 30-day deadline
    await waitFor(
      async () => {
        const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
        return detail.body.nodes.some((n: { kind: string }) => n.kind === 'referencePriceStarted');
      },
      'the referencePriceStarted node',
      600,
    );
    const list = await t.request('GET', `/api/v1/cases/${c.id}/valuations`, { token: judge });
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1);
    assert.equal(list.body.assets[0].assetId, assetId);
    assert.equal(list.body.assets[0].referencePriceFen, 288_000_00);
    assert.equal(list.body.assets[0].startDueOn, addCalendarDays(today, 30));
  });
});

// ——— online inquiry ———

describe('online inquiry on every listed platform (参考价规定; DOMAIN §6)', () => {
  test('priced from the on-time reports when the 3 days end; a late report is kept but not counted', async () => {
    await setLateness({ alipaimai: 'onTime', jdpaimai: 'onTime', rongegou: 'late' });
    const c = await fileCase();
    const assetId = await aFlat(c.id, { valueFen: 400_000_000 });
    const started = await start(c.id, { assetId, method: 'onlineInquiry' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.state, 'inquiring');
    const sentOn: string = (await valuation(started.body.id)).startedOn;
    const two = await waitForValuation(started.body.id, 'two on-time reports', (v) => v.reports.length === 2);
    assert.equal(two.state, 'inquiring', 'one platform has not reported yet');
    assert.equal(two.inquiryDueOn, addCalendarDays(sentOn, 3));
    assert.deepEqual(
      two.platforms.map((p: { platform: string }) => p.platform),
      [...platforms],
      'every listed platform was asked',
    );
    for (const r of two.reports) {
      assert.equal(r.onTime, true);
      // the simulated platforms spread within ±8% of the registered value
      assert.ok(Math.abs(r.priceFen - 400_000_000) <= 32_000_000, `${r.priceFen}`);
    }
    // The 3 days pass (the day after the due day): priced from the two, whether or not anyone looks.
    await moveClockTo(addCalendarDays(sentOn, 4), 8);
    const priced = await waitForValuation(started.body.id, 'the price', (v) => v.state === 'priced');
    const onTime = priced.reports.filter((r: { onTime: boolean }) => r.onTime);
    assert.equal(onTime.length, 2);
    assert.equal(priced.referencePriceFen, mean(onTime.map((r: { priceFen: number }) => r.priceFen)));
    assert.equal(priced.isExtended, false);
    assert.equal(priced.validUntil, addMonths(clock.today(), 12));
    assert.equal(priced.objectionDueOn, addCalendarDays(clock.today(), 5));
    // The late platform reports in the days after (the simulator's days 4–6): on the record, not in the price.
    await moveClockTo(addCalendarDays(sentOn, 7), 12);
    const late = await waitForValuation(started.body.id, 'the late report', (v) => v.reports.length === 3);
    const lateReport = late.reports.find((r: { platform: string }) => r.platform === 'rongegou');
    assert.equal(lateReport.onTime, false);
    assert.equal(late.referencePriceFen, priced.referencePriceFen);
    const list = await t.request('GET', '/api/v1/valuation-platforms', { token: judge });
    const rongegou = list.body.items.find((p: { code: string }) => p.code === 'rongegou');
    assert.ok(rongegou.lateInYear >= 1);
  });

  test('if none reports in 3 days, every platform gets 3 more; reports in the extension are on time', async () => {
    await setLateness({ alipaimai: 'late', jdpaimai: 'late', rongegou: 'late' });
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const started = await start(c.id, { assetId, method: 'onlineInquiry' });
    assert.equal(started.status, 201);
    const sentOn: string = (await valuation(started.body.id)).startedOn;
    await waitFor(
      async () => {
        const [row] = await t.database.sql<
          { n: number }[]
        >`select count(*)::int as n from disposal.platform_requests
          where valuation_id = ${started.body.id} and state = 'accepted'`;
        return row?.n === 3;
      },
      'the three requests accepted',
      600,
    );
    // The day after the due day, in the evening: nobody reported in time → the extension.
    await moveClockTo(addCalendarDays(sentOn, 4), 20);
    const extended = await waitForValuation(started.body.id, 'the extension', (v) => v.isExtended === true);
    assert.equal(extended.inquiryDueOn, addCalendarDays(sentOn, 6));
    // The last day of the extension, evening: every late report (days 4–6, 10:00) is in, all on time.
    await moveClockTo(addCalendarDays(sentOn, 6), 20);
    const priced = await waitForValuation(
      started.body.id,
      'the price after the extension',
      (v) => v.state === 'priced',
    );
    assert.equal(priced.isExtended, true);
    assert.equal(priced.reports.length, 3);
    assert.ok(priced.reports.every((r: { onTime: boolean }) => r.onTime));
    assert.equal(priced.referencePriceFen, mean(priced.reports.map((r: { priceFen: number }) => r.priceFen)));
    const [late] = await t.database.sql<
      { n: number }[]
    >`select count(*)::int as n from disposal.platform_lateness
      where valuation_id = ${started.body.id}`;
    assert.equal(late?.n, 0, 'on time under the extension is not late');
  });

  test('an objection upheld sets a report aside and the price is worked out again; after 5 days, too late', async () => {
    await setLateness({ alipaimai: 'onTime', jdpaimai: 'onTime', rongegou: 'onTime' });
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const started = await start(c.id, { assetId, method: 'onlineInquiry' });
    const priced = await waitForValuation(
      started.body.id,
      'all three reports, priced at once',
      (v) => v.state === 'priced',
    );
    assert.equal(priced.reports.length, 3);
    const prices = Object.fromEntries(
      priced.reports.map((r: { platform: string; priceFen: number }) => [r.platform, r.priceFen]),
    );
    assert.equal(priced.referencePriceFen, mean(Object.values(prices)));
    // a platform that is not one of the reports
    const wrong = await t.request('POST', `/api/v1/valuations/${started.body.id}/objections`, {
      token: judge,
      body: { platform: 'nosuchplatform', reason: '不存在' },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details[0].path, 'platform');
    const lodged = await t.request('POST', `/api/v1/valuations/${started.body.id}/objections`, {
      token: judge,
      body: { platform: 'jdpaimai', partyId: c.applicantId, reason: '询价结果未考虑房屋漏水' },
    });
    assert.equal(lodged.status, 201, JSON.stringify(lodged.body));
    assert.equal(lodged.body.objection.state, 'pending');
    // the assistant may not decide; the judge does
    const assistant = await t.login('xihu.assistant');
    const refused = await t.request(
      'POST',
      `/api/v1/valuation-objections/${lodged.body.objection.id}/decision`,
      {
        token: assistant,
        body: { decision: 'upheld', reason: '异议成立' },
      },
    );
    assert.equal(refused.status, 403);
    const decided = await t.request(
      'POST',
      `/api/v1/valuation-objections/${lodged.body.objection.id}/decision`,
      {
        token: judge,
        body: { decision: 'upheld', reason: '平台未核实房屋现状，异议成立' },
      },
    );
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.objection.state, 'upheld');
    const after = await valuation(started.body.id);
    const excluded = after.reports.find((r: { platform: string }) => r.platform === 'jdpaimai');
    assert.equal(excluded.isExcluded, true);
    assert.equal(after.referencePriceFen, mean([prices.alipaimai, prices.rongegou]));
    // a second decision of the same objection
    const twice = await t.request(
      'POST',
      `/api/v1/valuation-objections/${lodged.body.objection.id}/decision`,
      {
        token: judge,
        body: { decision: 'dismissed', reason: '重复' },
      },
    );
    assert.equal(twice.status, 409);
    // 5 days after the price was served, objections are over
    await moveClockTo(addCalendarDays(after.pricedOn, 6), 9);
    const tooLate = await t.request('POST', `/api/v1/valuations/${started.body.id}/objections`, {
      token: judge,
      body: { platform: 'alipaimai', reason: '迟到的异议' },
    });
    assert.equal(tooLate.status, 409);
    assert.equal(tooLate.body.error.details[0].path, 'objectionDueOn');
  });

  test('a pushed report is recorded once: a second delivery changes nothing; unsigned or unknown is refused', async () => {
    await setLateness({ alipaimai: 'onTime', jdpaimai: 'onTime', rongegou: 'onTime' });
    const c = await fileCase();
    const started = await start(c.id, { assetId: await aFlat(c.id), method: 'onlineInquiry' });
    const priced = await waitForValuation(started.body.id, 'the price', (v) => v.state === 'priced');
    const [request] = await t.database.sql<{ id: string; platform: string }[]>`select id, platform
      from disposal.platform_requests where valuation_id = ${started.body.id} order by platform limit 1`;
    assert.ok(request);
    const push = (platform: string, key: string, report: Record<string, unknown>) => {
      const path = '/api/v1/disposal/valuation-reports';
      const rawBody = JSON.stringify(report);
      const timestamp = String(Date.now());
      return t.request('POST', path, {
        headers: {
          'content-type': 'application/json',
          'x-zx-institution': platform,
          'x-zx-timestamp': timestamp,
          'x-zx-signature': computeSignature(key, 'POST', path, timestamp, rawBody),
        },
        body: rawBody,
      });
    };
    const key = valuationPlatformKey(secret, request.platform);
    const report = {
      requestId: request.id,
      platform: request.platform,
      priceFen: 1,
      reportNumber: 'AGAIN-1',
      reportedAt: new Date().toISOString(),
    };
    const again = await push(request.platform, key, report);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(again.body, { requestId: request.id, outcome: 'duplicate' });
    const after = await valuation(started.body.id);
    assert.deepEqual(after.reports, priced.reports, 'nothing changed');
    assert.equal(after.referencePriceFen, priced.referencePriceFen);
    assert.equal((await push(request.platform, 'a-wrong-key-of-some-length', report)).status, 401);
    assert.equal((await push('nosuchplatform', key, report)).status, 401);
    assert.equal((await push(request.platform, key, { ...report, requestId: randomUUID() })).status, 404);
    const invalid = await push(request.platform, key, { ...report, priceFen: -1 });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.details[0].path, 'priceFen');
  });

  test('a platform late 5 times in a year is delisted for 5 years and gets no more requests', async () => {
    await setLateness({ alipaimai: 'onTime', jdpaimai: 'onTime', rongegou: 'veryLate' });
    const already = async () => {
      const list = await t.request('GET', '/api/v1/valuation-platforms', { token: judge });
      return list.body.items.find((p: { code: string }) => p.code === 'rongegou');
    };
    for (let round = 0; round < 6 && (await already()).isAvailable; round++) {
      const c = await fileCase();
      const assetId = await aFlat(c.id);
      const started = await start(c.id, { assetId, method: 'onlineInquiry' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const sentOn: string = (await valuation(started.body.id)).startedOn;
      await waitForValuation(started.body.id, 'two reports', (v) => v.reports.length >= 2);
      await moveClockTo(addCalendarDays(sentOn, 4), 9);
      await waitForValuation(started.body.id, 'the price', (v) => v.state === 'priced');
    }
    const rongegou = await already();
    assert.equal(rongegou.isAvailable, false);
    assert.equal(rongegou.lateInYear, 5);
    assert.equal(rongegou.delistedUntil, addMonths(rongegou.delistedOn, 60));
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const started = await start(c.id, { assetId, method: 'onlineInquiry' });
    const v = await valuation(started.body.id);
    assert.deepEqual(
      v.platforms.map((p: { platform: string }) => p.platform),
      ['alipaimai', 'jdpaimai'],
    );
  });
});

// ——— appraisal ———

/** The draw recomputed from the public record alone, as docs/protocols/valuation.md §7 tells anyone to. */
function recompute(record: { roster: { appraiserId: string }[]; seed: string; witness: string }): number[] {
  const ids = record.roster.map((a) => a.appraiserId);
  const digest = createHash('sha256').update(ids.join('\n')).digest('hex');
  const numbers: number[] = [];
  let block = 0;
  const next = () => {
    if (numbers.length === 0) {
      const bytes = createHmac('sha256', Buffer.from(record.seed, 'hex'))
        .update(`zhixing-lottery/1\n${digest}\n${record.witness}\n${block}`)
        .digest();
      block += 1;
      for (let i = 0; i < 32; i += 4) numbers.push(bytes.readUInt32BE(i));
    }
    return numbers.shift() ?? 0;
  };
  const positions = ids.map((_, i) => i);
  for (let p = 0; p < 3; p++) {
    const k = ids.length - p;
    const limit = 2 ** 32 - (2 ** 32 % k);
    let u = next();
    while (u >= limit) u = next();
    const j = p + (u % k);
    [positions[p], positions[j]] = [positions[j] ?? j, positions[p] ?? p];
  }
  return positions.slice(0, 3);
}

describe('appraisal (委托评估)', () => {
  before(async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await t.request('POST', '/api/v1/appraisers', {
        token: admin,
        body: { name: `测试房地产估价有限公司${i}`, specialism: 'realEstate' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    assert.equal(
      (
        await t.request('POST', '/api/v1/appraisers', {
          token: judge,
          body: { name: 'x', specialism: 'general' },
        })
      ).status,
      403,
    );
  });

  test('by lottery: the commitment is public before the draw, and anyone can recompute the draw', async () => {
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const started = await start(c.id, { assetId, method: 'appraisal' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.state, 'drawingLots');
    const v = await valuation(started.body.id);
    const lotteryId = v.appraisal.lotteryId;
    const published = await t.request('GET', `/api/v1/lotteries/${lotteryId}`);
    assert.equal(published.status, 200, 'public, no sign-in');
    assert.equal(published.body.seed, null, 'the seed stays secret until the draw');
    assert.equal(published.body.result, null);
    assert.match(published.body.commitment, /^[0-9a-f]{64}$/);
    assert.ok(published.body.roster.length >= 5);
    const drawn = await t.request('POST', `/api/v1/valuations/${started.body.id}/lottery/draw`, {
      token: judge,
      body: { witness: '3172' },
    });
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    const record = (await t.request('GET', `/api/v1/lotteries/${lotteryId}`)).body;
    assert.equal(record.commitment, published.body.commitment, 'the commitment did not change');
    assert.deepEqual(record.roster, published.body.roster, 'nor the roster');
    assert.equal(
      createHash('sha256').update(Buffer.from(record.seed, 'hex')).digest('hex'),
      record.commitment,
    );
    assert.equal(record.witness, '3172');
    assert.equal(
      record.rosterDigest,
      createHash('sha256')
        .update(record.roster.map((a: { appraiserId: string }) => a.appraiserId).join('\n'))
        .digest('hex'),
    );
    assert.deepEqual(
      record.result.map((r: { position: number }) => r.position),
      recompute(record),
      'the published result is what the record recomputes to',
    );
    // the first drawn is commissioned: the report due in 30 days
    const appraising = await valuation(started.body.id);
    assert.equal(appraising.state, 'appraising');
    assert.equal(appraising.appraisal.assignments[0].appraiserId, record.result[0].appraiserId);
    assert.equal(appraising.appraisal.assignments[0].dueOn, addCalendarDays(clock.today(), 30));
    // The published record is fixed: not even the application's own connection may change it.
    await assert.rejects(
      t.appDatabase.sql`update disposal.lotteries set result = '[0, 1, 2]'::jsonb where id = ${lotteryId}`,
      /does not change/,
    );
    await assert.rejects(
      t.appDatabase.sql`update disposal.lotteries set seed = repeat('0', 64) where id = ${lotteryId}`,
      /does not change/,
    );
    const again = await t.request('POST', `/api/v1/valuations/${started.body.id}/lottery/draw`, {
      token: judge,
      body: {},
    });
    assert.equal(again.status, 409, 'drawn once');
  });

  test('at most 2 extensions of at most 15 days, asked 5 days ahead; a late appraiser hands over; the report fixes the price', async () => {
    const roster = await t.request('GET', '/api/v1/appraisers?specialism=realEstate', { token: judge });
    const appraiserIds = roster.body.items.slice(0, 3).map((a: { id: string }) => a.id);
    const c = await fileCase();
    const assetId = await aFlat(c.id);
    const started = await start(c.id, { assetId, method: 'appraisal', appraiserIds });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.state, 'appraising');
    const assignedOn = clock.today();
    const extend = (days: number) =>
      t.request('POST', `/api/v1/valuations/${started.body.id}/appraisal/extensions`, {
        token: judge,
        body: { days, reason: '需现场勘验' },
      });
    const tooLong = await extend(16);
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.details[0].path, 'days');
    const first = await extend(15);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(first.body, { dueOn: addCalendarDays(assignedOn, 45), extensionsUsed: 1 });
    const second = await extend(10);
    assert.deepEqual(second.body, { dueOn: addCalendarDays(assignedOn, 55), extensionsUsed: 2 });
    const third = await extend(1);
    assert.equal(third.status, 409);
    assert.equal(third.body.error.details[0].path, 'days');

    // Another appraisal: asked 4 days before the deadline is too late.
    const c2 = await fileCase();
    const started2 = await start(c2.id, { assetId: await aFlat(c2.id), method: 'appraisal', appraiserIds });
    const due2 = addCalendarDays(clock.today(), 30);
    await moveClockTo(addCalendarDays(due2, -4), 9);
    const late = await t.request('POST', `/api/v1/valuations/${started2.body.id}/appraisal/extensions`, {
      token: judge,
      body: { days: 5, reason: '来不及' },
    });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.details[0].path, 'dueOn');
    // The deadline passes without a report: the next appraiser in order takes over, 30 days from then.
    await moveClockTo(addCalendarDays(due2, 1), 9);
    const handed = await waitForValuation(
      started2.body.id,
      'the hand-over',
      (v) => Reflect.get(Object(v.appraisal), 'currentPosition') === 1,
    );
    assert.equal(handed.appraisal.assignments[0].state, 'handedOver');
    assert.equal(handed.appraisal.assignments[1].appraiserId, appraiserIds[1]);
    assert.equal(handed.appraisal.assignments[1].dueOn, addCalendarDays(clock.today(), 30));
    const report = await t.request('POST', `/api/v1/valuations/${started2.body.id}/appraisal/report`, {
      token: judge,
      body: { priceFen: 312_500_00, reportNumber: '测估字〔2026〕第0008号' },
    });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const priced = await valuation(started2.body.id);
    assert.equal(priced.state, 'priced');
    assert.equal(priced.referencePriceFen, 312_500_00);
    assert.equal(priced.validUntil, addMonths(clock.today(), 12));
  });
});
