/**
 * Retries, circuit breaking and concurrency for one institution. Pure: the driver feeds the
 * outcome of each exchange in and stores what comes out on the institution row.
 */

/** Exponential backoff: base, 2·base, 4·base … capped; `jitter` in [0, 1) spreads retries out. */
export function retryDelaySeconds(
  attempt: number,
  baseSeconds: number,
  jitter = 0,
  capSeconds = 600,
): number {
  const raw = Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return raw * (0.75 + 0.5 * jitter);
}

/** Consecutive failures (5xx, timeouts, unreachable) that open the circuit, and how long it stays open. */
export const circuitPolicy = { failureThreshold: 5, openSeconds: 30 } as const;

export type CircuitState = { consecutiveFailures: number; circuitOpenUntil: Date | null };

export function circuitAfterFailure(state: CircuitState, now: Date, policy = circuitPolicy): CircuitState {
  const failures = state.consecutiveFailures + 1;
  const isOpening = failures >= policy.failureThreshold;
  return {
    consecutiveFailures: failures,
    circuitOpenUntil: isOpening
      ? new Date(now.getTime() + policy.openSeconds * 1000)
      : state.circuitOpenUntil,
  };
}

export function circuitAfterSuccess(): CircuitState {
  return { consecutiveFailures: 0, circuitOpenUntil: null };
}

export type Allowance = {
  concurrency: number;
  inFlight: number;
  consecutiveFailures: number;
  circuitOpenUntil: Date | null;
  pausedUntil: Date | null;
  now: Date;
};

/**
 * How many requests may be sent now: none while the circuit is open or the institution asked us to
 * wait (429 / 503 retry-after); one probe when the circuit is half-open (the open period has passed
 * but the last exchanges failed); otherwise the free concurrency slots.
 */
export function sendAllowance(a: Allowance, policy = circuitPolicy): number {
  if (a.pausedUntil && a.pausedUntil > a.now) return 0;
  if (a.circuitOpenUntil && a.circuitOpenUntil > a.now) return 0;
  const free = Math.max(0, a.concurrency - a.inFlight);
  if (a.consecutiveFailures >= policy.failureThreshold) return Math.min(1, free);
  return free;
}
