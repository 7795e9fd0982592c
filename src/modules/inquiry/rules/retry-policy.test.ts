import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  circuitAfterFailure,
  circuitAfterSuccess,
  circuitPolicy,
  retryDelaySeconds,
  sendAllowance,
} from './retry-policy.ts';

test('backoff doubles from the base, capped, with bounded jitter', () => {
  assert.equal(retryDelaySeconds(1, 2, 0.5), 2);
  assert.equal(retryDelaySeconds(3, 2, 0.5), 8);
  assert.equal(retryDelaySeconds(30, 2, 0.5), 600);
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 0, max: 0.999, noNaN: true }),
      (a, b, j) => {
        const d = retryDelaySeconds(a, b, j);
        assert.ok(d >= 0.75 * Math.min(600, b) && d <= 1.25 * 600);
      },
    ),
  );
});

test('five consecutive failures open the circuit for 30 s; then one probe; success closes it', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  let s = circuitAfterSuccess();
  for (let i = 0; i < circuitPolicy.failureThreshold - 1; i++) s = circuitAfterFailure(s, now);
  assert.equal(s.circuitOpenUntil, null);
  s = circuitAfterFailure(s, now);
  assert.equal(s.circuitOpenUntil?.getTime(), now.getTime() + 30_000);
  const base = { concurrency: 32, inFlight: 0, pausedUntil: null, ...s };
  assert.equal(sendAllowance({ ...base, now: new Date(now.getTime() + 1000) }), 0);
  assert.equal(sendAllowance({ ...base, now: new Date(now.getTime() + 31_000) }), 1, 'half-open: one probe');
  assert.equal(sendAllowance({ ...base, ...circuitAfterSuccess(), now }), 32);
});

test('in-flight requests and retry-after pauses limit what may be sent', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const base = { concurrency: 8, consecutiveFailures: 0, circuitOpenUntil: null, pausedUntil: null, now };
  assert.equal(sendAllowance({ ...base, inFlight: 5 }), 3);
  assert.equal(sendAllowance({ ...base, inFlight: 9 }), 0);
  assert.equal(sendAllowance({ ...base, inFlight: 0, pausedUntil: new Date(now.getTime() + 1) }), 0);
});
