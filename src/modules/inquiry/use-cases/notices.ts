import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Actor } from '../../identity/index.ts';
import { notices } from '../tables.ts';

/** The officer's prompts: measures about to expire, new assets on a 终本 re-query, failed measures. */
export async function listNotices(db: Db, actor: Actor, opts: { caseId?: string } = {}) {
  const conditions = [sql`${actor.userId}::uuid = any(${notices.recipientIds})`];
  if (opts.caseId && isUuid(opts.caseId)) conditions.push(eq(notices.caseId, opts.caseId));
  const rows = await db
    .select()
    .from(notices)
    .where(and(...conditions))
    .orderBy(desc(notices.createdAt))
    .limit(100);
  return {
    items: rows.map((n) => ({
      id: n.id,
      caseId: n.caseId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      measureId: n.measureId,
      createdAt: n.createdAt.toISOString(),
      isRead: n.readAt !== null,
    })),
  };
}

export async function markNoticeRead(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound('提示', 'Notice');
  const rows = await db
    .update(notices)
    .set({ readAt: new Date() })
    .where(and(eq(notices.id, id), sql`${actor.userId}::uuid = any(${notices.recipientIds})`))
    .returning({ id: notices.id });
  if (rows.length === 0) throw notFound('提示', 'Notice');
  return { id };
}
