import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { addCalendarDays, addMonths } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { type Actor, listChildCourts } from '../../identity/index.ts';
import { courtInScope, indicatorReaders, requireAnyRole } from '../policy.ts';
import { indicatorCodes, indicatorRules } from '../rules/indicators.ts';
import { computeIndicators } from './read-indicators.ts';

type Counts = {
  filed: number;
  closed: number;
  fulfilled: number;
  terminatedThisRound: number;
  terminated: number;
  otherClosed: number;
  pendingAtEnd: number;
};

const zero: Counts = {
  filed: 0,
  closed: 0,
  fulfilled: 0,
  terminatedThisRound: 0,
  terminated: 0,
  otherClosed: 0,
  pendingAtEnd: 0,
};

/**
 * A court's enforcement statistics for one month (执行案件统计月报), for it and each court directly
 * below it: cases received and concluded by closing type, pending at the month's end, and the "3+1"
 * indicators of the month. Enforcement cases only: trial statistics are kept elsewhere (seed 003
 * item 37), never mixed in.
 */
export async function monthlyStatistics(db: Db, actor: Actor, query: { court?: string; month?: string }) {
  requireAnyRole(actor, indicatorReaders);
  const today = clock.today();
  const month = query.month ?? today.slice(0, 7);
  const first = `${month}-01`;
  if (first > today)
    throw invalidField('month', '统计月份不能晚于本月', 'The month cannot be after this month');
  const last = addCalendarDays(addMonths(first, 1), -1);
  const court = await courtInScope(db, actor, query.court);
  const children = await listChildCourts(db, court.id);
  const keyLength = children[0]?.path.length ?? court.path.length;
  const rows = await db.execute<
    { k: string } & Record<keyof Counts, string>
  >(sql`select left(court_path, ${keyLength}::int) as k,
      count(*) filter (where filed_on between ${first}::date and ${last}::date)::text as filed,
      count(*) filter (where closed_on between ${first}::date and ${last}::date)::text as closed,
      count(*) filter (where closed_on between ${first}::date and ${last}::date and closing_type = 'fulfilled')::text as fulfilled,
      count(*) filter (where closed_on between ${first}::date and ${last}::date and closing_type = 'terminatedThisRound')::text as "terminatedThisRound",
      count(*) filter (where closed_on between ${first}::date and ${last}::date and closing_type = 'terminated')::text as terminated,
      count(*) filter (where closed_on between ${first}::date and ${last}::date
        and closing_type not in ('fulfilled', 'terminatedThisRound', 'terminated'))::text as "otherClosed",
      count(*) filter (where filed_on <= ${last}::date and (closed_on is null or closed_on > ${last}::date))::text as "pendingAtEnd"
    from command.case_facts where court_path like ${`${court.path}%`} and filed_on <= ${last}::date
    group by 1`);
  const sum = (match: (k: string) => boolean): Counts => {
    const out = { ...zero };
    for (const r of rows) {
      if (!match(r.k)) continue;
      for (const key of Object.keys(zero) as (keyof Counts)[]) out[key] += Number(r[key]);
    }
    return out;
  };
  const period = { from: first, to: last };
  const indicators = await computeIndicators(db, court, period, today);
  const byCourt = new Map(indicators.children.map((c) => [c.court.id, c.indicators]));
  return {
    court: { id: court.id, code: court.courtCode, name: court.name },
    month,
    total: { counts: sum(() => true), indicators: indicators.indicators },
    rows: [
      ...(rows.some((r) => r.k === court.path)
        ? [
            {
              court: { id: court.id, code: court.courtCode, name: `${court.name}（本院）` },
              counts: sum((k) => k === court.path),
              indicators: null,
            },
          ]
        : []),
      ...children.map((child) => ({
        court: { id: child.id, code: child.courtCode, name: child.name },
        counts: sum((k) => k === child.path),
        indicators: byCourt.get(child.id) ?? null,
      })),
    ],
  };
}

export type MonthlyStatistics = Awaited<ReturnType<typeof monthlyStatistics>>;

/** The month as an Excel workbook: one row per court, numbers as numbers, rates as percentages, headers frozen. */
export async function monthlyStatisticsWorkbook(
  s: MonthlyStatistics,
): Promise<{ fileName: string; buffer: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('执行案件统计月报');
  sheet.addRow([`${s.court.name} 执行案件统计月报（${s.month}）· 仅含执行案件，不含审判案件`]);
  const header = [
    '法院',
    '收案',
    '结案',
    '执行完毕',
    '终结本次执行程序',
    '终结执行',
    '其他方式结案',
    '月末未结',
    ...indicatorCodes.map((c) => indicatorRules[c].label.zh),
  ];
  sheet.addRow(header).font = { bold: true };
  const line = (name: string, counts: Counts, indicators: { value: number | null }[] | null) =>
    sheet.addRow([
      name,
      counts.filed,
      counts.closed,
      counts.fulfilled,
      counts.terminatedThisRound,
      counts.terminated,
      counts.otherClosed,
      counts.pendingAtEnd,
      ...indicatorCodes.map((_, i) => indicators?.[i]?.value ?? null),
    ]);
  for (const r of s.rows) line(r.court.name, r.counts, r.indicators);
  line('合计', s.total.counts, s.total.indicators).font = { bold: true };
  for (let i = 0; i < indicatorCodes.length; i += 1) sheet.getColumn(9 + i).numFmt = '0.0%';
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 1 }];
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= header.length; c += 1) sheet.getColumn(c).width = c >= 9 ? 22 : 12;
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `执行案件统计月报-${s.court.code}-${s.month}.xlsx`, buffer };
}
