import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canMove, isTerminal, requestStateValues, terminalStates } from './request-states.ts';

test('every request ends answered, failed or expired; only a hand retry leaves those', () => {
  assert.deepEqual([...terminalStates], ['answered', 'failed', 'expired']);
  assert.equal(isTerminal('answered'), true);
  assert.equal(isTerminal('accepted'), false);
  for (const s of requestStateValues) assert.equal(canMove('answered', s), false);
  assert.equal(canMove('failed', 'pending'), true);
  assert.equal(canMove('pending', 'accepted'), false, 'nothing is accepted before it is sent');
  assert.equal(canMove('sending', 'sending'), true, 'a lapsed lease is taken over');
});
