import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ableToPayThreshold,
  factorPoints,
  type RatingInput,
  type ReasonCode,
  rateRespondent,
  ratingBase,
  recentRecoveryDays,
  thingValuePercent,
} from './rating.ts';

const yuan = (n: number) => n * 100;

/** A respondent searched, nothing found, nothing else known; 100,000 yuan claimed and outstanding. */
const nothing: RatingInput = {
  claimFen: yuan(100_000),
  outstandingFen: yuan(100_000),
  isSearched: true,
  availableBalanceFen: 0,
  frozenHereFen: 0,
  thingsFirstFen: 0,
  thingsQueuedFen: 0,
  thingsUnsealedCount: 0,
  thingsSealedHereCount: 0,
  daysSinceLastRecovery: null,
  voluntaryPaidFen: 0,
  isListed: false,
  breachCount: 0,
  isRestrictedHere: false,
  isListedHere: false,
  otherOpenCases: 0,
  otherTerminatedCases: 0,
  propertyReport: null,
};
const rate = (o: Partial<RatingInput>) => rateRespondent({ ...nothing, ...o });
const pointsOf = (o: Partial<RatingInput>, code: ReasonCode) =>
  rate(o).reasons.find((r) => r.code === code)?.points;
const measuresOf = (o: Partial<RatingInput>) => rate(o).proposedMeasures.map((m) => m.code);

describe('the score and its reasons', () => {
  test('not yet searched: the base of 50, a reason saying so, and the inquiry proposed first', () => {
    const r = rate({ isSearched: false });
    assert.equal(r.score, ratingBase);
    assert.equal(r.score, 50);
    assert.deepEqual(
      r.reasons.map((x) => [x.code, x.points]),
      [['notSearched', 0]],
    );
    assert.equal(r.track, 'complex');
    assert.deepEqual(measuresOf({ isSearched: false }), ['onlineInquiry', 'consumptionRestriction']);
  });

  test('searched and nothing found: 30, named by the reason, 终本 review proposed', () => {
    const r = rate({});
    assert.equal(r.score, 30);
    assert.equal(r.ability, 21);
    assert.equal(r.willingness, 50);
    assert.equal(r.isAbleToPay, false);
    assert.deepEqual(r.reasons[0], {
      code: 'noAssetsFound',
      factor: 'ability',
      points: -20,
      zh: '网络查控未发现可供执行的财产',
      en: 'Online inquiry found no assets to enforce against',
    });
    assert.deepEqual(measuresOf({}), ['consumptionRestriction', 'terminationReview']);
  });

  test('deposits covering the debt: 80, able to pay, the simple track, freeze proposed', () => {
    const r = rate({ availableBalanceFen: yuan(150_000) });
    assert.equal(r.score, 80);
    assert.equal(r.isAbleToPay, true);
    assert.deepEqual(
      r.reasons.map((x) => [x.code, x.points]),
      [
        ['assetsCoverage', 20],
        ['liquidMoney', 10],
      ],
    );
    assert.equal(r.track, 'simple');
    assert.deepEqual(measuresOf({ availableBalanceFen: yuan(150_000) }), ['freezeDeposits']);
  });

  test('money already frozen here is proposed for deduction', () => {
    assert.deepEqual(measuresOf({ frozenHereFen: yuan(100_000) }), ['deductFrozen']);
    assert.deepEqual(measuresOf({ frozenHereFen: yuan(40_000), availableBalanceFen: yuan(10) }), [
      'deductFrozen',
      'freezeDeposits',
      'consumptionRestriction',
    ]);
  });

  test('网拍规定 art. 10: a registered thing counts at 70% of its value', () => {
    assert.equal(thingValuePercent, 70);
    // Worth the outstanding amount: 70% covered, 20 × (2 × 0.7 − 1) = 8.
    const r = rate({ thingsFirstFen: yuan(100_000), thingsUnsealedCount: 1 });
    assert.equal(r.attachableFen, yuan(70_000));
    assert.equal(pointsOf({ thingsFirstFen: yuan(100_000) }, 'assetsCoverage'), 8);
    assert.equal(r.score, 58);
    assert.equal(r.track, 'complex');
    assert.deepEqual(measuresOf({ thingsFirstFen: yuan(100_000), thingsUnsealedCount: 1 }), [
      'sealAssets',
      'consumptionRestriction',
    ]);
    // Worth 1/0.7 of it: fully covered, exactly the threshold.
    assert.equal(rate({ thingsFirstFen: yuan(142_858) }).score, ableToPayThreshold);
  });

  test('the threshold is what covering assets score when nothing else is known', () => {
    assert.equal(ableToPayThreshold, ratingBase + factorPoints.coverage);
    assert.equal(rate({ thingsFirstFen: yuan(1_000_000) }).score, 70);
    assert.equal(rate({ thingsFirstFen: yuan(1_000_000) }).isAbleToPay, true);
  });

  test('sealed things are proposed for valuation (within 30 days of the seal)', () => {
    assert.ok(
      measuresOf({ thingsFirstFen: yuan(200_000), thingsSealedHereCount: 1 }).includes('startValuation'),
    );
  });

  test('things queued behind another court’s seal are named and not counted', () => {
    const r = rate({ thingsQueuedFen: yuan(5_000_000) });
    assert.equal(r.score, 30);
    assert.deepEqual(
      r.reasons.map((x) => [x.code, x.points]),
      [
        ['assetsCoverage', -20],
        ['queuedBehindOtherCourts', 0],
      ],
    );
    assert.ok(!measuresOf({ thingsQueuedFen: yuan(5_000_000) }).includes('terminationReview'));
  });

  test('half covered scores the coverage at 0; partly liquid money adds its share of 10', () => {
    assert.equal(pointsOf({ availableBalanceFen: yuan(50_000) }, 'assetsCoverage'), 0);
    assert.equal(pointsOf({ availableBalanceFen: yuan(50_000) }, 'liquidMoney'), 5);
  });

  test('money recovered within 90 days adds 5; on the 91st day it no longer does', () => {
    assert.equal(recentRecoveryDays, 90);
    assert.equal(pointsOf({ daysSinceLastRecovery: 90 }, 'recentRecovery'), 5);
    assert.equal(pointsOf({ daysSinceLastRecovery: 0 }, 'recentRecovery'), 5);
    assert.equal(pointsOf({ daysSinceLastRecovery: 91 }, 'recentRecovery'), undefined);
  });

  test('other cases: −3 each, open ones to −6 and 终本 ones to −9', () => {
    assert.equal(pointsOf({ otherOpenCases: 1 }, 'otherOpenCases'), -3);
    assert.equal(pointsOf({ otherOpenCases: 7 }, 'otherOpenCases'), -6);
    assert.equal(pointsOf({ otherTerminatedCases: 2 }, 'otherTerminatedCases'), -6);
    assert.equal(pointsOf({ otherTerminatedCases: 9 }, 'otherTerminatedCases'), -9);
    assert.equal(rate({ otherOpenCases: 9, otherTerminatedCases: 9 }).score, 15);
    assert.equal(rate({ otherOpenCases: 9, otherTerminatedCases: 9 }).ability, 0);
  });

  test('willingness: voluntary payment, listing, breaches, the property report', () => {
    assert.equal(pointsOf({ voluntaryPaidFen: yuan(50_000) }, 'voluntaryPayment'), 10);
    assert.equal(pointsOf({ voluntaryPaidFen: yuan(10_000) }, 'voluntaryPayment'), 2);
    assert.equal(pointsOf({ voluntaryPaidFen: 1 }, 'voluntaryPayment'), 1);
    assert.equal(pointsOf({ isListed: true }, 'listedDishonest'), -5);
    assert.equal(pointsOf({ breachCount: 1 }, 'pastBreaches'), -3);
    assert.equal(pointsOf({ breachCount: 4 }, 'pastBreaches'), -6);
    assert.equal(pointsOf({ propertyReport: 'reported' }, 'propertyReported'), 5);
    assert.equal(pointsOf({ propertyReport: 'late' }, 'propertyReportLate'), -2);
    assert.equal(pointsOf({ propertyReport: 'notReported' }, 'propertyNotReported'), -4);
    const worst = rate({ isListed: true, breachCount: 5, propertyReport: 'notReported' });
    assert.equal(worst.willingness, 0);
    assert.equal(rate({ voluntaryPaidFen: yuan(90_000), propertyReport: 'reported' }).willingness, 100);
  });

  test('money enough but a record of breaches: the complex track, listing and no search', () => {
    const o = { availableBalanceFen: yuan(100_000), breachCount: 1 };
    assert.equal(rate(o).track, 'complex');
    assert.deepEqual(measuresOf(o), ['freezeDeposits', 'dishonestListing']);
  });

  test('signs of hiding and too little found: a search is proposed', () => {
    assert.deepEqual(measuresOf({ isListed: true, isListedHere: true, isRestrictedHere: true }), [
      'search',
      'terminationReview',
    ]);
  });

  test('nothing outstanding: 80, the simple track, nothing to propose', () => {
    const r = rate({ outstandingFen: 0, isSearched: false });
    assert.equal(r.score, 80);
    assert.equal(r.track, 'simple');
    assert.deepEqual(r.proposedMeasures, []);
  });

  test('every reason and every proposal speaks Chinese and English', () => {
    const r = rate({
      availableBalanceFen: yuan(10),
      frozenHereFen: yuan(10),
      thingsFirstFen: yuan(10),
      thingsQueuedFen: yuan(10),
      thingsUnsealedCount: 1,
      thingsSealedHereCount: 1,
      daysSinceLastRecovery: 3,
      voluntaryPaidFen: yuan(10),
      isListed: true,
      breachCount: 1,
      otherOpenCases: 1,
      otherTerminatedCases: 1,
      propertyReport: 'notReported',
    });
    assert.equal(r.reasons.length, 10);
    assert.ok(r.proposedMeasures.length >= 6);
    for (const x of [...r.reasons, ...r.proposedMeasures, r.trackReason]) {
      assert.match(x.zh, /[\u4e00-\u9fff]/);
      assert.match(x.en, /^[A-Z0-9¥]/);
    }
  });
});

const fen = fc.integer({ min: 0, max: 10 ** 11 });
const anInput: fc.Arbitrary<RatingInput> = fc
  .record({
    claimFen: fen,
    recoveredFen: fen,
    isSearched: fc.boolean(),
    availableBalanceFen: fen,
    frozenHereFen: fen,
    thingsFirstFen: fen,
    thingsQueuedFen: fen,
    thingsUnsealedCount: fc.nat(20),
    thingsSealedHereCount: fc.nat(20),
    daysSinceLastRecovery: fc.option(fc.nat(2000)),
    voluntaryPaidFen: fen,
    isListed: fc.boolean(),
    breachCount: fc.nat(20),
    isRestrictedHere: fc.boolean(),
    isListedHere: fc.boolean(),
    otherOpenCases: fc.nat(50),
    otherTerminatedCases: fc.nat(50),
    propertyReport: fc.constantFrom('reported', 'late', 'notReported', null),
  })
  .map(({ recoveredFen, ...r }) => ({ ...r, outstandingFen: Math.max(0, r.claimFen - recoveredFen) }));

describe('properties', () => {
  test('the score is an integer within 0–100 and the reasons add up to it from the base', () => {
    fc.assert(
      fc.property(anInput, (input) => {
        const r = rateRespondent(input);
        assert.ok(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100, String(r.score));
        assert.equal(ratingBase + r.reasons.reduce((s, x) => s + x.points, 0), r.score);
        for (const sub of [r.ability, r.willingness])
          assert.ok(Number.isInteger(sub) && sub >= 0 && sub <= 100);
        assert.equal(r.isAbleToPay, r.score >= ableToPayThreshold);
      }),
      { numRuns: 2000 },
    );
  });

  test('more assets never lower the ability (nor the score)', () => {
    const asset = fc.constantFrom(
      'availableBalanceFen',
      'frozenHereFen',
      'thingsFirstFen',
      'thingsQueuedFen',
    );
    fc.assert(
      fc.property(anInput, asset, fc.integer({ min: 1, max: 10 ** 11 }), (input, field, more) => {
        const before = rateRespondent(input);
        const after = rateRespondent({ ...input, [field]: input[field] + more });
        assert.ok(after.ability >= before.ability, `${field}: ${before.ability} → ${after.ability}`);
        assert.ok(after.score >= before.score);
      }),
      { numRuns: 2000 },
    );
  });

  test('more breaches never raise the willingness (nor the score)', () => {
    fc.assert(
      fc.property(anInput, fc.integer({ min: 1, max: 10 }), fc.boolean(), (input, more, listed) => {
        const before = rateRespondent(input);
        const after = rateRespondent({
          ...input,
          breachCount: input.breachCount + more,
          isListed: input.isListed || listed,
        });
        assert.ok(after.willingness <= before.willingness);
        assert.ok(after.score <= before.score);
      }),
      { numRuns: 2000 },
    );
  });
});
