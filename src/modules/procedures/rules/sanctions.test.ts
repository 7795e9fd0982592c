import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isWorkingDay } from '../../../kernel/index.ts';
import {
  actKeyOf,
  checkDetention,
  checkFineAmount,
  checkReviewApplication,
  custodyOn,
  detentionEndsOn,
  detentionSequenceLabel,
  formatDecisionNumber,
  isRepeatedSanction,
  isReviewDecisionLate,
  maxDetentionDays,
  maxPersonFineFen,
  maxUnitFineFen,
  minUnitFineFen,
  referralReplyDays,
  referralStanding,
  reviewApplicationDays,
  reviewApplyBy,
  reviewDecideBy,
  reviewDecisionDays,
  subjectKeyOf,
} from './sanctions.ts';

test('CPL art. 118: a natural person is fined at most ¥100,000', () => {
  assert.equal(maxPersonFineFen, 100_000 * 100);
  assert.deepEqual(checkFineAmount(10_000_000, 'natural'), { ok: true, value: 10_000_000 });
  assert.equal(checkFineAmount(1, 'natural').ok, true);
  const above = checkFineAmount(10_000_001, 'natural');
  assert.equal(above.ok, false);
  assert.equal(!above.ok && above.code, 'aboveMaximum');
  assert.match(!above.ok ? above.reason.zh : '', /100,000\.00元/);
});

test('CPL art. 118: a unit is fined from ¥50,000 to ¥1,000,000', () => {
  assert.equal(minUnitFineFen, 50_000 * 100);
  assert.equal(maxUnitFineFen, 1_000_000 * 100);
  assert.equal(checkFineAmount(5_000_000, 'organisation').ok, true);
  assert.equal(checkFineAmount(100_000_000, 'organisation').ok, true);
  const below = checkFineAmount(4_999_999, 'organisation');
  assert.equal(!below.ok && below.code, 'belowMinimum');
  const above = checkFineAmount(100_000_001, 'organisation');
  assert.equal(!above.ok && above.code, 'aboveMaximum');
  // ¥200,000 is too much for a person and fine for a unit.
  assert.equal(checkFineAmount(20_000_000, 'natural').ok, false);
  assert.equal(checkFineAmount(20_000_000, 'organisation').ok, true);
});

test('CPL art. 118: detention of a natural person, 1 to 15 days; never of a unit', () => {
  assert.equal(maxDetentionDays, 15);
  assert.equal(checkDetention(15, 'natural').ok, true);
  assert.equal(checkDetention(1, 'natural').ok, true);
  const above = checkDetention(16, 'natural');
  assert.equal(!above.ok && above.code, 'aboveMaximum');
  assert.equal(checkDetention(0, 'natural').ok, false);
  const unit = checkDetention(5, 'organisation');
  assert.equal(!unit.ok && unit.code, 'notANaturalPerson');
});

test('detention counts the day of admission; 15 days from 03-01 end on 03-15', () => {
  assert.equal(detentionEndsOn('2026-03-01', 15), '2026-03-15');
  assert.equal(detentionEndsOn('2026-03-01', 1), '2026-03-01');
  assert.equal(custodyOn({ endOn: '2026-03-15', releasedOn: null }, '2026-03-15'), 'inCustody');
  assert.equal(custodyOn({ endOn: '2026-03-15', releasedOn: null }, '2026-03-16'), 'served');
  assert.equal(custodyOn({ endOn: '2026-03-15', releasedOn: '2026-03-05' }, '2026-03-06'), 'releasedEarly');
});

test('detention is counted per person: 第N次拘留', () => {
  assert.deepEqual(detentionSequenceLabel(1), { zh: '第1次拘留', en: '1st detention' });
  assert.deepEqual(detentionSequenceLabel(2), { zh: '第2次拘留', en: '2nd detention' });
  assert.equal(detentionSequenceLabel(11).zh, '第11次拘留');
});

test('CPL-I art. 185: review within 3 days of receipt (CPL art. 85: a holiday last day moves on)', () => {
  assert.equal(reviewApplicationDays, 3);
  // Received Monday 2026-03-02: Thursday 03-05 is the last day.
  assert.equal(reviewApplyBy('2026-03-02'), '2026-03-05');
  const onTime = checkReviewApplication({
    decidedOn: '2026-03-02',
    receivedOn: '2026-03-02',
    today: '2026-03-05',
  });
  assert.deepEqual(onTime, { ok: true, value: { applyBy: '2026-03-05' } });
  const late = checkReviewApplication({
    decidedOn: '2026-03-02',
    receivedOn: '2026-03-02',
    today: '2026-03-06',
  });
  assert.equal(!late.ok && late.code, 'late');
  // Received Wednesday 2026-03-04: day 3 is Saturday 03-07, so Monday 03-09 is the last day.
  assert.equal(reviewApplyBy('2026-03-04'), '2026-03-09');
  // Received 2026-09-28: day 3 is 10-01 (National Day); the period runs to the first working day after.
  const afterHoliday = reviewApplyBy('2026-09-28');
  assert.ok(afterHoliday > '2026-10-01' && isWorkingDay(afterHoliday));
  const early = checkReviewApplication({
    decidedOn: '2026-03-02',
    receivedOn: '2026-03-01',
    today: '2026-03-02',
  });
  assert.equal(!early.ok && early.code, 'receivedBeforeDecision');
  const future = checkReviewApplication({
    decidedOn: '2026-03-02',
    receivedOn: '2026-03-03',
    today: '2026-03-02',
  });
  assert.equal(!future.ok && future.code, 'receivedInFuture');
});

test('CPL-I art. 185: the higher court decides within 5 days of the application', () => {
  assert.equal(reviewDecisionDays, 5);
  // Applied Monday 2026-03-02: Saturday 03-07 is no working day, so Monday 03-09.
  assert.equal(reviewDecideBy('2026-03-02'), '2026-03-09');
  // Applied Tuesday 2026-03-03: Sunday 03-08 → Monday 03-09; applied Wednesday 03-04: Monday 03-09.
  assert.equal(reviewDecideBy('2026-03-04'), '2026-03-09');
  assert.equal(isReviewDecisionLate('2026-03-04', '2026-03-09'), false);
  assert.equal(isReviewDecisionLate('2026-03-04', '2026-03-10'), true);
});

test('拒执罪解释 (2024): 60 days for public security, then the applicant may prosecute privately', () => {
  assert.equal(referralReplyDays, 60);
  const waiting = referralStanding('2026-03-01', null, '2026-04-30');
  assert.deepEqual(waiting, {
    replyDueOn: '2026-04-30',
    isReplyOverdue: false,
    mayProsecutePrivately: false,
  });
  const silent = referralStanding('2026-03-01', null, '2026-05-01');
  assert.equal(silent.isReplyOverdue, true);
  assert.equal(silent.mayProsecutePrivately, true);
  assert.equal(referralStanding('2026-03-01', '2026-04-10', '2026-06-01').isReplyOverdue, false);
});

test('CPL-I art. 184: the same act is not fined or detained twice; a new act may be', () => {
  const act = { description: '转移已查封的车辆。', occurredOn: '2026-03-01' };
  const key = actKeyOf(act);
  assert.equal(actKeyOf({ description: ' 转移已查封的车辆 ', occurredOn: '2026-03-01' }), key);
  assert.notEqual(actKeyOf({ ...act, occurredOn: '2026-03-02' }), key);
  assert.notEqual(actKeyOf({ ...act, description: '殴打执行人员' }), key);
  const fined = [{ kind: 'fine' as const, actKey: key, status: 'decided' }];
  assert.equal(isRepeatedSanction(fined, { kind: 'fine', actKey: key }), true);
  // CPL-I art. 183: a fine and a detention may be applied together for one act.
  assert.equal(isRepeatedSanction(fined, { kind: 'detention', actKey: key }), false);
  assert.equal(
    isRepeatedSanction(fined, { kind: 'fine', actKey: actKeyOf({ ...act, occurredOn: '2026-03-09' }) }),
    false,
  );
  // A proposal the court leader rejected bars nothing.
  assert.equal(
    isRepeatedSanction([{ kind: 'fine', actKey: key, status: 'rejected' }], { kind: 'fine', actKey: key }),
    false,
  );
});

test('property: an act described with other spacing, punctuation or width is the same act', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom(' ', '，', '。', '  '),
      (words, gap) => {
        const a = actKeyOf({ description: words, occurredOn: '2026-03-01' });
        const b = actKeyOf({ description: `${gap}${words}${gap}`, occurredOn: '2026-03-01' });
        assert.equal(a, b);
      },
    ),
  );
});

test('subjects are keyed by ID number or credit code across cases, else by party', () => {
  assert.equal(
    subjectKeyOf({ idNumber: '33010619900101123x', creditCode: null, partyId: 'p', name: '张三' }),
    'id:33010619900101123X',
  );
  assert.equal(
    subjectKeyOf({ idNumber: null, creditCode: '91330106MA2B3C4D5E', partyId: null, name: '某公司' }),
    'cc:91330106MA2B3C4D5E',
  );
  assert.equal(subjectKeyOf({ idNumber: null, creditCode: null, partyId: 'p1', name: '张三' }), 'party:p1');
});

test('司惩: the decision number reads like a case number', () => {
  assert.equal(formatDecisionNumber(2026, '浙0106', 12), '（2026）浙0106司惩12号');
});
