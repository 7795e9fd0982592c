import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { keepSimulatorOnClock } from '../src/demo/inquiry-world.ts';
import { addCalendarDays, chinaDateOf } from '../src/kernel/index.ts';
import { adoptClockOffset, clock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The one clock: every rule reads it, the administrator moves it forward in demo mode, every
 * process follows, and the move survives a restart. Deadlines are crossed without sleeping.
 */
describe('the demo clock', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ isDemo: true });
  });
  after(async () => {
    adoptClockOffset(0);
    await t.close();
  });

  test('GET /api/v1/clock answers anyone with the clock and its China date', async () => {
    const res = await t.request('GET', '/api/v1/clock');
    assert.equal(res.status, 200);
    assert.equal(res.body.today, chinaDateOf(new Date(res.body.now)));
    assert.equal(res.body.offsetSeconds, 0);
  });

  test('only an administrator moves it, only forward, and names the field it refuses', async () => {
    const judge = await t.login('xihu.judge');
    const refused = await t.request('POST', '/api/v1/demo/clock', {
      token: judge,
      body: { advanceSeconds: 60 },
    });
    assert.equal(refused.status, 403);
    const anonymous = await t.request('POST', '/api/v1/demo/clock', { body: { advanceSeconds: 60 } });
    assert.equal(anonymous.status, 401);
    const admin = await t.login('admin');
    for (const advanceSeconds of [0, -60, 1.5, '60', 10 * 367 * 86400]) {
      const bad = await t.request('POST', '/api/v1/demo/clock', { token: admin, body: { advanceSeconds } });
      assert.equal(bad.status, 400, `${advanceSeconds}: ${JSON.stringify(bad.body)}`);
      assert.equal(bad.body.error.details[0]?.path, 'advanceSeconds');
    }
    const clockNow = await t.request('GET', '/api/v1/clock');
    assert.equal(clockNow.body.offsetSeconds, 0, 'a refused move moves nothing');
  });

  test('a rule crosses its deadline when the clock moves: 终本 needs more than 3 months since filing', async () => {
    const judge = await t.login('xihu.judge');
    const filed = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
    assert.equal(filed.status, 201);
    const itemOf = async () => {
      const c = await t.request('GET', `/api/v1/cases/${filed.body.id}`, { token: judge });
      return c.body.terminationChecklist.find((i: { item: string }) => i.item === 'filedOverThreeMonths');
    };
    assert.equal((await itemOf())?.satisfied, false);
    const before = await t.request('GET', '/api/v1/clock');
    const moved = await t.request('POST', '/api/v1/demo/clock', {
      token: await t.login('admin'),
      body: { advanceSeconds: 93 * 86400 },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.ok(Date.parse(moved.body.now) >= Date.parse(before.body.now) + 93 * 86400_000);
    assert.equal(moved.body.today, addCalendarDays(before.body.today, 93));
    assert.equal(clock.today(), moved.body.today, 'this process follows at once');
    assert.equal((await itemOf())?.satisfied, true);
    // The node recorded "today" carries the clock's date, not the machine's.
    const node = await t.request('POST', `/api/v1/cases/${filed.body.id}/nodes`, {
      token: judge,
      body: { kind: 'enforcementNoticeSent' },
    });
    assert.equal(node.status, 201, JSON.stringify(node.body));
    assert.equal(node.body.occurredOn, moved.body.today);
  });

  test('the offset is kept in the database: a restarted process takes it up', async () => {
    const offset = clock.offsetMs();
    assert.ok(offset >= 93 * 86400_000);
    adoptClockOffset(0); // as a freshly started process would begin
    const config = loadConfig({ ZHIXING_DEMO: '1', ZHIXING_LOG_LEVEL: 'silent' });
    const restarted = await buildApp({
      config,
      database: t.database,
      logger: createLogger('silent'),
      serveWeb: false,
    });
    try {
      const res = await restarted.inject({ method: 'GET', url: '/api/v1/clock' });
      assert.equal(res.json().offsetSeconds, Math.floor(offset / 1000));
    } finally {
      await restarted.close();
    }
  });

  test('the audit keeps who moved the clock', async () => {
    const rows = await t.database.sql<{ action: string; detail: { advanceSeconds: number } }[]>`
      select action, detail from audit.records where action = 'clock.advance'`;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.detail.advanceSeconds, 93 * 86400);
  });
});

describe('outside demo mode', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ isDemo: false });
  });
  after(() => t.close());

  test('there is no demo clock to move (404)', async () => {
    const res = await t.request('POST', '/api/v1/demo/clock', { body: { advanceSeconds: 60 } });
    assert.equal(res.status, 404);
    assert.equal((await t.request('GET', '/api/v1/clock')).body.offsetSeconds, 0);
  });
});

describe('the simulated outside world follows the clock', () => {
  test('an in-process simulator, and one reached over its admin API, take every move', async () => {
    const inProcess = await startSimulator({ port: 0, host: '127.0.0.1', secret: 'clock-test-secret' });
    const separate = await startSimulator({ port: 0, host: '127.0.0.1', secret: 'clock-test-secret' });
    const logger = createLogger('silent');
    const stops = [
      keepSimulatorOnClock({ sim: inProcess }, logger),
      keepSimulatorOnClock({ url: separate.url, adminToken: separate.adminToken }, logger),
    ];
    const offsetOf = (sim: Simulator) => sim.stats().clock.offsetMs;
    const settle = async (expected: number) => {
      for (let i = 0; i < 100 && (offsetOf(inProcess) !== expected || offsetOf(separate) !== expected); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(offsetOf(inProcess), expected);
      assert.equal(offsetOf(separate), expected);
    };
    try {
      adoptClockOffset(86_400_000);
      await settle(86_400_000);
      adoptClockOffset(3 * 86_400_000);
      await settle(3 * 86_400_000);
    } finally {
      for (const stop of stops) stop();
      adoptClockOffset(0);
      await inProcess.close();
      await separate.close();
    }
  });
});
