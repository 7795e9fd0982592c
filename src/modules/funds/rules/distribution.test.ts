import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, isWorkingDay } from '../../../kernel/index.ts';
import {
  type DistributionClaim,
  objectionDueOn,
  objectionPeriodDays,
  oppositionDueOn,
  oppositionPeriodDays,
  planDistribution,
  type RespondentKind,
  reviseForObjections,
  suitDueOn,
  suitPeriodDays,
} from './distribution.ts';

const yuan = (y: number) => y * 100;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const claim = (
  creditorId: string,
  priority: DistributionClaim['priority'],
  principalFen: number,
  interestFen = 0,
  seizedAt: string | null = null,
): DistributionClaim => ({ creditorId, priority, principalFen, interestFen, seizedAt });

test('CPL-I art. 508: costs first, the secured claim in full, the ordinary claims pro rata to the fen', () => {
  // ¥100,000 in; the fee ¥4,400 (claim ¥300,000: 50 + 290,000 × 1.5%); secured ¥20,000 in full;
  // ¥75,600 left for ¥105,000 + ¥50,000 of ordinary claims: 75,600 × 105/155 = 51,212.9032… and
  // 75,600 × 50/155 = 24,387.0967…; the one fen left over goes to the larger remainder (c).
  const plan = planDistribution({
    amountFen: yuan(100_000),
    respondentKind: 'person',
    costsFen: yuan(4_400),
    claims: [
      claim('a', 'secured', yuan(20_000)),
      claim('b', 'ordinary', yuan(100_000), yuan(5_000)),
      claim('c', 'ordinary', yuan(50_000)),
    ],
  });
  assert.equal(plan.costsFen, 440_000);
  assert.equal(plan.ordinaryRule, 'proRata');
  assert.deepEqual(
    plan.shares.map((s) => [s.creditorId, s.amountFen, s.principalFen, s.interestFen]),
    [
      ['a', 2_000_000, 2_000_000, 0],
      ['b', 5_121_290, 5_121_290, 0],
      ['c', 2_438_710, 2_438_710, 0],
    ],
  );
  assert.equal(plan.refundFen, 0);
});

test('priority claims before secured ones; within a share the principal before the interest', () => {
  const plan = planDistribution({
    amountFen: yuan(1_000),
    respondentKind: 'organisation',
    costsFen: yuan(50),
    claims: [
      claim('secured', 'secured', yuan(800)),
      claim('wages', 'priority', yuan(600), yuan(100)),
      claim('ordinary', 'ordinary', yuan(100)),
    ],
  });
  const [secured, wages, ordinary] = plan.shares;
  assert.equal(wages?.amountFen, yuan(700), 'the priority claim in full, interest included');
  assert.equal(secured?.amountFen, yuan(250), 'the secured claim gets what is left');
  assert.equal(ordinary?.amountFen, 0);
  // Only part of a claim paid: the principal first.
  const short = planDistribution({
    amountFen: yuan(500),
    respondentKind: 'person',
    costsFen: 0,
    claims: [claim('x', 'ordinary', yuan(400), yuan(200))],
  });
  assert.deepEqual(
    short.shares.map((s) => [s.principalFen, s.interestFen]),
    [[yuan(400), yuan(100)]],
  );
});

test('money beyond every claim goes back to the respondent; costs beyond the money take it all', () => {
  const more = planDistribution({
    amountFen: yuan(10_000),
    respondentKind: 'person',
    costsFen: yuan(50),
    claims: [claim('a', 'ordinary', yuan(3_000)), claim('b', 'secured', yuan(1_000), yuan(10))],
  });
  assert.equal(more.refundFen, yuan(10_000 - 50 - 3_000 - 1_010));
  const little = planDistribution({
    amountFen: 3_000,
    respondentKind: 'person',
    costsFen: 5_000,
    claims: [claim('a', 'ordinary', 100)],
  });
  assert.deepEqual([little.costsFen, little.shares[0]?.amountFen, little.refundFen], [3_000, 0, 0]);
});

test('CPL-I art. 514: against a company the ordinary claims are paid in the order of seizure', () => {
  const claims = [
    claim('late', 'ordinary', yuan(5_000), 0, '2026-03-01'),
    claim('never', 'ordinary', yuan(5_000)),
    claim('first', 'ordinary', yuan(6_000), 0, '2026-01-15'),
    claim('secured', 'secured', yuan(2_000)),
  ];
  const plan = planDistribution({
    amountFen: yuan(10_000),
    respondentKind: 'company',
    costsFen: yuan(500),
    claims,
  });
  assert.equal(plan.ordinaryRule, 'seizureOrder');
  const by = new Map(plan.shares.map((s) => [s.creditorId, s.amountFen]));
  // ¥10,000 − ¥500 costs − ¥2,000 secured = ¥7,500: ¥6,000 to the first seizure, ¥1,500 to the next.
  assert.equal(by.get('secured'), yuan(2_000));
  assert.equal(by.get('first'), yuan(6_000));
  assert.equal(by.get('late'), yuan(1_500));
  assert.equal(by.get('never'), 0, 'never seized: after every seizure');
  // The same claims against a person share pro rata instead.
  const person = planDistribution({
    amountFen: yuan(10_000),
    respondentKind: 'person',
    costsFen: yuan(500),
    claims,
  });
  assert.deepEqual(
    person.shares.map((s) => s.amountFen),
    // ¥7,500 × 5/16 = ¥2,343.75 twice, × 6/16 = ¥2,812.50.
    [234_375, 234_375, 281_250, yuan(2_000)],
  );
});

test('against a company, seizures of one day rank together and the never-seized share what is left', () => {
  const plan = planDistribution({
    amountFen: yuan(1_000),
    respondentKind: 'company',
    costsFen: 0,
    claims: [
      claim('a', 'ordinary', yuan(300), 0, '2026-02-01'),
      claim('b', 'ordinary', yuan(600), 0, '2026-02-01'),
      claim('c', 'ordinary', yuan(300)),
      claim('d', 'ordinary', yuan(100)),
    ],
  });
  // a and b in full (¥900); ¥100 for c and d pro rata 3 : 1.
  assert.deepEqual(
    plan.shares.map((s) => s.amountFen),
    [yuan(300), yuan(600), yuan(75), yuan(25)],
  );
});

test('an unopposed objection revises the plan as the objector says (CPL-I art. 510)', () => {
  const shares = [
    { creditorId: 'a', claimFen: 1_000, amountFen: 600 },
    { creditorId: 'b', claimFen: 1_000, amountFen: 950 },
  ];
  const byCreditor = reviseForObjections(shares, 0, [{ objectorId: 'a', againstId: 'b', disputedFen: 500 }]);
  // a lacks ¥4.00 of its claim: it gets 400 of the 500, the other 100 goes back to the respondent.
  assert.deepEqual(
    byCreditor.shares.map((s) => s.amountFen),
    [1_000, 450],
  );
  assert.equal(byCreditor.refundFen, 100);
  const byRespondent = reviseForObjections(shares, 7, [
    { objectorId: null, againstId: 'a', disputedFen: 900 },
  ]);
  assert.deepEqual(
    byRespondent.shares.map((s) => s.amountFen),
    [0, 950],
  );
  assert.equal(byRespondent.refundFen, 607);
});

test('the timetable: 15 days to object, 15 to oppose, 15 to sue (CPL-I arts. 509–510)', () => {
  assert.equal(objectionPeriodDays, 15);
  assert.equal(oppositionPeriodDays, 15);
  assert.equal(suitPeriodDays, 15);
  // Served on Monday 2026-03-02: day 15 is Tuesday 2026-03-17, the last day to object.
  assert.equal(objectionDueOn('2026-03-02'), '2026-03-17');
  assert.equal(oppositionDueOn('2026-03-17'), '2026-04-01');
  assert.equal(suitDueOn('2026-01-20'), '2026-02-04');
  // CPL art. 85: day 15 on a holiday (2026-10-01, National Day) moves to the next working day.
  assert.equal(objectionDueOn('2026-09-16'), '2026-10-08');
  // Day 15 on the Labour Day holiday (2026-05-05) moves to 2026-05-06.
  assert.equal(oppositionDueOn('2026-04-20'), '2026-05-06');
});

test('a period ends on day 15 or the first working day after it, never earlier', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 365 * 3 }), (offset) => {
      const from = addCalendarDays('2025-01-01', offset);
      const due = objectionDueOn(from);
      assert.ok(due >= addCalendarDays(from, 15));
      assert.ok(isWorkingDay(due));
      for (let d = addCalendarDays(from, 15); d < due; d = addCalendarDays(d, 1)) assert.ok(!isWorkingDay(d));
    }),
  );
});

const arbClaims = fc
  .uniqueArray(
    fc.record({
      creditorId: fc.string({ minLength: 1, maxLength: 4 }),
      priority: fc.constantFrom('priority', 'secured', 'ordinary', 'ordinary', 'ordinary' as const),
      principalFen: fc.integer({ min: 0, max: 10 ** 12 }),
      interestFen: fc.integer({ min: 0, max: 10 ** 10 }),
      seizedAt: fc.option(fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01'), { nil: null }),
    }),
    { selector: (c) => c.creditorId, maxLength: 8 },
  )
  .map((cs) => cs as DistributionClaim[]);
const arbKind = fc.constantFrom<RespondentKind>('person', 'organisation', 'company');

test('invariants: the parts sum exactly to the amount, no share exceeds its claim, rounding is deterministic', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10 ** 13 }),
      fc.integer({ min: 0, max: 10 ** 9 }),
      arbKind,
      arbClaims,
      (amountFen, costsFen, respondentKind, claims) => {
        const plan = planDistribution({ amountFen, respondentKind, costsFen, claims });
        const shares = plan.shares.map((s) => s.amountFen);
        assert.equal(plan.costsFen + sum(shares) + plan.refundFen, amountFen);
        assert.ok(plan.costsFen <= costsFen && plan.refundFen >= 0);
        plan.shares.forEach((s, i) => {
          const c = claims[i];
          assert.ok(c && s.amountFen >= 0 && s.amountFen <= c.principalFen + c.interestFen);
          assert.equal(s.principalFen + s.interestFen, s.amountFen);
          assert.ok(s.principalFen <= c.principalFen);
        });
        // Money goes back to the respondent only once every claim is paid.
        if (plan.refundFen > 0) for (const s of plan.shares) assert.equal(s.amountFen, s.claimFen);
        // The same claims in another order: the same shares, to the fen.
        const reversed = planDistribution({
          amountFen,
          respondentKind,
          costsFen,
          claims: [...claims].reverse(),
        });
        const byCreditor = new Map(reversed.shares.map((s) => [s.creditorId, s.amountFen]));
        for (const s of plan.shares) assert.equal(byCreditor.get(s.creditorId), s.amountFen);
      },
    ),
  );
});

test('pro rata: every ordinary share is within one fen of its exact proportion (largest remainder)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10 ** 12 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 12 }), { minLength: 1, maxLength: 6 }),
      (amountFen, principals) => {
        const claims = principals.map((p, i) => claim(`c${i}`, 'ordinary', p));
        const total = sum(principals);
        const plan = planDistribution({ amountFen, respondentKind: 'person', costsFen: 0, claims });
        if (amountFen >= total) return;
        plan.shares.forEach((s, i) => {
          const exact = (BigInt(amountFen) * BigInt(principals[i] ?? 0)) / BigInt(total);
          const diff = BigInt(s.amountFen) - exact;
          assert.ok(diff === 0n || diff === 1n, `share ${i}: ${s.amountFen} vs ${exact}`);
        });
      },
    ),
  );
});

test('invariants of the revision: the total stays the same and no share exceeds its claim', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 })), {
        minLength: 2,
        maxLength: 5,
      }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 10 ** 9 }), fc.boolean()), {
        maxLength: 4,
      }),
      (pairs, raw) => {
        const shares = pairs.map(([a, b], i) => ({
          creditorId: `c${i}`,
          claimFen: Math.max(a, b),
          amountFen: Math.min(a, b),
        }));
        const objections = raw.map(([o, x, d, isRespondent]) => ({
          objectorId: isRespondent ? null : `c${o % shares.length}`,
          againstId: `c${x % shares.length}`,
          disputedFen: d,
        }));
        const before = sum(shares.map((s) => s.amountFen)) + 10;
        const revised = reviseForObjections(shares, 10, objections);
        assert.equal(sum(revised.shares.map((s) => s.amountFen)) + revised.refundFen, before);
        for (const s of revised.shares) assert.ok(s.amountFen >= 0 && s.amountFen <= s.claimFen);
      },
    ),
  );
});
