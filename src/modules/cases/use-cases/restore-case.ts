import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { formatCaseNumber, searchTextOf, tokensOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { loadCaseInScope, loadParties, scheduleOf } from '../case-store.ts';
import { caseRestored } from '../events.ts';
import { assertCanRestore } from '../policy.ts';
import { canRestore, restoredCaseType } from '../rules/closing.ts';
import { NodeKind } from '../rules/deadlines.ts';
import { cases, nodes, parties } from '../tables.ts';
import { nextSequence } from './file-case.ts';

/**
 * 恢复执行 (终本规定 art. 9): a case closed as 终本 is restored by filing a linked 执恢 case with
 * the same basis and parties, for the claim still outstanding; the old case points to the new one.
 */
export async function restoreCase(db: Db, actor: Actor, caseId: string, input: { reason?: string | null }) {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const old = await loadCaseInScope(tx, actor, caseId, { forUpdate: true });
    assertCanRestore(actor, old);
    if (old.status !== 'closed' || !old.closingType || !canRestore(old.closingType)) {
      throw new AppError(
        ErrorCode.conflict,
        bi('只有终结本次执行程序的案件可以恢复执行', 'Only a case closed as 终本 can be restored'),
      );
    }
    if (old.restoredToId)
      throw new AppError(ErrorCode.conflict, bi('该案已恢复执行', 'This case has already been restored'));
    const outstanding = old.claimAmountFen - old.recoveredFen;
    if (outstanding <= 0)
      throw new AppError(ErrorCode.conflict, bi('该案已无未履行金额', 'Nothing is outstanding in this case'));
    const year = Number(today.slice(0, 4));
    const caseType = restoredCaseType;
    const seq = await nextSequence(tx, old.courtCode, year, caseType);
    const caseNumber = formatCaseNumber({
      year,
      courtCode: old.courtCode,
      typeCode: caseType,
      sequence: seq,
    });
    const oldParties = await loadParties(tx, old.id);
    const id = randomUUID();
    const names = oldParties.map((p) => p.name);
    const row = {
      ...old,
      id,
      caseType,
      year,
      sequence: seq,
      caseNumber,
      status: 'filed',
      filedOn: today,
      filedBy: actor.userId,
      claimAmountFen: outstanding,
      recoveredFen: 0,
      closingType: null,
      closingReason: null,
      closedOn: null,
      closedBy: null,
      restoredFromId: old.id,
      restoredToId: null,
      searchTokens: tokensOf([caseNumber, ...names]),
      searchText: searchTextOf([caseNumber, ...names]),
      createdAt: new Date(),
      updatedAt: clock.now(),
    };
    const nodeRows = [
      { kind: NodeKind.filed, note: bi(`由${old.caseNumber}恢复执行`, `Restored from ${old.caseNumber}`) },
      ...(row.teamId ? [{ kind: NodeKind.officerAssigned, note: '' }] : []),
    ].map((n) => ({
      id: randomUUID(),
      caseId: id,
      kind: n.kind,
      occurredOn: today,
      actorId: actor.userId,
      actorName: actor.displayName,
      note: n.kind === NodeKind.filed && input.reason ? `${n.note}：${input.reason}` : n.note,
      documents: [],
      recordedAt: clock.now(),
      sourceKey: null,
    }));
    await tx
      .insert(cases)
      .values({ ...row, ...scheduleOf({ ...row, handlingDueOn: null }, nodeRows, today) });
    await tx.insert(parties).values(oldParties.map((p) => ({ ...p, id: randomUUID(), caseId: id })));
    await tx.insert(nodes).values(nodeRows);
    await tx.update(cases).set({ restoredToId: id, updatedAt: clock.now() }).where(eq(cases.id, old.id));
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'case.restore',
      objectType: 'case',
      objectId: old.id,
      detail: { restoredTo: id, caseNumber, reason: input.reason ?? null },
    });
    await publishEvent(
      tx,
      caseRestored,
      { caseId: old.id, restoredCaseId: id, caseNumber, courtId: old.courtId },
      { aggregateId: old.id },
    );
    return { id, caseNumber, status: 'filed' as const };
  });
}
