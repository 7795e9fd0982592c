import { and, count, desc, eq, like, or, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, areasOfUser, Role, requireRole } from '../../identity/index.ts';
import { auditActorOf } from '../credit-store.ts';
import { areaPrefix } from '../rules/area.ts';
import { changes, courts, gridReads } from '../tables.ts';

/**
 * A grid worker's inbox (网格员): listings, restrictions, deletions and reward notices of debtors
 * registered in the worker's areas (the division in the ID number or credit code), newest first.
 */
export async function gridInbox(db: Db, actor: Actor, input: { page: number; pageSize: number }) {
  requireRole(actor, Role.gridWorker);
  const areas = await areasOfUser(db, actor.userId);
  if (areas.length === 0)
    return { areas, items: [], total: 0, unread: 0, page: input.page, pageSize: input.pageSize };
  const inAreas = or(...areas.map((a) => like(changes.divisionCode, `${areaPrefix(a)}%`))) ?? sql`false`;
  return db.transaction(async (tx) => {
    const [read] = await tx.select().from(gridReads).where(eq(gridReads.userId, actor.userId));
    const lastRead = read?.lastReadSeq ?? 0;
    const [total] = await tx.select({ n: count() }).from(changes).where(inAreas);
    const [unread] = await tx
      .select({ n: count() })
      .from(changes)
      .where(and(inAreas, sql`${changes.seq} > ${lastRead}`));
    const rows = await tx
      .select({ c: changes, courtName: courts.name })
      .from(changes)
      .leftJoin(courts, eq(courts.courtNo, changes.courtNo))
      .where(inAreas)
      .orderBy(desc(changes.seq))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.grid.inbox.read',
      objectType: 'gridInbox',
      objectId: actor.userId,
      detail: { areas },
    });
    return {
      areas,
      items: rows.map(({ c, courtName }) => ({
        seq: c.seq,
        kind: c.kind,
        // `measure` is the name in the published inbox API (a fixed contract); the column is `punishment`.
        measure: c.punishment,
        name: c.name,
        idNumber: c.idNumber ? maskIdNumber(c.idNumber) : null,
        creditCode: c.creditCode,
        divisionCode: c.divisionCode,
        role: c.role,
        court: courtName ?? '',
        caseNumber: c.caseNumber,
        since: c.since,
        until: c.until,
        occurredAt: c.occurredAt.toISOString(),
        isUnread: c.seq > lastRead,
      })),
      total: total?.n ?? 0,
      unread: unread?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    };
  });
}

export async function markGridInboxRead(db: Db, actor: Actor, seq: number) {
  requireRole(actor, Role.gridWorker);
  await db
    .insert(gridReads)
    .values({ userId: actor.userId, lastReadSeq: seq })
    .onConflictDoUpdate({
      target: gridReads.userId,
      set: { lastReadSeq: sql`greatest(${gridReads.lastReadSeq}, ${seq})` },
    });
  return { lastReadSeq: seq };
}
