import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, chinaDateOf, startOfChinaDate } from '../../kernel/index.ts';
import type { TValuationInquiryRequest } from './contracts.ts';
import { DEFAULT_VALUATION_KNOBS, planReport } from './desk.ts';

const request = (
  requestId: string,
  over: Partial<TValuationInquiryRequest> = {},
): TValuationInquiryRequest => ({
  requestId,
  court: '杭州市西湖区人民法院',
  caseNumber: '（2026）浙0106执1号',
  asset: {
    type: 'realEstate',
    identifier: '浙(2021)杭州市不动产权第0012345号',
    description: '住宅',
    registeredValueFen: 400_000_000,
  },
  requestedAt: '2026-03-01T02:00:00.000Z',
  dueOn: '2026-03-04',
  callbackUrl: 'http://127.0.0.1:9/api/v1/disposal/valuation-reports',
  ...over,
});
const acceptedAt = Date.parse('2026-03-01T02:00:01.000Z');

test('a report is planned from the request alone: the same request, the same price and instant', () => {
  fc.assert(
    fc.property(fc.uuid(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (id, seed) => {
      const input = {
        seed,
        code: 'jdpaimai',
        request: request(id),
        knobs: DEFAULT_VALUATION_KNOBS,
        acceptedAt,
      };
      assert.deepEqual(planReport(input), planReport({ ...input, request: request(id) }));
    }),
  );
});

test('prices spread within ±8% of the registered value', () => {
  fc.assert(
    fc.property(fc.uuid(), fc.integer({ min: 100, max: 2 ** 40 }), (id, valueFen) => {
      const plan = planReport({
        seed: 7,
        code: 'alipaimai',
        request: request(id, { asset: { ...request(id).asset, registeredValueFen: valueFen } }),
        knobs: DEFAULT_VALUATION_KNOBS,
        acceptedAt,
      });
      assert.ok(
        Math.abs(plan.priceFen - valueFen) <= Math.ceil(valueFen * 0.08) + 1,
        `${plan.priceFen} of ${valueFen}`,
      );
    }),
  );
});

test('forced lateness: on time within seconds, late in the extension (days 4–6), very late on day 8', () => {
  fc.assert(
    fc.property(fc.uuid(), (id) => {
      const plan = (lateness: 'onTime' | 'late' | 'veryLate') =>
        planReport({
          seed: 1,
          code: 'rongegou',
          request: request(id),
          knobs: { ...DEFAULT_VALUATION_KNOBS, lateness },
          acceptedAt,
        });
      const onTime = plan('onTime');
      assert.ok(onTime.reportAt - acceptedAt >= 200 && onTime.reportAt - acceptedAt <= 2_000);
      const late = chinaDateOf(plan('late').reportAt);
      assert.ok(late >= addCalendarDays('2026-03-04', 1) && late <= addCalendarDays('2026-03-04', 3), late);
      assert.equal(plan('veryLate').reportAt, startOfChinaDate('2026-03-09').getTime() + 10 * 3_600_000);
    }),
  );
});

test('left to the seed, most platforms are on time, some late, a few very late', () => {
  const counts = { onTime: 0, late: 0, veryLate: 0 };
  for (let i = 0; i < 4000; i++) {
    const plan = planReport({
      seed: 42,
      code: 'alipaimai',
      request: request(`req-${i}`),
      knobs: DEFAULT_VALUATION_KNOBS,
      acceptedAt,
    });
    counts[plan.lateness] += 1;
    // on time means before the due day is over
    if (plan.lateness === 'onTime') assert.ok(chinaDateOf(plan.reportAt) <= '2026-03-04');
  }
  assert.ok(counts.onTime > 3400 && counts.onTime < 3800, JSON.stringify(counts));
  assert.ok(counts.late > 200 && counts.late < 450, JSON.stringify(counts));
  assert.ok(counts.veryLate > 30 && counts.veryLate < 150, JSON.stringify(counts));
});
