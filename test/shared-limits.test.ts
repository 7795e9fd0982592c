import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { buildApp } from '../src/app.ts';
import { createAllowance } from '../src/platform/allowances.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { App } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createUnit } from './matching-support.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Rate limits and the units' daily quotas are counted in PostgreSQL: two server instances on one
 * database allow together what one would, not twice as much.
 */
let t: TestApp;
let second: App;
before(async () => {
  t = await startTestApp();
  const config = loadConfig({ ZHIXING_DEMO: '1', ZHIXING_LOG_LEVEL: 'silent' });
  second = await buildApp({ config, database: t.database, logger: createLogger('silent'), serveWeb: false });
  await second.ready();
});
after(async () => {
  await second.close();
  await t.close();
});

describe('two instances, one limit', () => {
  test('the public list allows 30 searches a minute from an address across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const app = i % 2 === 0 ? t.app : second;
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/public/dishonest?q=${encodeURIComponent('张三')}`,
        remoteAddress: '198.51.100.77',
      });
      statuses.push(res.statusCode);
    }
    const served = statuses.filter((s) => s !== 429).length;
    assert.ok(served <= 30, `${served} served: ${statuses.join(',')}`);
    assert.ok(
      statuses.slice(-5).every((s) => s === 429),
      statuses.join(','),
    );
  });

  test('each route counts apart: using up one list’s searches leaves the other list open', async () => {
    const search = (list: string) =>
      second.inject({
        method: 'GET',
        url: `/api/v1/public/${list}?q=${encodeURIComponent('张三')}`,
        remoteAddress: '198.51.100.78',
      });
    for (let i = 0; i < 30; i++) await search('dishonest');
    assert.equal((await search('dishonest')).statusCode, 429);
    assert.equal((await search('consumption-restrictions')).statusCode, 200);
  });

  test('a unit’s daily quota holds across both instances', async () => {
    const unit = await createUnit(t, 'railway', { dailyQuota: 100 });
    const subjects = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `某人${i}`, idNumber: '110105194912310021' }));
    const call = (app: App, n: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/match',
        headers: { authorization: `Bearer ${unit.apiKey}` },
        payload: { subjects: subjects(n) },
      });
    assert.equal((await call(t.app, 60)).statusCode, 200);
    const over = await call(second, 60);
    assert.equal(over.statusCode, 429, over.body);
    assert.equal((await call(second, 40)).statusCode, 200, 'what is left of the quota is still there');
    assert.equal((await call(t.app, 1)).statusCode, 429);
  });
});

describe('the shared allowance', () => {
  test('property: however the takes interleave across processes, the total granted never passes the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 200 }),
        fc.array(
          fc.record({ process: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 40 }) }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        async (limit, takes) => {
          const processes = [
            createAllowance(t.database),
            createAllowance(t.database),
            createAllowance(t.database),
          ];
          const key = `property:${Math.random()}`;
          const results = await Promise.all(
            takes.map(async (take) => {
              const allowance = processes[take.process];
              assert.ok(allowance);
              const ok = await allowance.take({ key, window: 'w', amount: take.amount, limit });
              return ok ? take.amount : 0;
            }),
          );
          const taken = results.reduce((a, b) => a + b, 0);
          // Never more than the limit; and a single take that fits is never refused for lack of a lease.
          return taken <= limit && (takes.length !== 1 || (takes[0]?.amount ?? 0) > limit || taken > 0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
