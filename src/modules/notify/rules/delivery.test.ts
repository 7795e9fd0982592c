import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLastAttempt, maxSendAttempts, verdictOfStatus } from './delivery.ts';

test('the gateway’s answer: 202 accepted, 4xx final, 5xx and rate limits worth retrying', () => {
  assert.equal(verdictOfStatus(202), 'accepted');
  assert.equal(verdictOfStatus(200), 'accepted');
  assert.equal(verdictOfStatus(409), 'rejected');
  assert.equal(verdictOfStatus(400), 'rejected');
  assert.equal(verdictOfStatus(401), 'rejected');
  assert.equal(verdictOfStatus(429), 'unavailable');
  assert.equal(verdictOfStatus(408), 'unavailable');
  assert.equal(verdictOfStatus(500), 'unavailable');
  assert.equal(verdictOfStatus(503), 'unavailable');
  assert.equal(verdictOfStatus(302), 'unavailable', 'a redirect is not followed, and not an answer');
});

test('a message is tried once and retried eight times', () => {
  assert.equal(maxSendAttempts, 9);
  assert.equal(isLastAttempt(8), false);
  assert.equal(isLastAttempt(9), true);
});
