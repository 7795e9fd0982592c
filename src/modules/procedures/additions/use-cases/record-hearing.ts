import { eq } from 'drizzle-orm';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { invalidField } from '../../../../platform/errors.ts';
import { appendAudit } from '../../../audit/index.ts';
import { NodeKind } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import { recordTeamNode } from '../../use-cases/record-team-node.ts';
import type { THearingInput } from '../contracts.ts';
import { assertAdditionTeam } from '../policy.ts';
import { checkHearingDate } from '../rules/additions.ts';
import { respondentAdditions } from '../tables.ts';
import { assertUnderReview, auditActorOf, conflict, loadAdditionForChange } from './addition-store.ts';

/**
 * 听证 (变更追加规定 art. 28): the case team records the collegial panel's public hearing — or,
 * with `isWaived`, its finding that the facts are clear and undisputed so that none is held. Once
 * per application, before the ruling (409 otherwise). The timeline gets "变更、追加被执行人听证" (not
 * 合议庭审查, which the 终本 checklist reads).
 */
export async function recordHearing(
  db: Db,
  actor: Actor,
  additionId: string,
  input: THearingInput,
): Promise<{ id: string; heldOn: string; isWaived: boolean }> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const { a, c } = await loadAdditionForChange(tx, actor, additionId);
    assertAdditionTeam(actor, c);
    assertUnderReview(a);
    if (a.hearingHeldOn !== null) throw conflict('已记录听证', 'The hearing is already recorded');
    const date = checkHearingDate(input.heldOn, a.appliedOn, today);
    if (!date.ok) throw invalidField('heldOn', date.reason.zh, date.reason.en);
    const isWaived = input.isWaived ?? false;
    await tx
      .update(respondentAdditions)
      .set({
        hearingHeldOn: input.heldOn,
        hearingRecord: input.record,
        isHearingWaived: isWaived,
        hearingRecordedAt: clock.now(),
        hearingRecordedBy: actor.userId,
        hearingRecordedByName: actor.displayName,
      })
      .where(eq(respondentAdditions.id, a.id));
    const what = isWaived ? '事实清楚、权利义务关系明确、争议不大，不经听证' : '公开听证';
    await recordTeamNode(
      tx,
      actor,
      c,
      {
        kind: NodeKind.respondentAdditionHeard,
        note: `合议庭审查追加${a.partyName}为被执行人的申请：${what}`,
        occurredOn: input.heldOn,
      },
      `procedures.respondent-addition-hearing:${a.id}`,
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.respondent-addition.hearing',
      objectType: 'case',
      objectId: c.id,
      detail: { additionId: a.id, heldOn: input.heldOn, isWaived },
    });
    return { id: a.id, heldOn: input.heldOn, isWaived };
  });
}
