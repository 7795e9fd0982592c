import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { unitUsage } from '../tables.ts';

/** A unit's calls, subjects and hits on a China day (zero when it made none). */
export async function readUnitUsage(
  db: DbOrTx,
  unitId: string,
  day: string,
): Promise<{ calls: number; subjects: number; hits: number }> {
  const [row] = await db
    .select()
    .from(unitUsage)
    .where(and(eq(unitUsage.unitId, unitId), eq(unitUsage.day, day)));
  return { calls: row?.calls ?? 0, subjects: row?.subjects ?? 0, hits: row?.hits ?? 0 };
}
