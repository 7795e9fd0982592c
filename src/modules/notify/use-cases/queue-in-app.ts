import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db.ts';
import { messages } from '../tables.ts';
import { ZDedupeKey, ZKind, ZOptionalId } from './inputs.ts';

const ZQueueInApp = z.object({
  dedupeKey: ZDedupeKey,
  userIds: z.array(z.guid()).max(1000),
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(4000),
  kind: ZKind,
  caseId: ZOptionalId,
  courtId: ZOptionalId,
});

export type QueueInAppInput = {
  /** The caller's idempotency key; each user's message is keyed `<dedupeKey>:<userId>`. */
  dedupeKey: string;
  userIds: readonly string[];
  title: string;
  body: string;
  kind: string;
  caseId?: string | null;
  courtId?: string | null;
};

export type QueuedInApp = { userId: string; id: string; isNew: boolean };

/**
 * Puts a message in each user's inbox, inside the caller's transaction: once per user and dedupe
 * key, so a replayed caller adds nothing.
 */
export async function queueInApp(tx: DbOrTx, input: QueueInAppInput): Promise<QueuedInApp[]> {
  const m = ZQueueInApp.parse(input);
  const userIds = [...new Set(m.userIds.map((u) => u.toLowerCase()))];
  if (userIds.length === 0) return [];
  const keyOf = (userId: string) => `${m.dedupeKey}:${userId}`;
  const inserted = await tx
    .insert(messages)
    .values(
      userIds.map((userId) => ({
        id: randomUUID(),
        channel: 'inApp' as const,
        dedupeKey: keyOf(userId),
        recipient: userId,
        caseId: m.caseId ?? null,
        courtId: m.courtId ?? null,
        kind: m.kind,
        title: m.title,
        body: m.body,
        state: 'unread' as const,
      })),
    )
    .onConflictDoNothing({ target: messages.dedupeKey })
    .returning({ id: messages.id, userId: messages.recipient });
  const isNew = new Set(inserted.map((r) => r.userId));
  const earlier = userIds.some((u) => !isNew.has(u))
    ? await tx
        .select({ id: messages.id, userId: messages.recipient })
        .from(messages)
        .where(
          and(
            eq(messages.channel, 'inApp'),
            inArray(messages.dedupeKey, userIds.filter((u) => !isNew.has(u)).map(keyOf)),
          ),
        )
    : [];
  const idOf = new Map([...inserted, ...earlier].map((r) => [r.userId, r.id]));
  return userIds.flatMap((userId) => {
    const id = idOf.get(userId);
    return id === undefined ? [] : [{ userId, id, isNew: isNew.has(userId) }];
  });
}
