import { randomUUID } from 'node:crypto';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, Role, requireRole, systemActorFor, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { replyDueOn } from '../rules/supervision.ts';
import type { TRecommendation, TRecommendationInput } from '../supervision-contracts.ts';
import { recommendations } from '../supervision-tables.ts';
import { auditActorOf } from './settlement-store.ts';
import { loadProcuratorateSupervision, recommendationView } from './supervision-store.ts';

/**
 * 检察建议 (监督规定 (2016) art. 13): a procurator of the supervising procuratorate sends a
 * recommendation on the case; the court receives it the day it is sent and owes a written reply
 * within 3 months. The case judge and the court's leaders are told in their inbox. A case not under
 * the procuratorate's supervision does not exist for the procurator (404).
 */
export async function sendRecommendation(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TRecommendationInput,
): Promise<TRecommendation> {
  requireRole(actor, Role.procurator);
  return db.transaction(async (tx) => {
    const s = await loadProcuratorateSupervision(tx, caseId, actor.court.id, { forUpdate: true });
    const today = clock.today();
    if (compareIsoDates(input.issuedOn, today) > 0) {
      throw invalidField(
        'issuedOn',
        '检察建议书日期不能晚于今天',
        'The recommendation cannot be dated in the future',
      );
    }
    const court = await systemActorFor(tx, s.courtId);
    if (!court) throw new Error(`the court of supervised case ${s.caseId} is missing`);
    const c = await loadCaseContext(tx, court, s.caseId);
    const id = randomUUID();
    const [row] = await tx
      .insert(recommendations)
      .values({
        id,
        supervisionId: s.id,
        caseId: s.caseId,
        documentNumber: input.documentNumber ?? null,
        text: input.text,
        issuedOn: input.issuedOn,
        receivedOn: today,
        replyDueOn: replyDueOn(today),
        sentAt: clock.now(),
        sentBy: actor.userId,
        sentByName: actor.displayName,
      })
      .returning();
    if (!row) throw new Error('the recommendation was not inserted');
    const leaders = await userIdsWithRole(tx, s.courtId, Role.courtLeader);
    await queueInApp(tx, {
      dedupeKey: `procedures.recommendation:${id}`,
      userIds: [...(c.team.judgeId ? [c.team.judgeId] : []), ...leaders],
      title: `${s.caseNumber} 收到检察建议`,
      body: `${s.procuratorateName}就${s.caseNumber}提出检察建议，请于${row.replyDueOn}前书面回复。`,
      kind: 'procedures.recommendationReceived',
      caseId: s.caseId,
      courtId: s.courtId,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.supervision.recommend',
      objectType: 'case',
      objectId: s.caseId,
      detail: { supervisionId: s.id, recommendationId: id, replyDueOn: row.replyDueOn },
    });
    return recommendationView(row, today);
  });
}
