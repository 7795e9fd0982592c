import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { unitUsage } from '../tables.ts';

export type UnitUsage = { unitId: string; day: string; calls: number; subjects: number; hits: number };

/** Adds calls, subjects and hits to units' counts for a China day (written with the match audit). */
export async function addUnitUsage(tx: DbOrTx, rows: readonly UnitUsage[]): Promise<void> {
  for (const r of rows) {
    await tx
      .insert(unitUsage)
      .values(r)
      .onConflictDoUpdate({
        target: [unitUsage.unitId, unitUsage.day],
        set: {
          calls: sql`${unitUsage.calls} + ${r.calls}`,
          subjects: sql`${unitUsage.subjects} + ${r.subjects}`,
          hits: sql`${unitUsage.hits} + ${r.hits}`,
        },
      });
  }
}
