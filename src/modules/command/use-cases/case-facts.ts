import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { IndicatorCode } from '../rules/indicators.ts';
import { applyCountChanges, type Counted } from './month-counts.ts';

type CountedColumns = {
  case_id: string;
  court_id: string;
  court_path: string;
  asset_on: string | null;
  asset_ok: boolean | null;
  termination_on: string | null;
  termination_ok: boolean | null;
  overall_on: string | null;
  overall_ok: boolean | null;
};

function countedOf(row: CountedColumns): Counted[] {
  const base = { courtId: row.court_id, courtPath: row.court_path };
  const out: Counted[] = [];
  if (row.asset_on)
    out.push({
      ...base,
      indicator: IndicatorCode.assetCasesConcluded,
      on: row.asset_on,
      isOk: row.asset_ok === true,
    });
  if (row.termination_on)
    out.push({
      ...base,
      indicator: IndicatorCode.terminationQualified,
      on: row.termination_on,
      isOk: row.termination_ok === true,
    });
  if (row.overall_on)
    out.push({
      ...base,
      indicator: IndicatorCode.overallConcluded,
      on: row.overall_on,
      isOk: row.overall_ok === true,
    });
  return out;
}

/**
 * Brings the command centre's copy of some cases up to date from what the cases module publishes
 * (`cases.indicator_facts`) and the 终本 reviews, and moves the monthly counts with it. Reading the
 * current facts rather than the event's payload makes a redelivered or late event harmless.
 */
export async function refreshCaseFacts(tx: DbOrTx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const unique = [...new Set(caseIds)].sort();
  // Two deliveries about one case (two workers, two events) take turns: each moves the counts from
  // what the other left, never both from the same "before".
  for (const id of unique)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('command.case-facts'), hashtext(${id}))`);
  const ids = sql.param(unique);
  const before =
    await tx.execute<CountedColumns>(sql`select case_id, court_id, court_path, asset_on::text, asset_ok,
      termination_on::text, termination_ok, overall_on::text, overall_ok
    from command.case_facts where case_id = any(${ids}::text[]::uuid[]) order by case_id for update`);
  const after =
    await tx.execute<CountedColumns>(sql`insert into command.case_facts as c (case_id, court_id, court_path,
      case_number, case_type, filed_on, status, closing_type, closed_on, handling_due_on, flags, termination_unmet,
      asset_on, asset_ok, termination_on, termination_ok, overall_on, overall_ok, updated_at)
    select f.case_id, f.court_id, f.court_path, f.case_number, f.case_type, f.filed_on, f.status, f.closing_type,
      f.closed_on, f.handling_due_on, f.flags, r.item,
      command.asset_on(f.case_type, f.closing_type, f.closed_on, f.handling_due_on),
      command.asset_ok(f.closed_on, f.handling_due_on),
      command.termination_on(f.closing_type, f.closed_on), r.item is null,
      command.overall_on(f.case_type, f.filed_on), f.closing_type is not null, now()
    from cases.indicator_facts f
    left join lateral (select item from command.termination_reviews t where t.case_id = f.case_id
      order by t.created_at, t.id limit 1) r on true
    where f.case_id = any(${ids}::text[]::uuid[])
    on conflict (case_id) do update set status = excluded.status, closing_type = excluded.closing_type,
      closed_on = excluded.closed_on, handling_due_on = excluded.handling_due_on, flags = excluded.flags,
      termination_unmet = excluded.termination_unmet, asset_on = excluded.asset_on, asset_ok = excluded.asset_ok,
      termination_on = excluded.termination_on, termination_ok = excluded.termination_ok,
      overall_on = excluded.overall_on, overall_ok = excluded.overall_ok, updated_at = now()
    returning case_id, court_id, court_path, asset_on::text, asset_ok, termination_on::text, termination_ok,
      overall_on::text, overall_ok`);
  await applyCountChanges(tx, before.flatMap(countedOf), after.flatMap(countedOf));
}
