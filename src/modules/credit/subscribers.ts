/**
 * Deletion driven by events (失信规定 art. 10): a case closed as fulfilled, terminated or not
 * enforced; enforcement suspended for retrial or bankruptcy; the 终本 re-queries finding nothing.
 * Each handler runs in the outbox delivery's transaction, so its effect happens exactly once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { clock } from '../../platform/clock.ts';
import type { DbOrTx, Tx } from '../../platform/db.ts';
import { defineSubscriber, on } from '../../platform/events.ts';
import { caseClosed, caseNodeRecorded, loadCaseNodes, NodeKind } from '../cases/index.ts';
import { requeryCompleted } from '../inquiry/index.ts';
import { type ChangeInput, recordChanges } from './credit-store.ts';
import { deleteEntryInTx } from './lifecycle/delete-entry.ts';
import { liftRestrictionInTx } from './lifecycle/lift-restriction.ts';
import {
  type DeletionGround,
  deletionForCaseClosing,
  isSuspensionDeletionGround,
  shouldDeleteAfterTermination,
} from './rules/deletion.ts';
import { entries, exitRestrictions, requeryResults, restrictions } from './tables.ts';

async function deleteCaseEntries(
  tx: DbOrTx,
  input: {
    caseId: string;
    respondentPartyId?: string;
    ground: DeletionGround;
    reason: string;
    occurredOn: string;
    onlyIf?: (e: typeof entries.$inferSelect) => boolean;
  },
): Promise<ChangeInput[]> {
  const conditions = [
    eq(entries.caseId, input.caseId),
    inArray(entries.state, ['listed', 'pendingApproval']),
  ];
  if (input.respondentPartyId) conditions.push(eq(entries.respondentPartyId, input.respondentPartyId));
  const live = await tx
    .select()
    .from(entries)
    .where(and(...conditions))
    .for('update');
  const today = clock.today();
  const changes: ChangeInput[] = [];
  for (const entry of live) {
    if (input.onlyIf && !input.onlyIf(entry)) continue;
    changes.push(
      ...(await deleteEntryInTx(tx, {
        entry,
        ground: input.ground,
        reason: input.reason,
        occurredOn: input.occurredOn,
        today,
        actor: null,
      })),
    );
  }
  return changes;
}

/** Closing as fulfilled, terminated or not enforced deletes; the case's restrictions end with it (限消规定 art. 9). */
async function onCaseClosed(tx: Tx, p: z.infer<typeof caseClosed.schema>): Promise<void> {
  const hasSettlement = (await loadCaseNodes(tx, p.caseId)).some(
    (n) => n.kind === NodeKind.settlementReached,
  );
  const ground = deletionForCaseClosing(p.closingType, hasSettlement);
  if (!ground) return;
  const reason = `案件已结案（${p.closingType}）`;
  const changes = await deleteCaseEntries(tx, { caseId: p.caseId, ground, reason, occurredOn: p.closedOn });
  const today = clock.today();
  const liftGround =
    ground === 'fullyPerformed' || ground === 'settlementPerformed' ? 'performed' : 'caseEnded';
  const active = await tx
    .select()
    .from(restrictions)
    .where(and(eq(restrictions.caseId, p.caseId), eq(restrictions.state, 'active')))
    .for('update');
  for (const r of active)
    changes.push(...(await liftRestrictionInTx(tx, r, { ground: liftGround, reason, today, actor: null })));
  const exits = await tx
    .update(exitRestrictions)
    .set({ state: 'lifted', liftedOn: today, liftReason: reason })
    .where(and(eq(exitRestrictions.caseId, p.caseId), eq(exitRestrictions.state, 'active')))
    .returning();
  for (const x of exits) {
    changes.push({
      kind: 'restrictionLifted',
      punishment: 'exitRestriction',
      punishmentNo: x.punishmentNo,
      subjectKind: 'natural',
      idNumber: x.idNumber,
      creditCode: null,
      name: x.name,
      courtNo: x.courtNo,
      caseNumber: x.caseNumber,
      since: x.orderedOn,
      until: today,
    });
  }
  await recordChanges(tx, changes);
}

/** 失信规定 art. 10(5): a suspension for retrial or bankruptcy deletes the case's entries. */
async function onNodeRecorded(tx: Tx, p: z.infer<typeof caseNodeRecorded.schema>): Promise<void> {
  if (p.kind !== NodeKind.suspended) return;
  const node = (await loadCaseNodes(tx, p.caseId)).find((n) => n.id === p.nodeId);
  if (!node || !isSuspensionDeletionGround(node.note)) return;
  const changes = await deleteCaseEntries(tx, {
    caseId: p.caseId,
    ground: 'suspendedRetrialOrBankruptcy',
    reason: node.note,
    occurredOn: p.occurredOn,
  });
  await recordChanges(tx, changes);
}

/** 失信规定 art. 10(4): two or more re-queries after 终本 found nothing and no lead came. */
async function onRequeryCompleted(tx: Tx, p: z.infer<typeof requeryCompleted.schema>): Promise<void> {
  await tx
    .insert(requeryResults)
    .values({
      caseId: p.caseId,
      respondentPartyId: p.respondentPartyId,
      round: p.round,
      hasFoundAssets: p.hasFoundAssets,
      completedOn: p.completedOn,
    })
    .onConflictDoNothing();
  const rounds = await tx
    .select()
    .from(requeryResults)
    .where(
      and(eq(requeryResults.caseId, p.caseId), eq(requeryResults.respondentPartyId, p.respondentPartyId)),
    );
  const empty = rounds.filter((r) => !r.hasFoundAssets).length;
  const hasLead = rounds.some((r) => r.hasFoundAssets);
  const changes = await deleteCaseEntries(tx, {
    caseId: p.caseId,
    respondentPartyId: p.respondentPartyId,
    ground: 'terminatedRoundNoAssets',
    reason: `终本后网络查控${empty}次未发现财产`,
    occurredOn: p.completedOn,
    onlyIf: (e) =>
      e.state === 'listed' &&
      shouldDeleteAfterTermination({
        hasFixedTerm: e.expiresOn !== null,
        searchesWithNothingFound: empty,
        hasLead,
      }),
  });
  await recordChanges(tx, changes);
}

// Each subscriber keeps the name its deliveries are recorded under.
export const creditSubscribers = [
  defineSubscriber('credit.delete-on-case-closed', on(caseClosed, onCaseClosed)),
  defineSubscriber('credit.delete-on-suspension', on(caseNodeRecorded, onNodeRecorded)),
  defineSubscriber('credit.delete-after-requery', on(requeryCompleted, onRequeryCompleted)),
];
