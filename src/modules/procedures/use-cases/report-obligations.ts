import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { courtOfCase, loadCaseContext, NodeKind } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { reportDueOn } from '../rules/property-report.ts';
import { propertyReports, reportObligations } from '../tables.ts';

export type ObligationRow = typeof reportObligations.$inferSelect;
export type ReportRow = typeof propertyReports.$inferSelect;

/** What the subscriber reads of a recorded node (cases' `caseNodeRecorded`). */
export type RecordedNode = { caseId: string; nodeId: string; kind: string; occurredOn: string };

/**
 * A property report order (报告财产令) on the timeline opens one obligation for each respondent of
 * the case, due at the end of the order's period (5 days, practice). Once per node and respondent:
 * delivered again, it opens nothing. A closed case, or one the system cannot read, opens none.
 */
export async function openReportObligations(tx: DbOrTx, node: RecordedNode): Promise<number> {
  if (node.kind !== NodeKind.propertyReportOrderIssued) return 0;
  const courtId = await courtOfCase(tx, node.caseId);
  if (!courtId) return 0;
  const system = await systemActorFor(tx, courtId);
  if (!system) return 0;
  const c = await loadCaseContext(tx, system, node.caseId);
  if (c.status === 'closed' || c.respondents.length === 0) return 0;
  const now = clock.now();
  const inserted = await tx
    .insert(reportObligations)
    .values(
      c.respondents.map((r) => ({
        id: randomUUID(),
        caseId: c.id,
        courtId: c.courtId,
        respondentPartyId: r.id,
        respondentName: r.name,
        nodeId: node.nodeId,
        orderedOn: node.occurredOn,
        dueOn: reportDueOn(node.occurredOn),
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [reportObligations.nodeId, reportObligations.respondentPartyId] })
    .returning({ id: reportObligations.id });
  return inserted.length;
}

/** The latest order's obligation of each of these respondents of the case, locked if asked. */
export async function latestObligation(
  tx: DbOrTx,
  caseId: string,
  partyIds: readonly string[],
  opts: { forUpdate?: boolean } = {},
): Promise<ObligationRow | undefined> {
  if (partyIds.length === 0) return undefined;
  const query = tx
    .select()
    .from(reportObligations)
    .where(
      and(eq(reportObligations.caseId, caseId), inArray(reportObligations.respondentPartyId, [...partyIds])),
    )
    .orderBy(desc(reportObligations.orderedOn), desc(reportObligations.createdAt))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function obligationsOfCase(db: DbOrTx, caseId: string, partyIds?: readonly string[]) {
  const conditions = [eq(reportObligations.caseId, caseId)];
  if (partyIds) conditions.push(inArray(reportObligations.respondentPartyId, [...partyIds]));
  return db
    .select()
    .from(reportObligations)
    .where(and(...conditions))
    .orderBy(asc(reportObligations.orderedOn), asc(reportObligations.respondentName));
}

export async function reportsOf(db: DbOrTx, obligationIds: readonly string[]) {
  const byId = new Map<string, ReportRow[]>();
  if (obligationIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(propertyReports)
    .where(inArray(propertyReports.obligationId, [...obligationIds]))
    .orderBy(asc(propertyReports.reportedAt));
  for (const r of rows) byId.set(r.obligationId, [...(byId.get(r.obligationId) ?? []), r]);
  return byId;
}

/**
 * The daily sweep: obligations past their period without a report are marked late, and the case
 * judge and assistant told once each (the marking is the key: a late one is not swept again).
 */
export async function markLateObligations(db: Db, today: string): Promise<number> {
  let marked = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(reportObligations)
        .where(and(eq(reportObligations.status, 'awaiting'), lt(reportObligations.dueOn, today)))
        .orderBy(asc(reportObligations.dueOn))
        .limit(200)
        .for('update', { skipLocked: true });
      for (const o of rows) {
        await tx.update(reportObligations).set({ status: 'late' }).where(eq(reportObligations.id, o.id));
        const system = await systemActorFor(tx, o.courtId);
        if (!system) continue;
        const c = await loadCaseContext(tx, system, o.caseId);
        const team = [c.team.judgeId, c.team.assistantId].filter((u): u is string => u !== null);
        await queueInApp(tx, {
          dedupeKey: `procedures.report-late:${o.id}`,
          userIds: team,
          title: `${c.caseNumber} ${o.respondentName}逾期未报告财产`,
          body:
            `报告财产令（${o.orderedOn}）要求于${o.dueOn}前报告，被执行人逾期未报告。` +
            '可以依法予以罚款、拘留，并可以纳入失信被执行人名单。',
          kind: 'procedures.reportLate',
          caseId: c.id,
          courtId: c.courtId,
        });
      }
      return rows.length;
    });
    marked += batch;
    if (batch < 200) return marked;
  }
}
