import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { IndicatorCode } from '../rules/indicators.ts';

/** One thing counted in an indicator: on a day, by a court, passing or not. */
export type Counted = {
  readonly indicator: IndicatorCode;
  readonly courtId: string;
  readonly courtPath: string;
  readonly on: string;
  readonly isOk: boolean;
};

type Delta = {
  courtId: string;
  courtPath: string;
  indicator: string;
  month: string;
  numerator: number;
  denominator: number;
};

function monthOf(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/**
 * Moves the monthly counts from what was counted before a change to what is counted after it, in
 * the change's transaction: the incremental half of the read model (the recompute is the other).
 */
export async function applyCountChanges(
  tx: DbOrTx,
  before: readonly Counted[],
  after: readonly Counted[],
): Promise<void> {
  const deltas = new Map<string, Delta>();
  const add = (c: Counted, sign: 1 | -1) => {
    const month = monthOf(c.on);
    const key = `${c.courtId}|${c.indicator}|${month}`;
    const d = deltas.get(key) ?? {
      courtId: c.courtId,
      courtPath: c.courtPath,
      indicator: c.indicator,
      month,
      numerator: 0,
      denominator: 0,
    };
    d.denominator += sign;
    if (c.isOk) d.numerator += sign;
    deltas.set(key, d);
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  const changed = [...deltas.values()].filter((d) => d.numerator !== 0 || d.denominator !== 0);
  if (changed.length === 0) return;
  // A count that goes down belongs to a row that exists (it was counted there); one that goes up
  // may start a row. Kept apart, no row ever holds a negative count, even for a moment.
  const upward = changed.filter((d) => d.numerator >= 0 && d.denominator >= 0);
  const downward = changed.filter((d) => d.numerator < 0 || d.denominator < 0);
  // Arrays go as text and are cast in SQL (the driver sends typed arrays of numbers wrongly).
  const col = (rows: Delta[], f: (d: Delta) => string | number) => sql.param(rows.map((d) => String(f(d))));
  if (upward.length > 0) {
    await tx.execute(sql`insert into command.indicator_months as m (court_id, court_path, indicator, month, numerator, denominator)
      select c::uuid, p, i, m::date, n::int, d::int from unnest(${col(upward, (d) => d.courtId)}::text[],
        ${col(upward, (d) => d.courtPath)}::text[], ${col(upward, (d) => d.indicator)}::text[],
        ${col(upward, (d) => d.month)}::text[], ${col(upward, (d) => d.numerator)}::text[],
        ${col(upward, (d) => d.denominator)}::text[]) as u(c, p, i, m, n, d)
      on conflict (court_id, indicator, month) do update
        set numerator = m.numerator + excluded.numerator, denominator = m.denominator + excluded.denominator`);
  }
  if (downward.length > 0) {
    const updated = await tx.execute<{ n: number }>(sql`with d as (
        select c::uuid as court_id, i as indicator, m::date as month, n::int as numerator, dd::int as denominator
        from unnest(${col(downward, (x) => x.courtId)}::text[], ${col(downward, (x) => x.indicator)}::text[],
          ${col(downward, (x) => x.month)}::text[], ${col(downward, (x) => x.numerator)}::text[],
          ${col(downward, (x) => x.denominator)}::text[]) as u(c, i, m, n, dd))
      update command.indicator_months m set numerator = m.numerator + d.numerator, denominator = m.denominator + d.denominator
      from d where m.court_id = d.court_id and m.indicator = d.indicator and m.month = d.month
      returning 1 as n`);
    if (updated.length !== downward.length)
      throw new Error('indicator counts: a count to lower is missing (the read model needs a recompute)');
  }
}
