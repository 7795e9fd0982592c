import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';

export type DossierKind = 'document' | 'file' | 'fieldRecord';

/**
 * Files something into the case's electronic dossier and its SHA-256 into the audit chain, in the
 * caller's transaction: the dossier and the chain cannot disagree. The same version twice is one entry.
 */
export async function addToDossier(
  tx: DbOrTx,
  actor: Actor,
  entry: { caseId: string; kind: DossierKind; refId: string; title: string; sha256: string; action: string },
): Promise<void> {
  const inserted = await tx.execute<{ seq: number }>(sql`
    insert into documents.dossier_entries (case_id, kind, ref_id, title, sha256, added_at, added_by_name)
    values (${entry.caseId}::uuid, ${entry.kind}, ${entry.refId}::uuid, ${entry.title}, ${entry.sha256},
      ${clock.now().toISOString()}::timestamptz, ${actor.displayName})
    on conflict (kind, ref_id, sha256) do nothing
    returning seq::float8 as seq`);
  if (inserted.length === 0) return;
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: entry.action,
    objectType: entry.kind,
    objectId: entry.refId,
    detail: { caseId: entry.caseId, title: entry.title, sha256: entry.sha256 },
  });
}
