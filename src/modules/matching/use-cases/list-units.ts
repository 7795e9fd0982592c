import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanManageUnits } from '../policy.ts';
import { units } from '../tables.ts';
import { toUnit, type Unit } from '../unit-store.ts';

/** Every registered unit, newest first (never its key or webhook secret). */
export async function listUnits(db: DbOrTx, actor: Actor): Promise<Unit[]> {
  assertCanManageUnits(actor);
  const rows = await db.select().from(units).orderBy(desc(units.createdAt));
  return rows.map(toUnit);
}
