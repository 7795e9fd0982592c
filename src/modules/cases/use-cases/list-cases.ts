import { and, arrayContains, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch, queryTokens, workingDaysBetween } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { type Actor, courtNamesByIds, listUsersByIds } from '../../identity/index.ts';
import { inScope } from '../case-store.ts';
import type { TCaseListQuery } from '../contracts.ts';
import { deadlineKindLabel } from '../rules/deadlines.ts';
import { cases, parties } from '../tables.ts';

/**
 * The workbench list. Every condition starts from the actor's data scope; "mine" narrows to the
 * cases where the actor is on the team. `q` matches the case number or a party name; `idNumber` a
 * party's ID number or credit code exactly.
 */
export async function listCases(db: Db, actor: Actor, query: TCaseListQuery) {
  const conditions: (SQL | undefined)[] = [inScope(actor)];
  const isMine = query.mine === 'true' || query.mine === '1';
  if (isMine) {
    conditions.push(
      or(
        eq(cases.judgeId, actor.userId),
        eq(cases.assistantId, actor.userId),
        eq(cases.bailiffId, actor.userId),
        eq(cases.clerkId, actor.userId),
      ),
    );
  }
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.caseType) conditions.push(eq(cases.caseType, query.caseType));
  const q = query.q ? normalizeForSearch(query.q) : '';
  if (q) {
    const tokens = queryTokens(q);
    if (tokens.length > 0) conditions.push(arrayContains(cases.searchTokens, tokens));
    conditions.push(sql`position(${q} in ${cases.searchText}) > 0`);
  }
  if (query.idNumber) {
    // Both columns are indexed (parties_id_number, parties_credit_code); the semi-join keeps one row per case.
    conditions.push(
      sql`${cases.id} in (select ${parties.caseId} from ${parties} where ${parties.idNumber} = ${query.idNumber} union all select ${parties.caseId} from ${parties} where ${parties.creditCode} = ${query.idNumber})`,
    );
  }
  const where = and(...conditions);
  const order =
    query.sort === 'filedOn'
      ? [asc(cases.filedOn), asc(cases.id)]
      : query.sort === '-filedOn'
        ? [desc(cases.filedOn), desc(cases.id)]
        : [sql`${cases.nextDeadlineOn} asc nulls last`, asc(cases.id)];
  const offset = (query.page - 1) * query.pageSize;
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        caseType: cases.caseType,
        status: cases.status,
        filedOn: cases.filedOn,
        claimAmountFen: cases.claimAmountFen,
        judgeId: cases.judgeId,
        courtId: cases.courtId,
        nextDeadlineKind: cases.nextDeadlineKind,
        nextDeadlineOn: cases.nextDeadlineOn,
        closingType: cases.closingType,
        triage: cases.triage,
        flags: cases.flags,
      })
      .from(cases)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset(offset),
    countCapped(db, where),
  ]);
  const ids = rows.map((r) => r.id);
  const partyRows = ids.length
    ? await db
        .select({
          caseId: parties.caseId,
          role: parties.role,
          name: parties.name,
          position: parties.position,
        })
        .from(parties)
        .where(inArray(parties.caseId, ids))
        .orderBy(asc(parties.position))
    : [];
  const judgeIds = [...new Set(rows.map((r) => r.judgeId).filter((v): v is string => v !== null))];
  const courtIds = [...new Set(rows.map((r) => r.courtId))];
  const [judgeList, courtNames] = await Promise.all([
    listUsersByIds(db, judgeIds),
    courtNamesByIds(db, courtIds),
  ]);
  const judges = new Map(judgeList.map((u) => [u.id, u.displayName]));
  const today = clock.today();
  return {
    items: rows.map((r) => {
      const names = (role: string) =>
        partyRows.filter((p) => p.caseId === r.id && p.role === role).map((p) => p.name);
      const judgeName = r.judgeId ? judges.get(r.judgeId) : undefined;
      return {
        id: r.id,
        caseNumber: r.caseNumber,
        caseType: r.caseType,
        status: r.status as 'filed' | 'inProgress' | 'suspended' | 'closed',
        filedOn: r.filedOn,
        claimAmountFen: r.claimAmountFen,
        applicantNames: names('applicant'),
        respondentNames: names('respondent'),
        judge: r.judgeId && judgeName ? { id: r.judgeId, displayName: judgeName } : null,
        courtName: courtNames.get(r.courtId) ?? '',
        nextDeadline:
          r.nextDeadlineOn && r.nextDeadlineKind
            ? {
                kind: r.nextDeadlineKind,
                label: deadlineKindLabel(r.nextDeadlineKind),
                dueOn: r.nextDeadlineOn,
                daysLeft: workingDaysBetween(today, r.nextDeadlineOn),
              }
            : null,
        closingType: r.closingType,
        triage: r.triage as 'simple' | 'complex' | null,
        flags: r.flags,
      };
    }),
    total: totals.total,
    isTotalCapped: totals.isCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The total for the pager, counted up to a cap: an exact count of a province's million cases
 * costs a full scan on every page view, and counting even ten thousand rows doubled the time of
 * a basic court's page at a million cases (docs/performance.md). Nobody pages past twenty pages
 * of fifty — they filter; the pager says "1,000 件以上". Below the cap the total is exact.
 */
export const listTotalCap = 1_000;

async function countCapped(db: Db, where: SQL | undefined): Promise<{ total: number; isCapped: boolean }> {
  const capped = db
    .select({ one: sql`1` })
    .from(cases)
    .where(where)
    .limit(listTotalCap + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return n > listTotalCap ? { total: listTotalCap, isCapped: true } : { total: n, isCapped: false };
}
