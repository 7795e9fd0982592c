import { createRandom, deriveSeed, type Random } from '../../demo/random.ts';
import { addCalendarDays, chinaDateOf, startOfChinaDate } from '../../kernel/index.ts';
import type { SimClock } from '../clock.ts';
import { signRequest } from '../signature.ts';
import {
  type Lateness,
  type TValuationInquiry,
  type TValuationInquiryRequest,
  type TValuationKnobs,
  type TValuationReport,
  VALUATION_PLATFORMS,
  type ValuationPlatformCode,
} from './contracts.ts';

/**
 * The back office of the simulated valuation platforms (docs/protocols/valuation.md §8). A request
 * accepted is planned at once and deterministically from (seed, platform, requestId): the price,
 * spread around the asset's value, and the simulated instant of the report — most within seconds,
 * some hours later but inside the 3 days, some in the extension (days 4–6), a few on day 8. When
 * the simulated clock reaches that instant the report is pushed, signed, to the request's
 * `callbackUrl` until it is answered 2xx, and polling shows it. A request accepted again with the
 * same body changes nothing (idempotent by `requestId`); with another body it is a conflict.
 *
 * Nothing is journaled: the plan is a function of the request, so a platform restarted empty
 * answers a resent request the same way (only a quick report's few seconds may differ).
 */
export type ValuationCallbackPolicy = { baseDelayMs: number; maxDelayMs: number; timeoutMs: number };

export const DEFAULT_VALUATION_CALLBACKS: ValuationCallbackPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
};

export const DEFAULT_VALUATION_KNOBS: TValuationKnobs = {
  lateness: 'auto',
  onTimeRate: 0.9,
  lateRate: 0.08,
  spreadPct: 8,
  errorRate: 0,
};

export type ValuationOptions = {
  /** Applied to every platform on top of the defaults. */
  knobs?: Partial<TValuationKnobs>;
  callbacks?: Partial<ValuationCallbackPolicy>;
  /** How often due reports are looked for (ms of machine time); default 50. */
  tickMs?: number;
};

export type ValuationDeskDeps = ValuationOptions & {
  seed: number;
  clock: SimClock;
  keyOf: (code: string) => string;
  onError?: (err: unknown) => void;
};

export type SubmitOutcome = 'accepted' | 'conflict' | 'unavailable';

export type ValuationDesk = {
  submit(code: ValuationPlatformCode, request: TValuationInquiryRequest, bodyHash: string): SubmitOutcome;
  find(code: ValuationPlatformCode, requestId: string): TValuationInquiry | undefined;
  knobs(code: ValuationPlatformCode): TValuationKnobs;
  patchKnobs(code: ValuationPlatformCode | '*', patch: Partial<TValuationKnobs>): void;
  overview(): {
    platforms: {
      code: string;
      name: string;
      knobs: TValuationKnobs;
      accepted: number;
      reported: number;
      callbacksPending: number;
    }[];
  };
  close(): Promise<void>;
};

type Entry = {
  request: TValuationInquiryRequest;
  bodyHash: string;
  /** Simulated instant the report is issued. */
  reportAt: number;
  report: TValuationReport;
  isDelivered: boolean;
  isSending: boolean;
  attempt: number;
  /** Machine time of the next delivery attempt. */
  nextAttemptAt: number;
};

// What an asset is worth when no registry said (yuan): by type, a plausible range.
const ESTIMATES: Record<string, readonly [number, number]> = {
  realEstate: [800_000, 6_000_000],
  vehicle: [40_000, 400_000],
  equity: [200_000, 5_000_000],
  ship: [500_000, 20_000_000],
};
const DEFAULT_ESTIMATE = [10_000, 500_000] as const;

function assetValueOf(random: Random, request: TValuationInquiryRequest): number {
  if (request.asset.registeredValueFen !== undefined) return request.asset.registeredValueFen;
  const [lo, hi] = ESTIMATES[request.asset.type] ?? DEFAULT_ESTIMATE;
  return random.int(lo, hi) * 100;
}

const HOUR = 3_600_000;

/** Ten o'clock, China time, on a China date. */
function tenAm(date: string): number {
  return startOfChinaDate(date).getTime() + 10 * HOUR;
}

/** The report's price and instant, from the request alone (and the knobs in force when it came). */
export function planReport(input: {
  seed: number;
  code: string;
  request: TValuationInquiryRequest;
  knobs: TValuationKnobs;
  acceptedAt: number;
}): { priceFen: number; reportAt: number; lateness: Exclude<Lateness, 'auto'> } {
  const { request, knobs } = input;
  const random = createRandom(deriveSeed(input.seed, 'valuation', input.code, request.requestId));
  const value = assetValueOf(random, request);
  const spread = (random.next() * 2 - 1) * (knobs.spreadPct / 100);
  const priceFen = Math.max(1, Math.round(value * (1 + spread)));
  const roll = random.next();
  const lateness: Exclude<Lateness, 'auto'> =
    knobs.lateness !== 'auto'
      ? knobs.lateness
      : roll < knobs.onTimeRate
        ? 'onTime'
        : roll < knobs.onTimeRate + knobs.lateRate
          ? 'late'
          : 'veryLate';
  const isSlow = knobs.lateness === 'auto' && random.next() < 0.25;
  switch (lateness) {
    case 'onTime': {
      // Most reports come within seconds; with `auto` a quarter take hours, still inside the 3 days.
      if (!isSlow) return { priceFen, lateness, reportAt: input.acceptedAt + random.int(200, 2_000) };
      const lastHour = startOfChinaDate(addCalendarDays(request.dueOn, 1)).getTime() - HOUR;
      const at = input.acceptedAt + random.int(1, 36) * HOUR;
      return { priceFen, lateness, reportAt: Math.max(input.acceptedAt, Math.min(at, lastHour)) };
    }
    case 'late':
      // In the extension: the 1st to 3rd day after the due day, at 10:00.
      return { priceFen, lateness, reportAt: tenAm(addCalendarDays(request.dueOn, random.int(1, 3))) };
    case 'veryLate':
      // After the extension too: the 5th day after the due day.
      return { priceFen, lateness, reportAt: tenAm(addCalendarDays(request.dueOn, 5)) };
  }
}

export function createValuationDesk(deps: ValuationDeskDeps): ValuationDesk {
  const policy: ValuationCallbackPolicy = { ...DEFAULT_VALUATION_CALLBACKS, ...deps.callbacks };
  const base: TValuationKnobs = { ...DEFAULT_VALUATION_KNOBS, ...deps.knobs };
  const knobsOf = new Map<string, TValuationKnobs>(VALUATION_PLATFORMS.map((p) => [p.code, { ...base }]));
  const books = new Map<string, Map<string, Entry>>(VALUATION_PLATFORMS.map((p) => [p.code, new Map()]));
  const errors = createRandom(deriveSeed(deps.seed, 'valuation-errors'));
  const inFlight = new Set<AbortController>();
  let isClosed = false;

  const bookOf = (code: string): Map<string, Entry> => {
    const book = books.get(code);
    if (!book) throw new Error(`no valuation platform ${code}`);
    return book;
  };

  const deliver = async (code: string, entry: Entry): Promise<void> => {
    entry.isSending = true;
    const controller = new AbortController();
    inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    let isOk = false;
    try {
      const url = new URL(entry.request.callbackUrl);
      const body = JSON.stringify(entry.report);
      const headers = {
        ...signRequest({
          institution: code,
          key: deps.keyOf(code),
          method: 'POST',
          path: `${url.pathname}${url.search}`,
          body,
        }),
        'content-type': 'application/json',
      };
      const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
      await res.arrayBuffer();
      isOk = res.status >= 200 && res.status < 300;
    } catch {
      isOk = false;
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      entry.isSending = false;
    }
    if (isOk) {
      entry.isDelivered = true;
      return;
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(entry.attempt, 30));
    entry.attempt += 1;
    entry.nextAttemptAt = Date.now() + backoff;
  };

  const tick = (): void => {
    if (isClosed) return;
    const now = deps.clock.now();
    const machineNow = Date.now();
    for (const [code, book] of books) {
      for (const entry of book.values()) {
        if (entry.isDelivered || entry.isSending || entry.reportAt > now || entry.nextAttemptAt > machineNow)
          continue;
        deliver(code, entry).catch((err) => deps.onError?.(err));
      }
    }
  };
  const timer = setInterval(tick, deps.tickMs ?? 50);
  timer.unref();

  return {
    submit(code, request, bodyHash) {
      const book = bookOf(code);
      const known = book.get(request.requestId);
      if (known) return known.bodyHash === bodyHash ? 'accepted' : 'conflict';
      const knobs = knobsOf.get(code) ?? base;
      if (knobs.errorRate > 0 && errors.next() < knobs.errorRate) return 'unavailable';
      const acceptedAt = deps.clock.now();
      const plan = planReport({ seed: deps.seed, code, request, knobs, acceptedAt });
      const reportedAt = new Date(plan.reportAt).toISOString();
      book.set(request.requestId, {
        request,
        bodyHash,
        reportAt: plan.reportAt,
        report: {
          requestId: request.requestId,
          platform: code,
          priceFen: plan.priceFen,
          reportNumber: `${code.toUpperCase()}-${chinaDateOf(plan.reportAt).replaceAll('-', '')}-${request.requestId.slice(-8)}`,
          reportedAt,
        },
        isDelivered: false,
        isSending: false,
        attempt: 0,
        nextAttemptAt: 0,
      });
      return 'accepted';
    },

    find(code, requestId) {
      const entry = bookOf(code).get(requestId);
      if (!entry) return undefined;
      if (entry.reportAt > deps.clock.now()) return { requestId, platform: code, status: 'accepted' };
      return { requestId, platform: code, status: 'reported', report: entry.report };
    },

    knobs: (code) => knobsOf.get(code) ?? base,

    patchKnobs(code, patch) {
      for (const p of VALUATION_PLATFORMS) {
        if (code !== '*' && p.code !== code) continue;
        knobsOf.set(p.code, { ...(knobsOf.get(p.code) ?? base), ...patch });
      }
    },

    overview() {
      const now = deps.clock.now();
      return {
        platforms: VALUATION_PLATFORMS.map((p) => {
          const entries = [...bookOf(p.code).values()];
          return {
            code: p.code,
            name: p.name,
            knobs: knobsOf.get(p.code) ?? base,
            accepted: entries.length,
            reported: entries.filter((e) => e.reportAt <= now).length,
            callbacksPending: entries.filter((e) => e.reportAt <= now && !e.isDelivered).length,
          };
        }),
      };
    },

    async close() {
      isClosed = true;
      clearInterval(timer);
      for (const c of inFlight) c.abort();
    },
  };
}
