import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAidDecision } from '../aid-contracts.ts';
import { assertAidDecider } from '../aid-policy.ts';
import { judicialAid } from '../aid-tables.ts';
import { type AidStatus, aidCapFen, checkApprovedAmount } from '../rules/judicial-aid.ts';
import { loadAid, monthlyWageOf } from './judicial-aid-store.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * A leader of the case's court decides an aid case (审批): approved with an amount within the cap — 36 months of the court's monthly wage and no
 * more than what is still outstanding, both as they stand at the decision (意见 part 3) — or
 * rejected with the reason. Only a pending case is decided (409 otherwise).
 */
export async function decideJudicialAid(
  db: Db,
  actor: Actor,
  aidId: string,
  input: TAidDecision,
): Promise<{ id: string; status: AidStatus; approvedFen: number | null; capFen: number }> {
  const isApproval = input.decision === 'approve';
  if (isApproval && input.amountFen === undefined) {
    throw invalidField('amountFen', '批准救助须写明救助金额', 'State the amount granted');
  }
  if (!isApproval && input.amountFen !== undefined) {
    throw invalidField('amountFen', '不予救助时不应填写金额', 'A rejection grants no amount');
  }
  return db.transaction(async (tx) => {
    const aid = await loadAid(tx, aidId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, aid.caseId);
    assertAidDecider(actor, c);
    if (aid.status !== 'pending') throw conflict('该救助申请已审批', 'The aid case has already been decided');
    const wage = await monthlyWageOf(tx, c.courtId);
    const capFen = aidCapFen(wage.monthlyWageFen, c.claimAmountFen - c.recoveredFen);
    const approvedFen = isApproval ? (input.amountFen ?? 0) : null;
    if (approvedFen !== null) {
      const check = checkApprovedAmount(approvedFen, capFen);
      if (!check.ok) throw invalidField(check.path, check.zh, check.en);
    }
    const status: AidStatus = isApproval ? 'approved' : 'rejected';
    await tx
      .update(judicialAid)
      .set({
        status,
        monthlyWageFen: wage.monthlyWageFen,
        capFen,
        approvedFen,
        decidedOn: clock.today(),
        decidedAt: clock.now(),
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        decisionReason: input.reason,
      })
      .where(eq(judicialAid.id, aid.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: `procedures.judicial-aid.${isApproval ? 'approve' : 'reject'}`,
      objectType: 'case',
      objectId: c.id,
      detail: { aidId: aid.id, approvedFen, capFen },
    });
    return { id: aid.id, status, approvedFen, capFen };
  });
}
