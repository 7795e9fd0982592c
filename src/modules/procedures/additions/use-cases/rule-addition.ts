import { eq } from 'drizzle-orm';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { appendAudit } from '../../../audit/index.ts';
import { joinRespondent, NodeKind } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import { recordTeamNode } from '../../use-cases/record-team-node.ts';
import type { TRulingInput } from '../contracts.ts';
import { assertCanRule } from '../policy.ts';
import {
  groundRules,
  hearingAtRuling,
  isRulingLate,
  type Objection,
  objectionOf,
  waiverAtRulingRecord,
} from '../rules/additions.ts';
import { respondentAdditions } from '../tables.ts';
import { assertUnderReview, auditActorOf, loadAdditionForChange } from './addition-store.ts';

export type Ruled = {
  id: string;
  state: 'added' | 'rejected';
  decision: 'add' | 'reject';
  ruledOn: string;
  isLate: boolean;
  objectionDueOn: string;
  objection: Objection;
  partyId: string | null;
};

/**
 * 变更、追加裁定 (变更追加规定 art. 28): the case judge — for the collegial panel — or a court leader
 * of the case's court rules. To add without a hearing on file is the panel's finding that the facts
 * are clear and undisputed: that waiver is recorded with the ruling. The party then joins the case as a respondent with its limit of liability,
 * in the same transaction (cases' joinRespondent). Either ruling opens its objection: review within
 * 10 days (art. 30) or, under arts. 17–21, a suit within 15 (art. 32), counted from service on the
 * day of the ruling. A ruling after the 60 days (and any extension) stands, recorded as late.
 * Once per application (409). Nothing is written on any refusal.
 */
export async function ruleOnAddition(
  db: Db,
  actor: Actor,
  additionId: string,
  input: TRulingInput,
): Promise<Ruled> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const { a, c } = await loadAdditionForChange(tx, actor, additionId);
    assertCanRule(actor, c);
    assertUnderReview(a);
    if (input.decision === 'add') {
      const hearing = hearingAtRuling(
        a.hearingHeldOn === null ? null : { heldOn: a.hearingHeldOn, isWaived: a.isHearingWaived ?? false },
        today,
      );
      if (hearing.isRecordedAtRuling)
        await tx
          .update(respondentAdditions)
          .set({
            hearingHeldOn: hearing.heldOn,
            hearingRecord: waiverAtRulingRecord,
            isHearingWaived: true,
            hearingRecordedAt: clock.now(),
            hearingRecordedBy: actor.userId,
            hearingRecordedByName: actor.displayName,
          })
          .where(eq(respondentAdditions.id, a.id));
    }
    const objection = objectionOf(a.ground, today);
    const isLate = isRulingLate(a.dueOn, today);
    const partyId =
      input.decision === 'add'
        ? (
            await joinRespondent(tx, {
              caseId: c.id,
              party: { kind: a.partyKind, name: a.partyName, idNumber: a.idNumber, creditCode: a.creditCode },
              liabilityLimitFen: a.limitFen,
              actor,
              note: `依${groundRules[a.ground].article}裁定`,
              sourceKey: `procedures.respondent-addition-party:${a.id}`,
            })
          ).partyId
        : null;
    const state = input.decision === 'add' ? 'added' : 'rejected';
    await tx
      .update(respondentAdditions)
      .set({
        state,
        decision: input.decision,
        reasons: input.reasons,
        ruledOn: today,
        ruledAt: clock.now(),
        ruledBy: actor.userId,
        ruledByName: actor.displayName,
        objectionKind: objection.kind,
        objectionDueOn: objection.dueOn,
        addedPartyId: partyId,
      })
      .where(eq(respondentAdditions.id, a.id));
    const verdict =
      input.decision === 'add' ? `裁定追加${a.partyName}为被执行人` : `裁定驳回追加${a.partyName}的申请`;
    await recordTeamNode(
      tx,
      actor,
      c,
      {
        kind: NodeKind.respondentAdditionRuled,
        note: `${verdict}（${groundRules[a.ground].article}）。${objection.label.zh}，至${objection.dueOn}`,
      },
      `procedures.respondent-addition-ruling:${a.id}`,
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: `procedures.respondent-addition.${input.decision}`,
      objectType: 'case',
      objectId: c.id,
      detail: {
        additionId: a.id,
        partyId,
        objectionKind: objection.kind,
        objectionDueOn: objection.dueOn,
        isLate,
      },
    });
    return {
      id: a.id,
      state,
      decision: input.decision,
      ruledOn: today,
      isLate,
      objectionDueOn: objection.dueOn,
      objection,
      partyId,
    };
  });
}
