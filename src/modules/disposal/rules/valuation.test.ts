import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, addMonths } from '../../../kernel/index.ts';
import {
  blocksNewValuation,
  isObjectionInTime,
  isStartLate,
  isValidOn,
  objectionDays,
  objectionDueOn,
  referencePriceStartDays,
  referencePriceStartDueOn,
  validityMonths,
  validUntilOf,
} from './valuation.ts';
import {
  appraisalDueOn,
  appraisalReportDays,
  appraiserCount,
  checkAppraisalExtension,
  extensionNoticeDays,
  isAppraisalLate,
  maxAppraisalExtensionDays,
  maxAppraisalExtensions,
  nextAppraiserPosition,
  specialismOf,
} from './valuation-appraisal.ts';
import {
  averageFen,
  decideWindow,
  delistedUntilOf,
  delistingYears,
  extendedDueOn,
  isPlatformAvailable,
  latenessLimitPerYear,
  latenessWithinYear,
  platformExtensionDays,
  platformReportDays,
  referencePriceOf,
  reportDueOn,
  shouldDelist,
} from './valuation-online.ts';

const aDate = fc.integer({ min: 0, max: 60_000 }).map((n) => addCalendarDays('2000-01-01', n));

test('the numbers of DOMAIN §6 and §2', () => {
  assert.equal(platformReportDays, 3);
  assert.equal(platformExtensionDays, 3);
  assert.equal(objectionDays, 5);
  assert.equal(latenessLimitPerYear, 5);
  assert.equal(delistingYears, 5);
  assert.equal(validityMonths, 12);
  assert.equal(referencePriceStartDays, 30);
  assert.equal(appraiserCount, 3);
  assert.equal(appraisalReportDays, 30);
  assert.equal(maxAppraisalExtensions, 2);
  assert.equal(maxAppraisalExtensionDays, 15);
  assert.equal(extensionNoticeDays, 5);
});

test('reports are due 3 days after the request, 3 more with the extension', () => {
  assert.equal(reportDueOn('2026-03-01'), '2026-03-04');
  assert.equal(extendedDueOn(reportDueOn('2026-03-01')), '2026-03-07');
  // across a month and a leap day
  assert.equal(reportDueOn('2028-02-27'), '2028-03-01');
});

test('the reference price is the average of the on-time reports, halves of a fen rounded up', () => {
  assert.equal(averageFen([]), null);
  assert.equal(averageFen([100_000_00]), 100_000_00);
  assert.equal(averageFen([1, 2]), 2, '1.5 fen → 2');
  assert.equal(averageFen([1, 1, 2]), 1, '1.33 fen → 1');
  assert.equal(averageFen([1, 2, 2]), 2, '1.67 fen → 2');
  assert.equal(averageFen([3_000_000_00, 3_100_000_00, 2_950_000_00]), 3_016_666_67);
  // no precision lost near the top of the safe range
  const big = Number.MAX_SAFE_INTEGER;
  assert.equal(averageFen([big, big, big]), big);
  const reports = [
    { platform: 'a', priceFen: 300, receivedOn: '2026-03-02', isExcluded: false },
    { platform: 'b', priceFen: 400, receivedOn: '2026-03-03', isExcluded: true },
    { platform: 'c', priceFen: 900, receivedOn: '2026-03-09', isExcluded: false },
    { platform: 'd', priceFen: 500, receivedOn: '2026-03-04', isExcluded: false },
  ];
  // b set aside on objection, c late: (300 + 500) / 2
  assert.equal(referencePriceOf(reports, new Set(['a', 'b', 'd'])), 400);
});

test('the average lies between the lowest and highest price and is within half a fen of the exact mean', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 45 }), { minLength: 1, maxLength: 20 }), (prices) => {
      const avg = averageFen(prices);
      assert.ok(avg !== null);
      assert.ok(Number.isInteger(avg));
      assert.ok(avg >= Math.min(...prices) && avg <= Math.max(...prices));
      const sum = prices.reduce((s, p) => s + BigInt(p), 0n);
      const n = BigInt(prices.length);
      // |avg·n − sum| ≤ n/2, and exactly n/2 only rounding up
      const diff = BigInt(avg) * n - sum;
      assert.ok(2n * diff <= n && 2n * diff > -n, `avg ${avg} of ${prices}`);
    }),
  );
});

test('the window: all on time prices at once; some on time prices at the deadline; none extends by 3 days', () => {
  const requests = (received: (string | null)[]) =>
    received.map((receivedOn, i) => ({ platform: `p${i}`, receivedOn }));
  const sent = '2026-03-01';
  const dueOn = reportDueOn(sent);
  // every platform reported in time: priced before the deadline
  assert.deepEqual(
    decideWindow({
      today: '2026-03-02',
      dueOn,
      isExtended: false,
      requests: requests(['2026-03-01', '2026-03-02', '2026-03-02']),
    }),
    { kind: 'price', dueOn, isExtended: false, onTime: ['p0', 'p1', 'p2'], late: [] },
  );
  // one still to report on the last day: wait
  assert.deepEqual(
    decideWindow({
      today: '2026-03-04',
      dueOn,
      isExtended: false,
      requests: requests(['2026-03-02', null, null]),
    }),
    { kind: 'wait' },
  );
  // the day after: priced from the one on time, the other two late
  assert.deepEqual(
    decideWindow({
      today: '2026-03-05',
      dueOn,
      isExtended: false,
      requests: requests(['2026-03-02', null, null]),
    }),
    { kind: 'price', dueOn, isExtended: false, onTime: ['p0'], late: ['p1', 'p2'] },
  );
  // none on time: every platform gets 3 more days
  assert.deepEqual(
    decideWindow({ today: '2026-03-05', dueOn, isExtended: false, requests: requests([null, null, null]) }),
    { kind: 'extend', dueOn: '2026-03-07' },
  );
  // a report that came on day 5 counts under the extension
  assert.deepEqual(
    decideWindow({
      today: '2026-03-08',
      dueOn: '2026-03-07',
      isExtended: true,
      requests: requests([null, '2026-03-05', '2026-03-09']),
    }),
    { kind: 'price', dueOn: '2026-03-07', isExtended: true, onTime: ['p1'], late: ['p0', 'p2'] },
  );
  // a clock moved past both windows at once: the extension is judged at once
  assert.deepEqual(
    decideWindow({
      today: '2026-03-20',
      dueOn,
      isExtended: false,
      requests: requests([null, '2026-03-06', null]),
    }),
    { kind: 'price', dueOn: '2026-03-07', isExtended: true, onTime: ['p1'], late: ['p0', 'p2'] },
  );
  // nobody, even in the extension: failed, all late
  assert.deepEqual(
    decideWindow({
      today: '2026-03-08',
      dueOn: '2026-03-07',
      isExtended: true,
      requests: requests([null, null]),
    }),
    { kind: 'fail', dueOn: '2026-03-07', late: ['p0', 'p1'] },
  );
  // only one extension: still inside it, wait
  assert.deepEqual(
    decideWindow({ today: '2026-03-07', dueOn: '2026-03-07', isExtended: true, requests: requests([null]) }),
    { kind: 'wait' },
  );
});

test('the window never prices from a late report, and never extends twice', () => {
  fc.assert(
    fc.property(
      aDate,
      fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 14 }),
      fc.boolean(),
      (sentOn, delays, todayOffset, isExtended) => {
        const dueOn = isExtended ? extendedDueOn(reportDueOn(sentOn)) : reportDueOn(sentOn);
        const today = addCalendarDays(sentOn, todayOffset);
        const requests = delays.map((d, i) => ({
          platform: `p${i}`,
          // a report is only known once it came
          receivedOn: d === null || d > todayOffset ? null : addCalendarDays(sentOn, d),
        }));
        const decision = decideWindow({ today, dueOn, isExtended, requests });
        if (decision.kind === 'price') {
          assert.ok(decision.onTime.length > 0);
          for (const p of decision.onTime) {
            const r = requests.find((x) => x.platform === p);
            assert.ok(r?.receivedOn && r.receivedOn <= decision.dueOn);
          }
          assert.equal(decision.onTime.length + decision.late.length, requests.length);
          assert.ok(decision.dueOn === dueOn || (!isExtended && decision.dueOn === extendedDueOn(dueOn)));
        }
        if (decision.kind === 'extend') {
          assert.equal(isExtended, false);
          assert.equal(decision.dueOn, addCalendarDays(dueOn, 3));
        }
        if (decision.kind === 'fail') {
          assert.ok(requests.every((r) => r.receivedOn === null || r.receivedOn > decision.dueOn));
          assert.ok(today > decision.dueOn);
        }
        if (decision.kind === 'wait') assert.ok(today <= dueOn);
      },
    ),
  );
});

test('five late days within a year delist a platform for five years', () => {
  const late = ['2026-01-10', '2026-03-01', '2026-05-20', '2026-08-08'];
  assert.equal(latenessWithinYear(late, '2026-09-01'), 4);
  assert.equal(shouldDelist(late, '2026-09-01'), false);
  assert.equal(shouldDelist([...late, '2026-09-01'], '2026-09-01'), true);
  // a year on, the first has dropped out of the count
  assert.equal(latenessWithinYear([...late, '2026-09-01'], '2027-01-10'), 4);
  assert.equal(shouldDelist([...late, '2026-09-01'], '2027-01-10'), false);
  assert.equal(latenessWithinYear([...late, '2026-09-01'], '2027-01-09'), 5);
  assert.equal(delistedUntilOf('2026-09-01'), '2031-09-01');
  assert.equal(delistedUntilOf('2028-02-29'), '2033-02-28');
  const delisted = { isListed: true, delistedUntil: '2031-09-01' };
  assert.equal(isPlatformAvailable(delisted, '2031-08-31'), false);
  assert.equal(isPlatformAvailable(delisted, '2031-09-01'), true);
  assert.equal(isPlatformAvailable({ isListed: false, delistedUntil: null }, '2026-01-01'), false);
  assert.equal(isPlatformAvailable({ isListed: true, delistedUntil: null }, '2026-01-01'), true);
});

test('delisting needs five late days inside one year, whatever their order', () => {
  fc.assert(
    fc.property(aDate, fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 12 }), (today, ago) => {
      const days = ago.map((n) => addCalendarDays(today, -n));
      // the year ending today: after the same date a year before
      const inYear = days.filter((d) => d > addMonths(today, -12));
      assert.equal(shouldDelist(days, today), inYear.length >= 5);
      assert.equal(shouldDelist([...days].reverse(), today), shouldDelist(days, today));
    }),
  );
});

test('the price must start within 30 days of the seal, objections within 5 days, valid for 1 year', () => {
  assert.equal(referencePriceStartDueOn('2026-03-10'), '2026-04-09');
  assert.equal(isStartLate('2026-03-10', '2026-04-09', '2026-05-01'), false);
  assert.equal(isStartLate('2026-03-10', '2026-04-10', '2026-05-01'), true);
  assert.equal(isStartLate('2026-03-10', null, '2026-04-09'), false);
  assert.equal(isStartLate('2026-03-10', null, '2026-04-10'), true);
  assert.equal(objectionDueOn('2026-03-10'), '2026-03-15');
  assert.equal(isObjectionInTime('2026-03-10', '2026-03-15'), true);
  assert.equal(isObjectionInTime('2026-03-10', '2026-03-16'), false);
  assert.equal(validUntilOf('2026-03-10'), '2027-03-10');
  assert.equal(validUntilOf('2028-02-29'), '2029-02-28');
  assert.equal(isValidOn('2027-03-10', '2027-03-10'), true);
  assert.equal(isValidOn('2027-03-10', '2027-03-11'), false);
  assert.equal(blocksNewValuation({ state: 'inquiring', validUntil: null }, '2026-03-10'), true);
  assert.equal(blocksNewValuation({ state: 'failed', validUntil: null }, '2026-03-10'), false);
  assert.equal(blocksNewValuation({ state: 'priced', validUntil: '2027-03-10' }, '2027-03-10'), true);
  assert.equal(blocksNewValuation({ state: 'priced', validUntil: '2027-03-10' }, '2027-03-11'), false);
});

test('appraisal: 30 days to report, at most 2 extensions of at most 15 days, asked 5 days ahead', () => {
  const dueOn = appraisalDueOn('2026-03-01');
  assert.equal(dueOn, '2026-03-31');
  assert.deepEqual(checkAppraisalExtension({ dueOn, today: '2026-03-26', extensionsSoFar: 0, days: 15 }), {
    ok: true,
    dueOn: '2026-04-15',
  });
  const tooLate = checkAppraisalExtension({ dueOn, today: '2026-03-27', extensionsSoFar: 0, days: 10 });
  assert.equal(tooLate.ok, false);
  assert.ok(!tooLate.ok && tooLate.status === 409 && tooLate.field === 'dueOn');
  const tooLong = checkAppraisalExtension({ dueOn, today: '2026-03-02', extensionsSoFar: 0, days: 16 });
  assert.ok(!tooLong.ok && tooLong.status === 400 && tooLong.field === 'days');
  const third = checkAppraisalExtension({ dueOn, today: '2026-03-02', extensionsSoFar: 2, days: 5 });
  assert.ok(!third.ok && third.status === 409 && third.field === 'days');
  assert.equal(checkAppraisalExtension({ dueOn, today: '2026-03-02', extensionsSoFar: 1, days: 1 }).ok, true);
  assert.equal(isAppraisalLate(dueOn, '2026-03-31'), false);
  assert.equal(isAppraisalLate(dueOn, '2026-04-01'), true);
  assert.equal(nextAppraiserPosition(0, 3), 1);
  assert.equal(nextAppraiserPosition(1, 3), 2);
  assert.equal(nextAppraiserPosition(2, 3), null);
  assert.equal(specialismOf('realEstate'), 'realEstate');
  assert.equal(specialismOf('wealthProduct'), 'general');
});

test('an extension granted never moves the deadline more than 2 × 15 days', () => {
  fc.assert(
    fc.property(
      aDate,
      fc.array(fc.record({ wait: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: -2, max: 20 }) }), {
        maxLength: 5,
      }),
      (assignedOn, asks) => {
        const first = appraisalDueOn(assignedOn);
        let dueOn = first;
        let granted = 0;
        let today = assignedOn;
        for (const ask of asks) {
          today = addCalendarDays(today, ask.wait);
          const check = checkAppraisalExtension({ dueOn, today, extensionsSoFar: granted, days: ask.days });
          if (check.ok) {
            assert.ok(today <= addCalendarDays(dueOn, -5));
            dueOn = check.dueOn;
            granted += 1;
          }
        }
        assert.ok(granted <= 2);
        assert.ok(dueOn <= addCalendarDays(first, 30));
      },
    ),
  );
});
