import { type SQL, sql } from 'drizzle-orm';
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
  at: string;
  numerator: number;
  denominator: number;
};

function monthOf(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function deltasOf(
  before: readonly Counted[],
  after: readonly Counted[],
  at: (day: string) => string,
): Delta[] {
  const deltas = new Map<string, Delta>();
  const add = (c: Counted, sign: 1 | -1) => {
    const key = `${c.courtId}|${c.indicator}|${at(c.on)}`;
    const d = deltas.get(key) ?? {
      courtId: c.courtId,
      courtPath: c.courtPath,
      indicator: c.indicator,
      at: at(c.on),
      numerator: 0,
      denominator: 0,
    };
    d.denominator += sign;
    if (c.isOk) d.numerator += sign;
    deltas.set(key, d);
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  return [...deltas.values()].filter((d) => d.numerator !== 0 || d.denominator !== 0);
}

// Arrays go as text and are cast in SQL (the driver sends typed arrays of numbers wrongly).
const col = (rows: Delta[], f: (d: Delta) => string | number) => sql.param(rows.map((d) => String(f(d))));

/**
 * A count that goes down belongs to a row that exists (it was counted there); one that goes up may
 * start a row. Kept apart, no row ever holds a negative count, even for a moment.
 */
function moves(table: SQL, column: SQL, deltas: Delta[], name: string): { up: SQL | null; down: SQL | null } {
  const upward = deltas.filter((d) => d.numerator >= 0 && d.denominator >= 0);
  const downward = deltas.filter((d) => d.numerator < 0 || d.denominator < 0);
  const up =
    upward.length === 0
      ? null
      : sql`${sql.raw(`${name}_up`)} as (insert into ${table} as m (court_id, court_path, indicator, ${column}, numerator, denominator)
          select c::uuid, p, i, a::date, n::int, d::int from unnest(${col(upward, (d) => d.courtId)}::text[],
            ${col(upward, (d) => d.courtPath)}::text[], ${col(upward, (d) => d.indicator)}::text[],
            ${col(upward, (d) => d.at)}::text[], ${col(upward, (d) => d.numerator)}::text[],
            ${col(upward, (d) => d.denominator)}::text[]) as u(c, p, i, a, n, d)
          on conflict (court_id, indicator, ${column}) do update
            set numerator = m.numerator + excluded.numerator, denominator = m.denominator + excluded.denominator
          returning 1)`;
  const down =
    downward.length === 0
      ? null
      : sql`${sql.raw(`${name}_down`)} as (update ${table} m set numerator = m.numerator + x.n, denominator = m.denominator + x.d
          from (select c::uuid as c, i, a::date as a, n::int as n, d::int as d
            from unnest(${col(downward, (d) => d.courtId)}::text[], ${col(downward, (d) => d.indicator)}::text[],
              ${col(downward, (d) => d.at)}::text[], ${col(downward, (d) => d.numerator)}::text[],
              ${col(downward, (d) => d.denominator)}::text[]) as u(c, i, a, n, d)) as x
          where m.court_id = x.c and m.indicator = x.i and m.${column} = x.a
          returning 1)`;
  return { up, down };
}

/**
 * Moves the monthly counts from what was counted before a change to what is counted after it, in
 * one statement of the change's transaction: the incremental half of the read model (the
 * recompute is the other).
 */
export async function applyCountChanges(
  tx: DbOrTx,
  before: readonly Counted[],
  after: readonly Counted[],
): Promise<void> {
  const months = deltasOf(before, after, monthOf);
  if (months.length === 0) return;
  const m = moves(sql`command.indicator_months`, sql.raw('month'), months, 'months');
  const parts = [m.up, m.down].filter((p): p is SQL => p !== null);
  const lowered = m.down === null ? sql`0` : sql`(select count(*)::int from months_down)`;
  const [row] = await tx.execute<{ months: number }>(
    sql`with ${sql.join(parts, sql`, `)} select ${lowered} as months`,
  );
  if (row?.months !== months.filter((x) => x.numerator < 0 || x.denominator < 0).length)
    throw new Error('indicator counts: a count to lower is missing (the read model needs a recompute)');
}
