import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeIdNumber } from '../../../kernel/index.ts';
import {
  ageOfMajority,
  checkListingEligibility,
  isListingGround,
  type ListingFacts,
  listingGroundNumbers,
} from './grounds.ts';

const adult = makeIdNumber('330106', '1980-05-01', '123');
const facts: ListingFacts = {
  claimAmountFen: 1_000_000,
  recoveredFen: 0,
  caseStatus: 'inProgress',
  hasSettlement: true,
  hasAdequateSecurity: false,
  controlledPropertyFen: 0,
  isDueInOrderOfPerformance: true,
};
const natural = (idNumber: string | null) => ({ kind: 'natural' as const, idNumber });
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

test('失信规定 art. 1: six grounds, numbered 1 to 6', () => {
  assert.deepEqual(listingGroundNumbers, [1, 2, 3, 4, 5, 6]);
  assert.equal(isListingGround(0), false);
  assert.equal(isListingGround(7), false);
  assert.equal(isListingGround('1'), false);
  for (const ground of listingGroundNumbers) {
    const r = checkListingEligibility({
      ground,
      respondent: natural(adult),
      decisionDate: '2026-06-01',
      facts,
    });
    assert.equal(r.ok, true, `ground ${ground}`);
  }
});

test('art. 1 presupposes non-performance: a debtor who has paid the claim in full is refused', () => {
  const r = checkListingEligibility({
    ground: 2,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: { ...facts, recoveredFen: 1_000_000 },
  });
  assert.deepEqual(codes(r), ['FULLY_PERFORMED']);
});

test('art. 3(1): adequate security excludes ground (1) only', () => {
  const withSecurity = { ...facts, hasAdequateSecurity: true };
  const one = checkListingEligibility({
    ground: 1,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: withSecurity,
  });
  assert.deepEqual(codes(one), ['ADEQUATE_SECURITY']);
  assert.equal(one.reasons[0]?.path, 'exclusions.hasAdequateSecurity');
  const two = checkListingEligibility({
    ground: 2,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: withSecurity,
  });
  assert.equal(two.ok, true);
});

test('art. 3(2): controlled property at least equal to the outstanding claim excludes ground (1)', () => {
  const at = (controlledPropertyFen: number, recoveredFen = 0) =>
    codes(
      checkListingEligibility({
        ground: 1,
        respondent: natural(adult),
        decisionDate: '2026-06-01',
        facts: { ...facts, controlledPropertyFen, recoveredFen },
      }),
    );
  assert.deepEqual(at(999_999), []);
  assert.deepEqual(at(1_000_000), ['PROPERTY_CONTROLLED_SUFFICES']);
  // 400,000 fen recovered: 600,000 outstanding, so 600,000 controlled suffices
  assert.deepEqual(at(600_000, 400_000), ['PROPERTY_CONTROLLED_SUFFICES']);
  assert.deepEqual(at(599_999, 400_000), []);
});

test('art. 3(3): a debtor not yet due in the order of performance is not listed on ground (1)', () => {
  const r = checkListingEligibility({
    ground: 1,
    respondent: { kind: 'legal', idNumber: null },
    decisionDate: '2026-06-01',
    facts: { ...facts, isDueInOrderOfPerformance: false },
  });
  assert.deepEqual(codes(r), ['NOT_YET_DUE_IN_ORDER']);
  const three = checkListingEligibility({
    ground: 3,
    respondent: { kind: 'legal', idNumber: null },
    decisionDate: '2026-06-01',
    facts: { ...facts, isDueInOrderOfPerformance: false },
  });
  assert.equal(three.ok, true);
});

test('every exclusion is reported at once', () => {
  const r = checkListingEligibility({
    ground: 1,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: {
      ...facts,
      hasAdequateSecurity: true,
      controlledPropertyFen: 2_000_000,
      isDueInOrderOfPerformance: false,
    },
  });
  assert.deepEqual(codes(r), ['ADEQUATE_SECURITY', 'PROPERTY_CONTROLLED_SUFFICES', 'NOT_YET_DUE_IN_ORDER']);
});

test('art. 4: a minor is refused, the age taken from the ID number on the decision date', () => {
  assert.equal(ageOfMajority, 18);
  const born = makeIdNumber('330106', '2008-06-02', '013');
  const dayBefore = checkListingEligibility({
    ground: 2,
    respondent: natural(born),
    decisionDate: '2026-06-01',
    facts,
  });
  assert.deepEqual(codes(dayBefore), ['MINOR']);
  assert.match(dayBefore.reasons[0]?.zh ?? '', /未成年人（17周岁）/);
  const birthday = checkListingEligibility({
    ground: 2,
    respondent: natural(born),
    decisionDate: '2026-06-02',
    facts,
  });
  assert.equal(birthday.ok, true);
});

test('a natural person without a valid ID number cannot be checked for age and is refused', () => {
  const none = checkListingEligibility({
    ground: 2,
    respondent: natural(null),
    decisionDate: '2026-06-01',
    facts,
  });
  assert.deepEqual(codes(none), ['ID_NUMBER_REQUIRED']);
  const bad = checkListingEligibility({
    ground: 2,
    respondent: natural('330106198005011230'),
    decisionDate: '2026-06-01',
    facts,
  });
  assert.deepEqual(codes(bad), ['ID_NUMBER_INVALID']);
});

test('ground (6) needs a settlement in the case; a closed case cannot list', () => {
  const six = checkListingEligibility({
    ground: 6,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: { ...facts, hasSettlement: false },
  });
  assert.deepEqual(codes(six), ['NO_SETTLEMENT']);
  const closed = checkListingEligibility({
    ground: 2,
    respondent: natural(adult),
    decisionDate: '2026-06-01',
    facts: { ...facts, caseStatus: 'closed' },
  });
  assert.deepEqual(codes(closed), ['CASE_CLOSED']);
});
