import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  additionGrounds,
  checkHearingDate,
  checkLimit,
  groundRules,
  hearingAtRuling,
  isRulingLate,
  objectionOf,
  reviewObjectionDays,
  rulingDays,
  rulingDueOn,
  suitObjectionDays,
  waiverAtRulingRecord,
} from './additions.ts';

test('变更追加规定 art. 28: the ruling is due 60 calendar days after the application', () => {
  assert.equal(rulingDays, 60);
  assert.equal(rulingDueOn('2026-03-01'), '2026-04-30');
  // Calendar days, across a month end and a leap day.
  assert.equal(rulingDueOn('2028-01-15'), '2028-03-15');
  // The president's extension adds its days.
  assert.equal(rulingDueOn('2026-03-01', 30), '2026-05-30');
  assert.equal(isRulingLate('2026-04-30', '2026-04-30'), false);
  assert.equal(isRulingLate('2026-04-30', '2026-05-01'), true);
});

test('arts. 10, 17, 18, 19, 22 answer within a limit: the limit is required', () => {
  for (const ground of [
    'heir',
    'unpaidCapital',
    'withdrawnCapital',
    'transferBeforePaying',
    'freeReceipt',
  ] as const) {
    assert.equal(groundRules[ground].isLimited, true, ground);
    const missing = checkLimit(ground, undefined);
    assert.equal(missing.ok, false, ground);
    assert.equal(!missing.ok && missing.code, 'limitRequired');
    assert.equal(checkLimit(ground, null).ok, false, ground);
    assert.deepEqual(checkLimit(ground, 500_000), { ok: true, value: 500_000 });
  }
});

test('arts. 13, 14(1), 20, 21 answer jointly: a limit is refused, none is accepted as null', () => {
  for (const ground of [
    'soleProprietor',
    'partner',
    'onePersonCompany',
    'deregisteredWithoutLiquidation',
  ] as const) {
    assert.equal(groundRules[ground].isLimited, false, ground);
    const limited = checkLimit(ground, 500_000);
    assert.equal(!limited.ok && limited.code, 'limitNotAllowed', ground);
    assert.deepEqual(checkLimit(ground, undefined), { ok: true, value: null });
    assert.deepEqual(checkLimit(ground, null), { ok: true, value: null });
  }
});

test('art. 32: rulings under arts. 17–21 are challenged by a suit within 15 days of service', () => {
  assert.equal(suitObjectionDays, 15);
  for (const ground of [
    'unpaidCapital', // art. 17
    'withdrawnCapital', // art. 18
    'transferBeforePaying', // art. 19
    'onePersonCompany', // art. 20
    'deregisteredWithoutLiquidation', // art. 21
  ] as const) {
    const objection = objectionOf(ground, '2026-03-01');
    assert.equal(objection.kind, 'suit', ground);
    assert.equal(objection.days, 15);
    assert.equal(objection.dueOn, '2026-03-16');
  }
});

test('art. 30: the other rulings are reviewed by the higher court on an application within 10 days', () => {
  assert.equal(reviewObjectionDays, 10);
  for (const ground of ['heir', 'soleProprietor', 'partner', 'freeReceipt'] as const) {
    const objection = objectionOf(ground, '2026-03-01');
    assert.equal(objection.kind, 'review', ground);
    assert.equal(objection.days, 10);
    assert.equal(objection.dueOn, '2026-03-11');
    assert.match(objection.label.zh, /第三十条/);
  }
});

test('every ground cites its article and has both labels', () => {
  assert.equal(additionGrounds.length, 9);
  for (const ground of additionGrounds) {
    const rule = groundRules[ground];
    assert.match(rule.article, /^变更追加规定第/, ground);
    assert.ok(rule.label.zh.length > 0 && rule.label.en.length > 0, ground);
  }
});

test('art. 28: the hearing on file stands; with none, the ruling records the waiver on its day', () => {
  assert.deepEqual(hearingAtRuling({ heldOn: '2026-03-10', isWaived: false }, '2026-03-20'), {
    heldOn: '2026-03-10',
    isWaived: false,
    isRecordedAtRuling: false,
  });
  assert.deepEqual(hearingAtRuling({ heldOn: '2026-03-10', isWaived: true }, '2026-03-20'), {
    heldOn: '2026-03-10',
    isWaived: true,
    isRecordedAtRuling: false,
  });
  assert.deepEqual(hearingAtRuling(null, '2026-03-20'), {
    heldOn: '2026-03-20',
    isWaived: true,
    isRecordedAtRuling: true,
  });
  assert.match(waiverAtRulingRecord, /第二十八条/);
});

test('the hearing lies between the application and today', () => {
  assert.equal(checkHearingDate('2026-03-10', '2026-03-01', '2026-03-20').ok, true);
  assert.equal(checkHearingDate('2026-03-01', '2026-03-01', '2026-03-01').ok, true);
  const early = checkHearingDate('2026-02-28', '2026-03-01', '2026-03-20');
  assert.equal(!early.ok && early.code, 'beforeApplication');
  const future = checkHearingDate('2026-03-21', '2026-03-01', '2026-03-20');
  assert.equal(!future.ok && future.code, 'future');
});
