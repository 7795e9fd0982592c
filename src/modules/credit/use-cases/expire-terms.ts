import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { recordChanges } from '../credit-store.ts';
import { deleteEntryInTx } from '../lifecycle/delete-entry.ts';
import { entries } from '../tables.ts';

/**
 * 失信规定 art. 10: a fixed-term entry is deleted within three working days after its term ends.
 * Run daily (job `credit.expire-terms`); idempotent: only entries still listed past their last day.
 * Returns how many entries were deleted.
 */
export async function expireTerms(db: Db, today: string, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(entries)
        .where(and(eq(entries.state, 'listed'), isNotNull(entries.expiresOn), lt(entries.expiresOn, today)))
        .orderBy(entries.expiresOn)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const changes = [];
      for (const entry of due) {
        changes.push(
          ...(await deleteEntryInTx(tx, {
            entry,
            ground: 'termExpired',
            reason: `失信期限已于${entry.expiresOn}届满`,
            occurredOn: entry.expiresOn ?? today,
            today,
            actor: null,
          })),
        );
      }
      await recordChanges(tx, changes);
      return due.length;
    });
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
