import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../demo/random.ts';
import { defaultKnobs } from './institutions.ts';
import {
  computeLatencyMeanMs,
  createKnobBoard,
  createRateLimiter,
  findMaintenance,
  sampleLatencyMs,
  ZKnobsPatchSchema,
} from './knobs.ts';

const knobs = { ...defaultKnobs('bank'), latencyMedianMs: 200, latencyP99Ms: 1000 };

describe('knobs', () => {
  it('samples a lognormal latency with the configured median, 99th percentile and mean', () => {
    const random = createRandom(42);
    const samples = Array.from({ length: 40_000 }, () => sampleLatencyMs(random, knobs)).sort(
      (a, b) => a - b,
    );
    const at = (p: number) => samples[Math.floor(p * samples.length)] ?? Number.NaN;
    assert.ok(Math.abs(at(0.5) / 200 - 1) < 0.05, `median ${at(0.5)}`);
    assert.ok(Math.abs(at(0.99) / 1000 - 1) < 0.1, `p99 ${at(0.99)}`);
    const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
    assert.ok(
      Math.abs(mean / computeLatencyMeanMs(knobs) - 1) < 0.05,
      `mean ${mean} vs ${computeLatencyMeanMs(knobs)}`,
    );
    assert.ok(samples.every((x) => x >= 0 && x <= 4000));
  });

  it('finds maintenance windows in China time, also across midnight', () => {
    const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00+08:00`);
    const nightly = { ...knobs, maintenanceWindows: [{ from: '23:30', to: '00:30' }] };
    assert.equal(findMaintenance(nightly, at('23:29')), undefined);
    assert.equal(findMaintenance(nightly, at('23:45'))?.retryAfterS, 45 * 60);
    assert.equal(findMaintenance(nightly, at('00:10'))?.retryAfterS, 20 * 60);
    assert.equal(findMaintenance(nightly, at('00:30')), undefined);
    assert.ok(findMaintenance({ ...knobs, isUnderMaintenance: true }, at('12:00')));
  });

  it('limits submissions per second with a token bucket', () => {
    const limiter = createRateLimiter();
    const t = 1_000_000;
    const allowed = Array.from({ length: 8 }, () => limiter.take('icbc', 5, t).isAllowed);
    assert.deepEqual(allowed, [true, true, true, true, true, false, false, false]);
    assert.equal(limiter.take('icbc', 5, t).retryAfterS, 1);
    assert.equal(limiter.take('icbc', 5, t + 400).isAllowed, true);
    assert.equal(limiter.take('abc', 0, t).isAllowed, true);
  });

  it('patches one institution or all, and validates patches strictly', () => {
    const board = createKnobBoard({ errorRate: 0.1 });
    board.patch('icbc', { errorRate: 0.5 });
    assert.equal(board.get('icbc').errorRate, 0.5);
    assert.equal(board.get('abc').errorRate, 0.1);
    board.patch('*', { timeoutRate: 0.2 });
    assert.equal(board.get('msa').timeoutRate, 0.2);
    assert.equal(ZKnobsPatchSchema.safeParse({ errorRate: 2 }).success, false);
    assert.equal(ZKnobsPatchSchema.safeParse({ unknownKnob: 1 }).success, false);
    assert.equal(
      ZKnobsPatchSchema.safeParse({ maintenanceWindows: [{ from: '25:00', to: '01:00' }] }).success,
      false,
    );
  });
});
