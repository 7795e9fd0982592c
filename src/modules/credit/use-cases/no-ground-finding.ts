import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { auditActorOf } from '../credit-store.ts';
import { assertCanDecide } from '../policy.ts';
import { noGroundFindings } from '../tables.ts';
import { findRespondent } from './case-parties.ts';

/** 终本规定 art. 1(2): the judge records that no ground of 失信规定 art. 1 applies to a respondent. */
export async function recordNoGroundFinding(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { respondentId: string; reason: string },
) {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertCanDecide(actor, c);
    const respondent = findRespondent(c, input.respondentId);
    await tx
      .insert(noGroundFindings)
      .values({
        caseId: c.id,
        respondentPartyId: respondent.id,
        reason: input.reason,
        recordedBy: actor.userId,
        recordedOn: today,
      })
      .onConflictDoUpdate({
        target: [noGroundFindings.caseId, noGroundFindings.respondentPartyId],
        set: { reason: input.reason, recordedBy: actor.userId, recordedOn: today },
      });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.no-ground.record',
      objectType: 'case',
      objectId: c.id,
      detail: { respondentPartyId: respondent.id },
    });
    return { caseId: c.id, respondentId: respondent.id, recordedOn: today };
  });
}
