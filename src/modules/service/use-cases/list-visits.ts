import { and, asc, count, eq, gte, like, lte } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { type Actor, dataScopePrefix } from '../../identity/index.ts';
import {
  type TStatisticsQuery,
  type TVisitList,
  type TVisitPurpose,
  type TVisitStatistics,
  visitPurposeValues,
} from '../contracts.ts';
import { assertCounterStaff } from '../policy.ts';
import { daysOf, statisticsRange } from '../rules/statistics-range.ts';
import { meetings, receipts, visits } from '../tables.ts';
import { visitViews } from './visit-store.ts';

/** A day's log holds at most this many visits (a court's counter sees far fewer). */
const dayLogLimit = 1000;

const inScope = (actor: Actor) => like(visits.courtPath, `${dataScopePrefix(actor)}%`);

/** 来访登记簿: the visits of a day at the officer's court (and the courts below it), in order of arrival. */
export async function listVisits(db: Db, actor: Actor, query: { on?: string }): Promise<TVisitList> {
  assertCounterStaff(actor);
  const on = query.on ?? clock.today();
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.visitedOn, on), inScope(actor)))
    .orderBy(asc(visits.arrivedAt), asc(visits.id))
    .limit(dayLogLimit);
  return { on, items: await visitViews(db, rows) };
}

function byPurpose(counts: Map<TVisitPurpose, number>) {
  return visitPurposeValues.map((purpose) => ({ purpose, count: counts.get(purpose) ?? 0 }));
}

/** 来访统计: visits of a period counted by purpose and by day, with the receipts and meetings made. */
export async function visitStatistics(
  db: Db,
  actor: Actor,
  query: TStatisticsQuery,
): Promise<TVisitStatistics> {
  assertCounterStaff(actor);
  const range = statisticsRange(query, clock.today());
  if (!range.ok) throw invalidField(range.code, range.reason.zh, range.reason.en);
  const { from, to } = range.value;
  const within = and(gte(visits.visitedOn, from), lte(visits.visitedOn, to), inScope(actor));
  const [rows, [receiptCount], [meetingCount]] = await Promise.all([
    db
      .select({ on: visits.visitedOn, purpose: visits.purpose, n: count() })
      .from(visits)
      .where(within)
      .groupBy(visits.visitedOn, visits.purpose),
    db.select({ n: count() }).from(receipts).innerJoin(visits, eq(visits.id, receipts.visitId)).where(within),
    db.select({ n: count() }).from(meetings).innerJoin(visits, eq(visits.id, meetings.visitId)).where(within),
  ]);
  const total = new Map<TVisitPurpose, number>();
  const perDay = new Map<string, Map<TVisitPurpose, number>>();
  for (const r of rows) {
    total.set(r.purpose, (total.get(r.purpose) ?? 0) + r.n);
    const day = perDay.get(r.on) ?? new Map<TVisitPurpose, number>();
    day.set(r.purpose, (day.get(r.purpose) ?? 0) + r.n);
    perDay.set(r.on, day);
  }
  const sum = (counts: Map<TVisitPurpose, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    from,
    to,
    total: sum(total),
    receipts: receiptCount?.n ?? 0,
    meetings: meetingCount?.n ?? 0,
    byPurpose: byPurpose(total),
    byDay: daysOf({ from, to }).map((on) => {
      const day = perDay.get(on) ?? new Map<TVisitPurpose, number>();
      return { on, total: sum(day), byPurpose: byPurpose(day) };
    }),
  };
}
