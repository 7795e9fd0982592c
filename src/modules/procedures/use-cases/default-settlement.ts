import { eq } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TDefaultInput } from '../contracts.ts';
import { assertSettlementTeam } from '../policy.ts';
import { settlements } from '../tables.ts';
import { auditActorOf, conflict, loadSettlement, paymentsOf } from './settlement-store.ts';

/**
 * The respondent did not perform the settlement (执行和解规定 art. 9; DOMAIN §9): the original
 * enforcement is restored — the case resumes (node "恢复", which moves it back in progress) and
 * the note on the timeline says so — and what was paid under the settlement stays deducted. (The
 * applicant may instead sue on the settlement; that is outside the case.) A settlement already
 * defaulted or performed refuses (409); one outside the user's scope does not exist (404).
 */
export async function defaultSettlement(
  db: Db,
  actor: Actor,
  settlementId: string,
  input: TDefaultInput,
): Promise<{ id: string; status: 'defaulted'; caseStatus: string; deductedFen: number }> {
  return db.transaction(async (tx) => {
    const s = await loadSettlement(tx, settlementId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, s.caseId, { forUpdate: true });
    assertSettlementTeam(actor, c);
    if (s.status !== 'active') {
      throw conflict(
        s.status === 'defaulted' ? '已认定不履行执行和解协议' : '执行和解协议已履行完毕',
        s.status === 'defaulted'
          ? 'The settlement is already defaulted'
          : 'The settlement has been performed',
      );
    }
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const paidFen = ((await paymentsOf(tx, [s.id])).get(s.id) ?? []).reduce((sum, p) => sum + p.amountFen, 0);
    const note = input.note?.trim() ?? '';
    const explanation =
      `被执行人未履行执行和解协议，恢复执行原生效法律文书；和解协议项下已履行${formatYuan(paidFen)}元予以扣除` +
      (note ? `。${note}` : '');
    // Resumed by hand meanwhile: the restoration is still recorded, as a note.
    await recordNode(
      tx,
      actor,
      c.id,
      { kind: c.status === 'suspended' ? NodeKind.resumed : NodeKind.other, note: explanation },
      { sourceKey: `procedures.settlement-default:${s.id}` },
    );
    const now = clock.now();
    await tx
      .update(settlements)
      .set({
        status: 'defaulted',
        endedAt: now,
        endedBy: actor.userId,
        endedByName: actor.displayName,
        endedOn: clock.today(),
        endNote: note || null,
      })
      .where(eq(settlements.id, s.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.settlement.default',
      objectType: 'case',
      objectId: c.id,
      detail: { settlementId: s.id, paidFen },
    });
    return {
      id: s.id,
      status: 'defaulted' as const,
      caseStatus: c.status === 'suspended' ? 'inProgress' : c.status,
      deductedFen: paidFen,
    };
  });
}
