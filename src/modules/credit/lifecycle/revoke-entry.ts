import { and, eq } from 'drizzle-orm';
import { tokensOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { appendHistory, auditActorOf, type ChangeInput, historyActorOf } from '../credit-store.ts';
import { revocationDueOn } from '../rules/deletion.ts';
import { entries, restrictions } from '../tables.ts';
import type { EntryRow } from '../use-cases/apply-listing.ts';
import { liftRestrictionInTx } from './lift-restriction.ts';

/**
 * 失信规定 art. 9: a wrong entry is revoked (within three working days of finding the error); a
 * restriction ordered by the listing itself falls with it. History keeps the entry as it was.
 */
export async function revokeEntryInTx(
  tx: DbOrTx,
  entry: EntryRow,
  input: { reason: string; today: string; actor: Actor },
): Promise<ChangeInput[]> {
  const { today } = input;
  await tx
    .update(entries)
    .set({
      state: 'revoked',
      revokedOn: today,
      revocationReason: input.reason,
      deletionDueOn: revocationDueOn(today),
      updatedAt: clock.now(),
    })
    .where(eq(entries.id, entry.id));
  await appendHistory(tx, {
    entryId: entry.id,
    action: 'revoked',
    fromState: entry.state,
    toState: 'revoked',
    reason: input.reason,
    actor: historyActorOf(input.actor),
    occurredOn: today,
  });
  await appendAudit(tx, {
    actor: auditActorOf(input.actor),
    action: 'credit.entry.revoke',
    objectType: 'creditEntry',
    objectId: entry.id,
    detail: { reason: input.reason },
  });
  const changes: ChangeInput[] = [];
  if (entry.state === 'listed') {
    changes.push({
      kind: 'deleted',
      punishment: 'dishonestList',
      punishmentNo: entry.punishmentNo,
      subjectKind: entry.subjectKind,
      idNumber: entry.idNumber,
      creditCode: entry.creditCode,
      name: entry.name,
      courtNo: entry.courtNo,
      caseNumber: entry.caseNumber,
      since: entry.publishFrom,
      until: today,
    });
  }
  const ordered = await tx
    .select()
    .from(restrictions)
    .where(and(eq(restrictions.entryId, entry.id), eq(restrictions.state, 'active')))
    .for('update');
  for (const r of ordered) {
    changes.push(
      ...(await liftRestrictionInTx(tx, r, {
        ground: 'entryDeleted',
        reason: input.reason,
        today,
        actor: input.actor,
      })),
    );
  }
  return changes;
}

export type EntryCorrections = { name?: string; legalRepresentative?: string | null; facts?: string };

/** 失信规定 art. 11(2): corrects wrong information, keeping the old values in the history. */
export async function correctEntryInTx(
  tx: DbOrTx,
  entry: EntryRow,
  input: { corrections: EntryCorrections; reason: string; today: string; actor: Actor },
): Promise<ChangeInput[]> {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of ['name', 'legalRepresentative', 'facts'] as const) {
    const value = input.corrections[key];
    if (value !== undefined && value !== entry[key]) {
      before[key] = entry[key];
      after[key] = value;
    }
  }
  const [corrected] = await tx
    .update(entries)
    .set({ ...after, searchTokens: tokensOf([input.corrections.name ?? entry.name]), updatedAt: clock.now() })
    .where(eq(entries.id, entry.id))
    .returning();
  if (!corrected) throw new Error('entry vanished');
  await appendHistory(tx, {
    entryId: entry.id,
    action: 'corrected',
    fromState: entry.state,
    toState: entry.state,
    changes: { before, after },
    reason: input.reason,
    actor: historyActorOf(input.actor),
    occurredOn: input.today,
  });
  if (entry.state !== 'listed') return [];
  return [
    {
      kind: 'updated',
      punishment: 'dishonestList',
      punishmentNo: corrected.punishmentNo,
      subjectKind: corrected.subjectKind,
      idNumber: corrected.idNumber,
      creditCode: corrected.creditCode,
      name: corrected.name,
      courtNo: corrected.courtNo,
      caseNumber: corrected.caseNumber,
      since: corrected.publishFrom,
      until: corrected.expiresOn,
    },
  ];
}
