import { type SQL, sql } from 'drizzle-orm';
import { addCalendarDays, addMonths, compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { type Actor, listChildCourts } from '../../identity/index.ts';
import { courtInScope, indicatorReaders, requireAnyRole, type ScopedCourt } from '../policy.ts';
import {
  type IndicatorCode,
  indicatorCodes,
  indicatorRules,
  type Period,
  ratioOf,
  splitByMonth,
  windowOf,
} from '../rules/indicators.ts';

export type IndicatorValue = {
  code: IndicatorCode;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number;
  isMet: boolean | null;
  label: { zh: string; en: string };
  window: Period | null;
};

export type CourtIndicators = {
  court: { id: string; code: string; name: string; level: string };
  indicators: IndicatorValue[];
};

/** The period asked for, checked: from ≤ to, at most ten years. Defaults: this year up to today. */
export function periodOf(query: { from?: string; to?: string }, today: string): Period {
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (period.from > period.to) throw invalidField('from', '开始日期晚于结束日期', '`from` is after `to`');
  if (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4)) > 10)
    throw invalidField('from', '统计期间不能超过十年', 'The period may not exceed ten years');
  return period;
}

/** The SQL reading what counts in one indicator over a window, per court path below `prefix`. */
function countedIn(code: IndicatorCode, prefix: string, window: Period): SQL {
  const split = splitByMonth(window);
  const parts: SQL[] = [];
  if (split.fromMonth && split.toMonth) {
    parts.push(sql`select court_path, numerator::bigint as n, denominator::bigint as d from command.indicator_months
      where court_path like ${`${prefix}%`} and indicator = ${code} and month between ${split.fromMonth}::date and ${split.toMonth}::date`);
  }
  for (const edge of split.edges) parts.push(edgeCounts(code, prefix, edge));
  return sql.join(parts, sql` union all `);
}

/** Days of a partial month, from the per-case facts (or the petitions) themselves. */
function edgeCounts(code: IndicatorCode, prefix: string, edge: Period): SQL {
  const like = `${prefix}%`;
  switch (code) {
    case 'assetCasesConcluded':
      return sql`select court_path, count(*) filter (where asset_ok), count(*) from command.case_facts
        where court_path like ${like} and asset_on between ${edge.from}::date and ${edge.to}::date group by court_path`;
    case 'terminationQualified':
      return sql`select court_path, count(*) filter (where termination_ok), count(*) from command.case_facts
        where court_path like ${like} and termination_on between ${edge.from}::date and ${edge.to}::date group by court_path`;
    case 'overallConcluded':
      return sql`select court_path, count(*) filter (where overall_ok), count(*) from command.case_facts
        where court_path like ${like} and overall_on between ${edge.from}::date and ${edge.to}::date group by court_path`;
    case 'petitionsConcluded':
      return sql`select court_path, count(*) filter (where state = 'concluded'), count(*) from command.petitions
        where court_path like ${like} and registered_on between ${edge.from}::date and ${edge.to}::date group by court_path`;
  }
}

function indicatorValue(code: IndicatorCode, n: number, d: number, window: Period | null): IndicatorValue {
  const rule = indicatorRules[code];
  const value = ratioOf(n, d);
  return {
    code,
    numerator: n,
    denominator: d,
    value,
    target: rule.target,
    isMet: value === null ? null : value >= rule.target,
    label: rule.label,
    window,
  };
}

/**
 * The four indicators of a court over a period, and of each court directly below it: a parent's
 * numerator and denominator are the sums over its children plus its own cases. Read from the
 * monthly counts (whole months) and the per-case facts (partial months), never by rescanning cases.
 */
export async function computeIndicators(db: DbOrTx, court: ScopedCourt, period: Period, today: string) {
  const children = await listChildCourts(db, court.id);
  const windows = new Map(indicatorCodes.map((code) => [code, windowOf(code, period, today)]));
  const perIndicator = indicatorCodes.flatMap((code) => {
    const window = windows.get(code);
    return window
      ? [
          sql`select ${code}::text as indicator, x.court_path, x.n, x.d from (${countedIn(code, court.path, window)}) as x(court_path, n, d)`,
        ]
      : [];
  });
  // Court paths are chains of ids of one length: a row's first characters name the child it is under.
  const childKeyLength = children[0]?.path.length ?? court.path.length;
  const rows =
    perIndicator.length === 0
      ? []
      : await db.execute<{
          k: string;
          indicator: IndicatorCode;
          n: string;
          d: string;
        }>(sql`select left(court_path, ${childKeyLength}::int) as k,
            indicator, sum(n)::text as n, sum(d)::text as d
          from (${sql.join(perIndicator, sql` union all `)}) as counted group by 1, 2`);
  const sums = (keys: (k: string) => boolean) =>
    indicatorCodes.map((code) => {
      let n = 0;
      let d = 0;
      for (const r of rows) {
        if (r.indicator !== code || !keys(r.k)) continue;
        n += Number(r.n);
        d += Number(r.d);
      }
      return indicatorValue(code, n, d, windows.get(code) ?? null);
    });
  const courtOf = (c: { id: string; courtCode: string; name: string; level: string }) => ({
    id: c.id,
    code: c.courtCode,
    name: c.name,
    level: c.level,
  });
  return {
    court: courtOf(court),
    period,
    indicators: sums(() => true),
    children: children.map((child) => ({ court: courtOf(child), indicators: sums((k) => k === child.path) })),
  };
}

export async function readIndicators(
  db: Db,
  actor: Actor,
  query: { court?: string; from?: string; to?: string },
) {
  requireAnyRole(actor, indicatorReaders);
  const today = clock.today();
  const court = await courtInScope(db, actor, query.court);
  return computeIndicators(db, court, periodOf(query, today), today);
}

/** The four indicators of a court (its whole subtree) month by month over the period: the trend. */
export async function readTrend(db: Db, actor: Actor, query: { court?: string; from?: string; to?: string }) {
  requireAnyRole(actor, indicatorReaders);
  const today = clock.today();
  const court = await courtInScope(db, actor, query.court);
  const period = periodOf(query, today);
  const months: { month: string; indicators: IndicatorValue[] }[] = [];
  for (let month = `${period.from.slice(0, 7)}-01`; month <= period.to && months.length < 120; ) {
    const next = addMonths(month, 1);
    const monthEnd = addCalendarDays(next, -1);
    const monthPeriod = {
      from: compareIsoDates(month, period.from) < 0 ? period.from : month,
      to: compareIsoDates(monthEnd, period.to) < 0 ? monthEnd : period.to,
    };
    const parts = indicatorCodes.flatMap((code) => {
      const window = windowOf(code, monthPeriod, today);
      return window ? [{ code, window }] : [];
    });
    const rows =
      parts.length === 0
        ? []
        : await db.execute<{
            indicator: IndicatorCode;
            n: string;
            d: string;
          }>(sql`select indicator, sum(n)::text as n, sum(d)::text as d
            from (${sql.join(
              parts.map(
                (p) =>
                  sql`select ${p.code}::text as indicator, x.n, x.d from (${countedIn(p.code, court.path, p.window)}) as x(court_path, n, d)`,
              ),
              sql` union all `,
            )}) as counted group by 1`);
    months.push({
      month: month.slice(0, 7),
      indicators: indicatorCodes.map((code) => {
        const r = rows.find((x) => x.indicator === code);
        const part = parts.find((p) => p.code === code);
        return indicatorValue(code, Number(r?.n ?? 0), Number(r?.d ?? 0), part?.window ?? null);
      }),
    });
    month = next;
  }
  return {
    court: { id: court.id, code: court.courtCode, name: court.name, level: court.level },
    months,
  };
}
