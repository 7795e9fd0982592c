import { and, count, desc, eq, inArray, lt } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { Actor } from '../../identity/index.ts';
import { messages } from '../tables.ts';

export type InboxQuery = { unreadOnly?: 'true' | 'false' | '1' | '0'; limit: number; cursor?: string };

const ownInApp = (userId: string) => and(eq(messages.channel, 'inApp'), eq(messages.recipient, userId));

/** The signed-in user's in-app messages, newest first, a page at a time (`cursor`: where the last page ended). */
export async function listInbox(db: Db, actor: Actor, query: InboxQuery) {
  const before = query.cursor === undefined ? undefined : Number(query.cursor);
  if (before !== undefined && !Number.isSafeInteger(before))
    throw invalidField('cursor', '游标无效', 'The cursor is not one this list gave');
  const isUnreadOnly = query.unreadOnly === 'true' || query.unreadOnly === '1';
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(messages)
      .where(
        and(
          ownInApp(actor.userId),
          isUnreadOnly ? eq(messages.state, 'unread') : undefined,
          before === undefined ? undefined : lt(messages.seq, before),
        ),
      )
      .orderBy(desc(messages.seq))
      .limit(query.limit + 1);
    const [unread] = await tx
      .select({ n: count() })
      .from(messages)
      .where(and(ownInApp(actor.userId), eq(messages.state, 'unread')));
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title ?? '',
        body: m.body,
        caseId: m.caseId,
        createdAt: m.createdAt.toISOString(),
        readAt: m.readAt?.toISOString() ?? null,
      })),
      unread: unread?.n ?? 0,
      nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
    };
  });
}

/** Marks the user's own messages among `ids` read; others' ids, unknown ones and read ones change nothing. */
export async function markInboxRead(db: Db, actor: Actor, ids: readonly string[]) {
  const marked = await db
    .update(messages)
    .set({ state: 'read', readAt: clock.now() })
    .where(and(ownInApp(actor.userId), eq(messages.state, 'unread'), inArray(messages.id, [...new Set(ids)])))
    .returning({ id: messages.id });
  return { read: marked.length };
}
