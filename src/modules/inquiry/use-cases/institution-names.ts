import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { institutions } from '../tables.ts';

/** The names of the institutions with these codes (中国银行 for `boc`): what people read, never the code. */
export async function institutionNames(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: institutions.code, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}
