import { type SQL, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { bi } from '../../../platform/errors.ts';
import { terminationChecklistItemLabel } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { courtInScope, indicatorReaders, requireAnyRole } from '../policy.ts';
import { failingReason, type IndicatorCode, windowOf } from '../rules/indicators.ts';
import { periodOf } from './read-indicators.ts';

/** How far the failing cases are counted: beyond it the total reads "10,000+". */
export const failingTotalCap = 10_000;

type FailingRow = {
  case_id: string;
  case_number: string;
  court_id: string;
  closed_on: string | null;
  handling_due_on: string | null;
  termination_unmet: string | null;
  finding: string | null;
  petitioner: string | null;
  petition_id: string | null;
  counted_on: string;
};

function failingQuery(code: IndicatorCode, like: string, from: string, to: string): SQL {
  const facts = (
    onColumn: SQL,
    okColumn: SQL,
  ) => sql`select f.case_id, f.case_number, f.court_id, f.closed_on::text,
      f.handling_due_on::text, f.termination_unmet,
      (select finding from command.termination_reviews t where t.case_id = f.case_id order by t.created_at, t.id limit 1) as finding,
      null::text as petitioner, null::uuid as petition_id, ${onColumn}::text as counted_on
    from command.case_facts f
    where f.court_path like ${like} and ${onColumn} between ${from}::date and ${to}::date and not ${okColumn}`;
  switch (code) {
    case 'assetCasesConcluded':
      return facts(sql`f.asset_on`, sql`f.asset_ok`);
    case 'terminationQualified':
      return facts(sql`f.termination_on`, sql`f.termination_ok`);
    case 'overallConcluded':
      return facts(sql`f.overall_on`, sql`f.overall_ok`);
    case 'petitionsConcluded':
      return sql`select p.case_id, p.case_number, p.court_id, null::text, null::text, null::text, null::text,
          p.petitioner, p.id, p.registered_on::text
        from command.petitions p
        where p.court_path like ${like} and p.registered_on between ${from}::date and ${to}::date and p.state = 'open'`;
  }
}

/**
 * The cases (or petitions) that fail an indicator in a court and the courts below it over a
 * period, each with the reason it fails: the drill-down from a province to a court to a case.
 */
export async function readFailing(
  db: Db,
  actor: Actor,
  code: IndicatorCode,
  query: { court?: string; from?: string; to?: string; limit?: number; offset?: number },
) {
  requireAnyRole(actor, indicatorReaders);
  const today = clock.today();
  const court = await courtInScope(db, actor, query.court);
  const window = windowOf(code, periodOf(query, today), today);
  if (!window) return { items: [], total: 0, isTotalCapped: false };
  const failing = failingQuery(code, `${court.path}%`, window.from, window.to);
  const columns = sql`failing(case_id, case_number, court_id, closed_on, handling_due_on, termination_unmet, finding, petitioner,
    petition_id, counted_on)`;
  // The page comes from a top-N sort; the total is counted up to a cap, as the case list does, so a
  // province's tens of thousands of failing cases are not all sorted and counted for a page of 50.
  const [rows, counted] = await Promise.all([
    db.execute<FailingRow>(sql`select * from (${failing}) as ${columns}
      order by counted_on, case_number, petition_id limit ${query.limit ?? 50} offset ${query.offset ?? 0}`),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from (${failing}) as ${columns} limit ${failingTotalCap + 1}) as capped`,
    ),
  ]);
  const counting = counted[0]?.n ?? 0;
  const total = Math.min(counting, failingTotalCap);
  return {
    items: rows.map((r) => {
      const reason = failingReason(
        code,
        {
          closedOn: r.closed_on,
          handlingDueOn: r.handling_due_on,
          terminationUnmet: r.termination_unmet,
          finding: r.finding,
          petitioner: r.petitioner,
        },
        terminationChecklistItemLabel,
      );
      return {
        caseId: r.case_id,
        caseNumber: r.case_number,
        courtId: r.court_id,
        reason: bi(reason.zh, reason.en),
        reasonLabel: reason,
        countedOn: r.counted_on,
        ...(r.petition_id ? { petitionId: r.petition_id } : {}),
      };
    }),
    total,
    isTotalCapped: counting > failingTotalCap,
  };
}
