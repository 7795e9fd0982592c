import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';

export type CountDifference = {
  courtId: string;
  indicator: string;
  /** The first day of the month of the count that differs. */
  at: string;
  incremental: [number, number];
  recomputed: [number, number];
};

export type RecomputeReport = {
  /** Rows of the monthly counts (court × indicator × month) the recompute found. */
  rows: number;
  /** Where the incremental state differed from the recompute (replaced by the recompute). */
  differences: CountDifference[];
};

/**
 * The monthly counts computed afresh from the source of truth — every case the cases module
 * publishes, the 终本 reviews, the petitions — one grouped scan per indicator, by the same SQL rule
 * functions the per-event refresh uses, into a temporary table of the caller's transaction, with
 * the rows that differ from the incremental counts.
 */
async function recomputeInto(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`create temporary table recomputed_months on commit drop as
    select f.court_id, min(f.court_path) as court_path, 'assetCasesConcluded'::text as indicator,
        date_trunc('month', command.asset_on(f.case_type, f.closing_type, f.closed_on, f.handling_due_on))::date as month,
        count(*) filter (where command.asset_ok(f.closed_on, f.handling_due_on))::int as numerator, count(*)::int as denominator
      from cases.indicator_facts f
      where command.asset_on(f.case_type, f.closing_type, f.closed_on, f.handling_due_on) is not null
      group by f.court_id, 4
    union all
    select f.court_id, min(f.court_path), 'terminationQualified',
        date_trunc('month', command.termination_on(f.closing_type, f.closed_on))::date,
        count(*) filter (where r.case_id is null)::int, count(*)::int
      from cases.indicator_facts f
      left join (select distinct case_id from command.termination_reviews) r on r.case_id = f.case_id
      where command.termination_on(f.closing_type, f.closed_on) is not null
      group by f.court_id, 4
    union all
    select f.court_id, min(f.court_path), 'overallConcluded',
        date_trunc('month', command.overall_on(f.case_type, f.filed_on))::date,
        count(*) filter (where f.closing_type is not null)::int, count(*)::int
      from cases.indicator_facts f
      where command.overall_on(f.case_type, f.filed_on) is not null
      group by f.court_id, 4
    union all
    select court_id, min(court_path), 'petitionsConcluded', date_trunc('month', registered_on)::date,
        count(*) filter (where state = 'concluded')::int, count(*)::int
      from command.petitions group by court_id, 4`);
  // What differs: the rows to write back (none, when the incremental state kept up).
  await tx.execute(sql`create temporary table month_differences on commit drop as
    select coalesce(r.court_id, t.court_id) as court_id, r.court_path, coalesce(r.indicator, t.indicator) as indicator,
      coalesce(r.month, t.month) as at, t.numerator as inc_n, t.denominator as inc_d, r.numerator as re_n, r.denominator as re_d
    from recomputed_months r
    full join (select * from command.indicator_months where denominator <> 0 or numerator <> 0) t
      on t.court_id = r.court_id and t.indicator = r.indicator and t.month = r.month
    where (t.numerator, t.denominator) is distinct from (r.numerator, r.denominator)`);
}

async function reportOf(tx: DbOrTx): Promise<RecomputeReport> {
  const rows = await tx.execute<{
    court_id: string;
    indicator: string;
    at: string;
    inc_n: number | null;
    inc_d: number | null;
    re_n: number | null;
    re_d: number | null;
  }>(sql`select court_id, indicator, at::text, inc_n, inc_d, re_n, re_d from month_differences
    order by 1, 2, 3 limit 10000`);
  const [count] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from recomputed_months`);
  return {
    rows: count?.n ?? 0,
    differences: rows.map((r) => ({
      courtId: r.court_id,
      indicator: r.indicator,
      at: r.at,
      incremental: [r.inc_n ?? 0, r.inc_d ?? 0],
      recomputed: [r.re_n ?? 0, r.re_d ?? 0],
    })),
  };
}

/** Compares the incremental counts with a recompute, without changing them. */
export async function compareWithRecompute(db: Db): Promise<RecomputeReport> {
  return db.transaction(async (tx) => {
    await recomputeInto(tx);
    return reportOf(tx);
  });
}

/**
 * `zhixing command recompute`: the counts are computed afresh and every one that differs is
 * replaced, in one transaction (readers see the old or the new, never a mix); the differences are
 * reported — none, when the incremental read model has kept up, and then nothing is written.
 */
export async function recomputeIndicators(db: Db): Promise<RecomputeReport> {
  return db.transaction(async (tx) => {
    // One recompute at a time, and no refresh moves a count while it runs.
    await tx.execute(sql`lock table command.indicator_months in exclusive mode`);
    await recomputeInto(tx);
    const report = await reportOf(tx);
    if (report.differences.length === 0) return report;
    await tx.execute(sql`delete from command.indicator_months t using month_differences x
      where t.court_id = x.court_id and t.indicator = x.indicator and t.month = x.at`);
    await tx.execute(sql`insert into command.indicator_months (court_id, court_path, indicator, month, numerator, denominator)
      select court_id, court_path, indicator, at, re_n, re_d from month_differences where re_d is not null`);
    return report;
  });
}
