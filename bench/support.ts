import { performance } from 'node:perf_hooks';

/** Shared helpers for benchmarks: percentiles, timing, and the one table format every bench prints. */

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i] ?? Number.NaN;
}

export function summarise(latenciesMs: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs `task` `total` times with at most `concurrency` in flight; returns each call's latency. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
) {
  const latencies: number[] = new Array(total);
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      await task(i);
      latencies[i] = performance.now() - s;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { elapsedMs: performance.now() - t0, latencies };
}

export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  goal?: string;
};

const fmt = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : String(v);

/** Prints figures as a table: figure, value, baseline (measured in the same run), ratio, goal. */
export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.name})` : '—',
    f.baseline && f.baseline.value !== 0 ? `${(f.value / f.baseline.value).toFixed(2)}×` : '—',
    f.goal ?? '',
  ]);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function residentMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
