import { chinaDateOf } from '../../../src/kernel/index.ts';

/**
 * "Now" and "today" in the web app are the server's: the one clock (which an administrator may
 * move in demo mode) in China time, never the browser's clock or time zone. The app reads
 * `/api/v1/clock` at start and every half minute, and keeps the difference to the browser's clock.
 */
let skewMs = 0;
let timer: number | undefined;

export type ServerClock = { now: string; today: string };

async function readServerClock(): Promise<void> {
  const sentAt = Date.now();
  const response = await fetch('/api/v1/clock', { credentials: 'same-origin' });
  if (!response.ok) return;
  const body = (await response.json()) as ServerClock;
  const receivedAt = Date.now();
  const serverMs = Date.parse(body.now);
  if (!Number.isNaN(serverMs)) skewMs = serverMs - (sentAt + receivedAt) / 2;
}

/** Reads the server's clock now and keeps following it. Resolves even when the server is unreachable. */
export async function followServerClock(): Promise<void> {
  await readServerClock().catch(() => {});
  if (timer === undefined) {
    timer = window.setInterval(() => void readServerClock().catch(() => {}), 30_000);
    window.addEventListener('focus', () => void readServerClock().catch(() => {}));
  }
}

/** Re-reads the server's clock at once (after the clock was moved). */
export function refreshServerClock(): Promise<void> {
  return readServerClock().catch(() => {});
}

export function serverNow(): Date {
  return new Date(Date.now() + skewMs);
}

/** Today's China date on the server's clock, `YYYY-MM-DD`. */
export function serverToday(): string {
  return chinaDateOf(serverNow());
}
