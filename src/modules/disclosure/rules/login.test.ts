import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CodeState,
  codeExpiry,
  judgeAttempt,
  lockMinutes,
  maxWrongCodes,
  maySendCode,
} from './login.ts';

const t0 = new Date('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fresh: CodeState = {
  codeHash: 'h',
  expiresAt: codeExpiry(t0),
  sentAt: t0,
  failures: 0,
  lockedUntil: null,
};

test('a code is valid for 5 minutes', () => {
  assert.equal(codeExpiry(t0).getTime() - t0.getTime(), 5 * 60_000);
  assert.equal(judgeAttempt(fresh, 'h', at(4.9)).outcome, 'ok');
  assert.equal(judgeAttempt(fresh, 'h', at(5)).outcome, 'noCode');
});

test('the 5th wrong code locks the pair for 15 minutes and burns the code', () => {
  assert.equal(maxWrongCodes, 5);
  assert.equal(lockMinutes, 15);
  let state: CodeState = { ...fresh };
  for (let i = 1; i <= 4; i++) {
    const a = judgeAttempt(state, 'x', at(1));
    assert.equal(a.outcome, 'wrong');
    if (a.outcome !== 'wrong') return;
    assert.equal(a.next.failures, i);
    assert.equal(a.next.lockedUntil, null);
    state = { ...state, ...a.next };
  }
  const fifth = judgeAttempt(state, 'x', at(1));
  assert.equal(fifth.outcome, 'wrong');
  if (fifth.outcome !== 'wrong') return;
  assert.deepEqual(fifth.next.lockedUntil, at(16));
  assert.equal(fifth.next.codeHash, null);
  const locked = { ...state, ...fifth.next };
  // Even the right code is refused while locked; after 15 minutes the pair may ask for a new one.
  assert.equal(judgeAttempt({ ...locked, codeHash: 'h', expiresAt: at(20) }, 'h', at(10)).outcome, 'locked');
  assert.equal(maySendCode(locked, at(15.9)), false);
  assert.equal(maySendCode(locked, at(16)), true);
});

test('a new code at most once a minute', () => {
  assert.equal(maySendCode(null, t0), true);
  assert.equal(maySendCode(fresh, at(0.5)), false);
  assert.equal(maySendCode(fresh, at(1)), true);
});

test('a code signs in once; the same code again is "used", not a wrong guess', () => {
  assert.equal(judgeAttempt({ ...fresh, usedAt: at(1) }, 'h', at(2)).outcome, 'used');
  assert.equal(judgeAttempt({ ...fresh, usedAt: at(1) }, 'x', at(2)).outcome, 'wrong');
});
