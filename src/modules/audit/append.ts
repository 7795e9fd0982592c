import type { DbOrTx } from '../../platform/db.ts';
import { records } from './tables.ts';

export type AuditEntry = {
  actor: { userId: string; displayName: string; courtId: string } | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  purpose?: string | null;
  outcome?: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown> | null;
};

/** Appends audit records inside the caller's transaction, so the record commits with the change. */
export async function appendAudit(tx: DbOrTx, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(records).values(
    entries.map((e) => ({
      actorId: e.actor?.userId ?? null,
      actorName: e.actor?.displayName ?? null,
      courtId: e.actor?.courtId ?? null,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId ?? null,
      purpose: e.purpose ?? null,
      outcome: e.outcome ?? 'ok',
      detail: e.detail ?? null,
    })),
  );
}
