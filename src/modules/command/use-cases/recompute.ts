import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';

export type MonthCount = {
  courtId: string;
  indicator: string;
  month: string;
  numerator: number;
  denominator: number;
};

export type RecomputeReport = {
  /** Rows of the monthly counts (court × indicator × month) after the recompute. */
  rows: number;
  /** Where the incremental state differed from the recompute (it is replaced by the recompute). */
  differences: {
    courtId: string;
    indicator: string;
    month: string;
    incremental: [number, number];
    recomputed: [number, number];
  }[];
};

/**
 * The monthly counts computed afresh from the source of truth — every case the cases module
 * publishes, the 终本 reviews, the petitions — in one pass, by the same SQL rule functions the
 * per-event refresh uses. Nothing is written.
 */
function recomputedCounts() {
  return sql`select f.court_id, f.court_path, c.indicator, date_trunc('month', c.on_day)::date as month,
      count(*) filter (where c.is_ok)::int as numerator, count(*)::int as denominator
    from cases.indicator_facts f
    left join (select distinct case_id from command.termination_reviews) r on r.case_id = f.case_id
    cross join lateral (values
      ('assetCasesConcluded', command.asset_on(f.case_type, f.closing_type, f.closed_on, f.handling_due_on),
        command.asset_ok(f.closed_on, f.handling_due_on)),
      ('terminationQualified', command.termination_on(f.closing_type, f.closed_on), r.case_id is null),
      ('overallConcluded', command.overall_on(f.case_type, f.filed_on), f.closing_type is not null)
    ) as c(indicator, on_day, is_ok)
    where c.on_day is not null
    group by 1, 2, 3, 4
    union all
    select court_id, court_path, 'petitionsConcluded', date_trunc('month', registered_on)::date,
      count(*) filter (where state = 'concluded')::int, count(*)::int
    from command.petitions group by 1, 2, 3, 4`;
}

/** Compares the incremental counts with a recompute, without changing anything. */
export async function compareWithRecompute(db: DbOrTx): Promise<RecomputeReport> {
  return compareWith(db, recomputedCounts());
}

async function compareWith(db: DbOrTx, recomputed: SQL): Promise<RecomputeReport> {
  const rows = await db.execute<{
    court_id: string;
    indicator: string;
    month: string;
    inc_n: number | null;
    inc_d: number | null;
    re_n: number | null;
    re_d: number | null;
  }>(sql`with re as (${recomputed}),
      inc as (select * from command.indicator_months where denominator > 0)
    select coalesce(inc.court_id, re.court_id) as court_id, coalesce(inc.indicator, re.indicator) as indicator,
      coalesce(inc.month, re.month)::text as month, inc.numerator as inc_n, inc.denominator as inc_d,
      re.numerator as re_n, re.denominator as re_d
    from inc full join re on inc.court_id = re.court_id and inc.indicator = re.indicator and inc.month = re.month
    order by 1, 2, 3`);
  const differences = rows
    .filter((r) => (r.inc_n ?? 0) !== (r.re_n ?? 0) || (r.inc_d ?? 0) !== (r.re_d ?? 0))
    .map((r) => ({
      courtId: r.court_id,
      indicator: r.indicator,
      month: r.month,
      incremental: [r.inc_n ?? 0, r.inc_d ?? 0] as [number, number],
      recomputed: [r.re_n ?? 0, r.re_d ?? 0] as [number, number],
    }));
  return { rows: rows.filter((r) => (r.re_d ?? 0) > 0).length, differences };
}

/**
 * `zhixing command recompute`: the counts computed afresh replace the incremental ones, in one
 * transaction (readers see the old or the new, never a mix), and the differences are reported —
 * none, when the incremental read model has kept up.
 */
export async function recomputeIndicators(db: Db): Promise<RecomputeReport> {
  return db.transaction(async (tx) => {
    // One recompute at a time; refreshes wait for it (they lock the rows they move).
    await tx.execute(sql`lock table command.indicator_months in exclusive mode`);
    // The source is read once, into a table of this transaction's own.
    await tx.execute(sql`create temporary table recomputed on commit drop as ${recomputedCounts()}`);
    const report = await compareWith(tx, sql`select * from recomputed`);
    await tx.execute(sql`delete from command.indicator_months`);
    await tx.execute(sql`insert into command.indicator_months (court_id, court_path, indicator, month, numerator, denominator)
      select court_id, court_path, indicator, month, numerator, denominator from recomputed`);
    return report;
  });
}
