import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/outbox.ts';
import { appendAudit } from '../../audit/index.ts';
import { chinaToday, compareIsoDates, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import {
  appendHistory,
  auditActorOf,
  type ChangeInput,
  historyActorOf,
  recordChanges,
} from '../credit-store.ts';
import { assertCanDecide } from '../policy.ts';
import type { LiftGround } from '../rules/consumption.ts';
import { type DeletionGround, deletionDueOn, deletionGrounds, isCreditRepair } from '../rules/deletion.ts';
import { renderDeletionDecision } from '../rules/letters.ts';
import { courts, entries, restrictions } from '../tables.ts';
import type { EntryRow } from './apply-listing.ts';
import { applicantKeyOf, findApplicant } from './case-parties.ts';
import { liftRestrictionInTx } from './lift-restriction.ts';
import { loadEntryInScope } from './load-entry.ts';

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
      .set({ state: 'refused', refusalReason: input.reason, updatedAt: new Date() })
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
      updatedAt: new Date(),
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
  await publishEvent(tx, {
    type: 'credit.entry-deleted',
    aggregateId: entry.id,
    payload: {
      entryId: entry.id,
      caseId: entry.caseId,
      respondentPartyId: entry.respondentPartyId,
      ground,
      deletedOn: today,
    },
  });
  const changes: ChangeInput[] = [
    {
      kind: 'deleted',
      measure: 'dishonestList',
      measureNo: entry.measureNo,
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

/**
 * Delisting by the court (`POST /credit/entries/{id}/delist`): on the applicant's written request
 * by default (失信规定 art. 10(3), which bars that applicant's new request for six months), or on
 * another ground of art. 10 the court has found.
 */
export async function delistEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { reason: string; ground?: DeletionGround; applicantId?: string; occurredOn?: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? chinaToday();
  const ground = input.ground ?? 'applicantRequest';
  const occurredOn = input.occurredOn ?? today;
  if (compareIsoDates(occurredOn, today) > 0) {
    throw new AppError(
      ErrorCode.invalidInput,
      bi('事由发生日期不能晚于今天', 'The ground cannot occur in the future'),
      [{ path: 'occurredOn', message: bi('日期晚于今天', 'Date is in the future') }],
    );
  }
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, entry.caseId);
    assertCanDecide(actor, c);
    if (entry.state !== 'listed')
      throw new AppError(ErrorCode.conflict, bi('该记录不在失信名单中', 'The entry is not listed'));
    const applicant =
      ground === 'applicantRequest'
        ? findApplicant(c, input.applicantId ?? entry.applicantPartyId ?? undefined)
        : null;
    const changes = await deleteEntryInTx(tx, {
      entry,
      ground,
      reason: input.reason,
      occurredOn,
      today,
      actor,
      applicantKey: applicant ? applicantKeyOf(applicant) : null,
    });
    await recordChanges(tx, changes);
    return { id: entry.id, state: 'deleted' as const, deletedOn: today, ground };
  });
}
