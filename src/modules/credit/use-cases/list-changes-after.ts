import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { ChangeKind } from '../credit-store.ts';
import { changes, courts } from '../tables.ts';

/** One change of the feed, with the name of its court. */
export type PunishmentChange = typeof changes.$inferSelect & { courtName: string | null };

/**
 * The ordered change feed after `after` (exclusive), oldest first, up to `limit` changes; only
 * the given kinds if any are given. Sequence order is commit order (`recordChanges`), so a reader
 * that remembers the last `seq` it read never misses a change.
 */
export async function listChangesAfter(
  db: DbOrTx,
  input: { after: number; limit: number; kinds?: readonly ChangeKind[] },
): Promise<PunishmentChange[]> {
  const rows = await db
    .select({ change: changes, courtName: courts.name })
    .from(changes)
    .leftJoin(courts, eq(courts.courtNo, changes.courtNo))
    .where(
      and(gt(changes.seq, input.after), input.kinds ? inArray(changes.kind, [...input.kinds]) : undefined),
    )
    .orderBy(asc(changes.seq))
    .limit(input.limit);
  return rows.map((r) => ({ ...r.change, courtName: r.courtName }));
}
