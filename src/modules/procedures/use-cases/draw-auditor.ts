import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { drawLottery } from '../../disposal/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAuditLottery, TDrawInput } from '../audit-contracts.ts';
import { assertAuditJudge } from '../audit-policy.ts';
import { auditApplications, auditLotteries } from '../audit-tables.ts';
import { auditorsDrawn } from '../rules/audit-search.ts';
import { auditLotteryView, loadAuditApplication } from './audit-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 摇号选定审计机构 (财产调查规定 art. 18: the auditor is chosen at random): the case judge draws one
 * institution from the roster published at the grant, with the committed seed and the witness value
 * given now, and the seed is revealed. The record is public (`GET /api/v1/audit-lotteries/{id}`):
 * anyone recomputes the choice with the disposal module's published scheme.
 */
export async function drawAuditor(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: TDrawInput,
): Promise<TAuditLottery> {
  return db.transaction(async (tx) => {
    const a = await loadAuditApplication(tx, applicationId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, a.caseId);
    assertAuditJudge(actor, c);
    const [lottery] = await tx
      .select()
      .from(auditLotteries)
      .where(eq(auditLotteries.applicationId, a.id))
      .for('update');
    if (a.state !== 'granted' || !lottery || lottery.drawnAt !== null)
      throw conflict('该审计申请不在待摇号状态', 'The application is not waiting for the draw');
    const witness = input.witness ?? '';
    const result = drawLottery({
      rosterIds: lottery.roster.map((i) => i.id),
      seedHex: lottery.seed,
      witness,
      count: auditorsDrawn,
    });
    const auditor = lottery.roster[result[0] ?? -1];
    if (!auditor) throw new Error('the draw chose no institution of the roster');
    const [drawn] = await tx
      .update(auditLotteries)
      .set({ witness, result, drawnAt: clock.now(), drawnBy: actor.userId })
      .where(eq(auditLotteries.id, lottery.id))
      .returning();
    if (!drawn) throw new Error('the locked lottery vanished');
    await tx
      .update(auditApplications)
      .set({ state: 'auditorDrawn', auditorId: auditor.id, auditorName: auditor.name })
      .where(eq(auditApplications.id, a.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.audit.draw',
      objectType: 'case',
      objectId: c.id,
      detail: { applicationId: a.id, lotteryId: lottery.id, witness, result, auditorId: auditor.id },
    });
    return auditLotteryView(drawn);
  });
}
