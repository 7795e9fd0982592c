import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { units } from '../tables.ts';
import { hashUnitKey, toUnit, type Unit, unitKeyPrefix } from '../unit-store.ts';

/** The unit holding `key`, or null for an unknown key. A revoked key is returned with `revokedAt`. */
export async function findUnitByKey(db: DbOrTx, key: string): Promise<Unit | null> {
  if (!key.startsWith(unitKeyPrefix) || key.length > 100) return null;
  const [row] = await db
    .select()
    .from(units)
    .where(eq(units.keyHash, hashUnitKey(key)));
  return row ? toUnit(row) : null;
}
