/** The simulated clock: real time moved by an offset (the admin API moves it to test expiry). */
export type SimClock = { now(): number; offsetMs(): number; setOffset(offsetMs: number): void };

export function createSimClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    offsetMs: () => offset,
    setOffset(offsetMs) {
      offset = offsetMs;
    },
  };
}
