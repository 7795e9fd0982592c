import { and, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import type { TInbox, TMarkRead } from '../contracts.ts';
import type { InboxEntry, InboxSource } from '../sources.ts';
import { reads } from '../tables.ts';

/** At most this many items from each module and in the answer: an inbox is read, not paged. */
export const inboxLimit = 100;

/**
 * The signed-in user's to-do items from every module, the most pressing first: those with a
 * deadline by their deadline, then the rest newest first. Sources run side by side; each reads
 * its own tables within the actor's scope.
 */
export async function readInbox(db: Db, actor: Actor, sources: readonly InboxSource[]): Promise<TInbox> {
  const today = clock.today();
  const lists = await Promise.all(sources.map((source) => source(db, actor, { today, limit: inboxLimit })));
  const entries = lists.flat().sort(byUrgency).slice(0, inboxLimit);
  const opened = await openedAmong(
    db,
    actor.userId,
    entries.map((e) => e.id),
  );
  const items = entries.map((e) => ({ ...e, isRead: opened.has(e.id) }));
  return { items, unread: items.filter((i) => !i.isRead).length };
}

/** Marks items opened; marking one twice, or one that has gone, changes nothing. */
export async function markRead(
  db: Db,
  actor: Actor,
  input: TMarkRead,
  sources: readonly InboxSource[],
): Promise<{ unread: number }> {
  await db
    .insert(reads)
    .values(input.ids.map((itemId) => ({ userId: actor.userId, itemId })))
    .onConflictDoNothing();
  return { unread: (await readInbox(db, actor, sources)).unread };
}

function byUrgency(a: InboxEntry, b: InboxEntry): number {
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id);
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}

async function openedAmong(db: Db, userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ itemId: reads.itemId })
    .from(reads)
    .where(and(eq(reads.userId, userId), inArray(reads.itemId, ids)));
  return new Set(rows.map((r) => r.itemId));
}
