import { and, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { appendHistory, auditActorOf, type ChangeInput, historyActorOf } from '../credit-store.ts';
import { entryDeleted } from '../events.ts';
import type { LiftGround } from '../rules/consumption.ts';
import { type DeletionGround, deletionDueOn, deletionGrounds, isCreditRepair } from '../rules/deletion.ts';
import { renderDeletionDecision } from '../rules/letters.ts';
import { courts, entries, restrictions } from '../tables.ts';
import type { EntryRow } from '../use-cases/apply-listing.ts';
import { liftRestrictionInTx } from './lift-restriction.ts';

// Deleting on these grounds also ends the consumption restriction ordered in the case.
const liftOnDeletion: Partial<Record<DeletionGround, LiftGround>> = {
  fullyPerformed: 'performed',
  settlementPerformed: 'performed',
  securityProvided: 'security',
  notEnforced: 'caseEnded',
  enforcementTerminated: 'caseEnded',
};

/**
 * 失信规定 art. 10: deletes a listed entry (a pending proposal lapses instead), keeps its history,
 * writes the deletion decision and returns the change-feed rows for the caller to record last.
 * Credit repair (performance, settlement performed, security) also lifts the case's restriction.
 */
export async function deleteEntryInTx(
  tx: DbOrTx,
  input: {
    entry: EntryRow;
    ground: DeletionGround;
    reason: string;
    occurredOn: string;
    today: string;
    actor: Actor | null;
    applicantKey?: string | null;
    liftRestriction?: boolean;
  },
): Promise<ChangeInput[]> {
  const { entry, ground, today } = input;
  const actor = historyActorOf(input.actor);
  if (entry.state === 'pendingApproval') {
    await tx
      .update(entries)
      .set({ state: 'refused', refusalReason: input.reason, updatedAt: clock.now() })
      .where(eq(entries.id, entry.id));
    await appendHistory(tx, {
      entryId: entry.id,
      action: 'lapsed',
      fromState: entry.state,
      toState: 'refused',
      reason: `${deletionGrounds[ground].zh} ${input.reason}`.trim(),
      actor,
      occurredOn: today,
    });
    return [];
  }
  if (entry.state !== 'listed') return [];
  const [court] = await tx.select().from(courts).where(eq(courts.courtNo, entry.courtNo));
  const letter = renderDeletionDecision({
    c: {
      courtName: court?.name ?? '',
      caseNumber: entry.caseNumber,
      basisDocumentNumber: entry.basisDocumentNumber,
      basisIssuedBy: entry.basisIssuedBy,
      applicantNames: [],
    },
    subject: { ...entry, kind: entry.subjectKind === 'natural' ? 'natural' : 'legal' },
    ground,
    reason: input.reason,
    deletedOn: today,
  });
  const isRepair = isCreditRepair(ground);
  await tx
    .update(entries)
    .set({
      state: 'deleted',
      deletedOn: today,
      deletionGround: ground,
      deletionReason: input.reason,
      // 失信规定 art. 10: within three working days of the ground occurring
      deletionDueOn: deletionDueOn(input.occurredOn),
      deletionLetter: letter,
      isCreditRepair: isRepair,
      deletedAtRequestOf: ground === 'applicantRequest' ? (input.applicantKey ?? null) : null,
      updatedAt: clock.now(),
    })
    .where(eq(entries.id, entry.id));
  await appendHistory(tx, {
    entryId: entry.id,
    action: isRepair ? 'creditRepair' : 'deleted',
    fromState: 'listed',
    toState: 'deleted',
    changes: { ground, clause: deletionGrounds[ground].clause, groundOccurredOn: input.occurredOn },
    reason: input.reason,
    actor,
    occurredOn: today,
  });
  await appendAudit(tx, {
    actor: auditActorOf(input.actor),
    action: 'credit.entry.delete',
    objectType: 'creditEntry',
    objectId: entry.id,
    detail: { ground, isCreditRepair: isRepair },
  });
  await publishEvent(
    tx,
    entryDeleted,
    {
      entryId: entry.id,
      caseId: entry.caseId,
      respondentPartyId: entry.respondentPartyId,
      ground,
      deletedOn: today,
    },
    { aggregateId: entry.id },
  );
  const changes: ChangeInput[] = [
    {
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
    },
  ];
  const liftGround = liftOnDeletion[ground];
  if (liftGround && input.liftRestriction !== false) {
    const active = await tx
      .select()
      .from(restrictions)
      .where(
        and(
          eq(restrictions.caseId, entry.caseId),
          eq(restrictions.respondentPartyId, entry.respondentPartyId),
          eq(restrictions.state, 'active'),
        ),
      )
      .for('update');
    for (const r of active) {
      changes.push(
        ...(await liftRestrictionInTx(tx, r, {
          ground: liftGround,
          reason: deletionGrounds[ground].zh,
          today,
          actor: input.actor,
        })),
      );
    }
  }
  return changes;
}
