import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { commitmentOf } from '../../disposal/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAuditApplication, TAuditDecision } from '../audit-contracts.ts';
import { assertAuditJudge } from '../audit-policy.ts';
import { auditApplications, auditLotteries } from '../audit-tables.ts';
import { auditRosterFor } from './audit-institutions.ts';
import { auditApplicationView, loadAuditApplication } from './audit-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 决定是否审计 (财产调查规定 arts. 17–18): the case judge grants or rejects (with reasons) an audit
 * application — within 10 days of its arrival; a later decision is still taken and shown as late.
 * Granted, the roster of audit institutions serving the case's court and the commitment to a secret
 * seed are published at once (the disposal module's verifiable lottery): the auditor is drawn from
 * them by `POST /api/v1/audit-applications/{id}/draw`, so that the seed is fixed before the witness
 * value of those present is known. An empty roster refuses the grant (409); nothing is written.
 */
export async function decideAuditApplication(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: TAuditDecision,
): Promise<TAuditApplication> {
  return db.transaction(async (tx) => {
    const a = await loadAuditApplication(tx, applicationId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, a.caseId);
    assertAuditJudge(actor, c);
    if (a.state !== 'pending') throw conflict('该审计申请已作出决定', 'The application was already decided');
    const isGrant = input.decision === 'grant';
    if (!isGrant && input.reason === undefined)
      throw invalidField('reason', '不予审计应当说明理由', 'State the reasons for rejecting the application');
    const now = clock.now();
    const today = clock.today();
    let lotteryId: string | null = null;
    if (isGrant) {
      if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
      const roster = await auditRosterFor(tx, c.courtPath);
      if (roster.length === 0) {
        const message = bi('本院适用的审计机构名单为空', 'No audit institution serves this court');
        throw new AppError(ErrorCode.conflict, message, [
          {
            path: 'decision',
            message: bi(
              '请先由管理员录入审计机构名单',
              'Have the administrator list audit institutions first',
            ),
          },
        ]);
      }
      const seed = randomBytes(32).toString('hex');
      lotteryId = randomUUID();
      await tx.insert(auditLotteries).values({
        id: lotteryId,
        applicationId: a.id,
        roster,
        commitment: commitmentOf(seed),
        seed,
        committedAt: now,
      });
    }
    const [updated] = await tx
      .update(auditApplications)
      .set({
        state: isGrant ? 'granted' : 'rejected',
        decidedOn: today,
        decidedAt: now,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        decisionReason: input.reason ?? null,
      })
      .where(eq(auditApplications.id, a.id))
      .returning();
    if (!updated) throw new Error('the locked application vanished');
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: isGrant ? 'procedures.audit.grant' : 'procedures.audit.reject',
      objectType: 'case',
      objectId: c.id,
      detail: { applicationId: a.id, lotteryId, dueOn: a.dueOn, decidedOn: today },
    });
    return auditApplicationView(updated, lotteryId, today);
  });
}
