import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { Endpoint } from '../protocol/client.ts';
import { institutions } from '../tables.ts';

export type InstitutionRow = typeof institutions.$inferSelect;

export async function loadInstitution(db: DbOrTx, code: string): Promise<InstitutionRow | null> {
  const [row] = await db.select().from(institutions).where(eq(institutions.code, code));
  return row ?? null;
}

export function endpointOf(row: InstitutionRow): Endpoint {
  return { code: row.code, baseUrl: row.baseUrl, key: row.signingKey };
}

/**
 * Signing keys for verifying callbacks, cached for a few seconds: every callback needs one, and the
 * registry changes rarely (a disabled or re-keyed institution takes effect within the TTL).
 */
const keyCache = new Map<string, { key: string | null; until: number }>();
const keyTtlMs = 3000;

export async function findSigningKey(db: DbOrTx, code: string, nowMs: number): Promise<string | null> {
  const cached = keyCache.get(code);
  if (cached && cached.until > nowMs) return cached.key;
  const row = await loadInstitution(db, code);
  const key = row ? row.signingKey : null;
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(code, { key, until: nowMs + keyTtlMs });
  return key;
}

export function forgetSigningKey(code: string): void {
  keyCache.delete(code);
}
