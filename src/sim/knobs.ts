import { z } from 'zod';
import type { Random } from '../demo/random.ts';
import { minutesOfChinaDay } from './dates.ts';
import { defaultKnobs, INSTITUTIONS } from './institutions.ts';
import type { Knobs } from './types.ts';

const ZRate = z.number().min(0).max(1);
const ZHourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ZKnobsPatchSchema = z
  .object({
    latencyMedianMs: z.number().min(0).max(600_000),
    latencyP99Ms: z.number().min(0).max(3_600_000),
    errorRate: ZRate,
    timeoutRate: ZRate,
    rateLimitPerSecond: z.number().min(0).max(1_000_000),
    maxConcurrent: z.number().int().min(0).max(1_000_000),
    maintenanceWindows: z.array(z.object({ from: ZHourMinute, to: ZHourMinute })).max(24),
    isUnderMaintenance: z.boolean(),
    malformedCallbackRate: ZRate,
    duplicateCallbackRate: ZRate,
  })
  .partial()
  .strict();
export type KnobsPatch = z.infer<typeof ZKnobsPatchSchema>;

export type KnobBoard = {
  get(code: string): Knobs;
  /** Applies a patch to one institution or, with '*', to all. */
  patch(target: string, patch: KnobsPatch): void;
  all(): Record<string, Knobs>;
};

export function createKnobBoard(
  common: KnobsPatch = {},
  perInstitution: Record<string, KnobsPatch> = {},
): KnobBoard {
  const knobs = new Map<string, Knobs>();
  for (const i of INSTITUTIONS)
    knobs.set(i.code, { ...defaultKnobs(i.kind), ...common, ...perInstitution[i.code] });
  return {
    get(code) {
      const k = knobs.get(code);
      if (!k) throw new Error(`unknown institution ${code}`);
      return k;
    },
    patch(target, patch) {
      for (const [code, k] of knobs)
        if (target === '*' || target === code) knobs.set(code, { ...k, ...patch });
    },
    all: () => Object.fromEntries(knobs),
  };
}

// z-score of the 99th percentile of the standard normal distribution.
const Z_P99 = 2.326;

function computeSigma(knobs: Knobs): number {
  const p99 = Math.max(knobs.latencyP99Ms, knobs.latencyMedianMs);
  return Math.log(p99 / knobs.latencyMedianMs) / Z_P99;
}

/** Lognormal answer delay: ln(delay) ~ N(ln median, σ) with σ fixed by the 99th percentile; capped at 4 × p99. */
export function sampleLatencyMs(random: Random, knobs: Knobs): number {
  if (knobs.latencyMedianMs <= 0) return 0;
  const cap = Math.max(knobs.latencyP99Ms, knobs.latencyMedianMs) * 4;
  return Math.min(knobs.latencyMedianMs * Math.exp(computeSigma(knobs) * random.normal()), cap);
}

/** The mean of that lognormal delay, median × e^(σ²/2) (the cap moves it by far less than 1%). */
export function computeLatencyMeanMs(knobs: Knobs): number {
  if (knobs.latencyMedianMs <= 0) return 0;
  const sigma = computeSigma(knobs);
  return knobs.latencyMedianMs * Math.exp((sigma * sigma) / 2);
}

/** Forced maintenance is announced as lasting this long. */
const FORCED_MAINTENANCE_RETRY_S = 60;

/** The maintenance in force at `now` (China time of day), with the seconds until it ends. */
export function findMaintenance(knobs: Knobs, now: number): { retryAfterS: number } | undefined {
  if (knobs.isUnderMaintenance) return { retryAfterS: FORCED_MAINTENANCE_RETRY_S };
  const minute = minutesOfChinaDay(now);
  for (const w of knobs.maintenanceWindows) {
    const from = toMinutes(w.from);
    const to = toMinutes(w.to);
    const isInside = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
    if (isInside) {
      const minutesLeft = (to - minute + 24 * 60) % (24 * 60);
      return { retryAfterS: Math.max(1, minutesLeft * 60 - Math.floor((now % 60_000) / 1000)) };
    }
  }
  return undefined;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Token bucket per institution: `rate` submissions per second, bursts up to `rate` (at least 1). */
export type RateLimiter = {
  take(code: string, rate: number, now: number): { isAllowed: boolean; retryAfterS: number };
};

export function createRateLimiter(): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(code, rate, now) {
      if (rate <= 0) return { isAllowed: true, retryAfterS: 0 };
      const capacity = Math.max(1, rate);
      const b = buckets.get(code) ?? { tokens: capacity, at: now };
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
      b.at = now;
      buckets.set(code, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { isAllowed: true, retryAfterS: 0 };
      }
      return { isAllowed: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / rate)) };
    },
  };
}
