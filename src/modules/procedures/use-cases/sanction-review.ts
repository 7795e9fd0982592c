import { and, eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import {
  checkReviewApplication,
  isReviewDecisionLate,
  reviewDecideBy,
  sanctionKindLabels,
} from '../rules/sanctions.ts';
import type { TReviewDecisionInput, TReviewInput } from '../sanction-contracts.ts';
import { assertHigherCourtOf, assertSanctionTeam } from '../sanction-policy.ts';
import {
  policeRequests,
  type ReviewOutcome,
  type SanctionStatus,
  sanctionReviews,
  sanctions,
} from '../sanction-tables.ts';
import { queuePoliceRequest } from './queue-police-request.ts';
import { auditActorOf, conflict, loadSanctionForChange, recordSanctionNode } from './sanction-store.ts';

/**
 * 申请复议 (CPL art. 119; CPL-I art. 185): the fined or detained may apply once to the higher court,
 * within 3 days of receiving the decision; the case team enters the application, which the court
 * passes up. Enforcement does not stop meanwhile: payments and custody go on. A second
 * application, a late one, or one against a referral is refused (409); nothing is written then.
 */
export async function applyForReview(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TReviewInput,
): Promise<{ id: string; applyBy: string; decideBy: string }> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    assertSanctionTeam(actor, c);
    if (s.kind === 'refusalReferral') throw conflict('移送公安机关不适用复议', 'A referral is not reviewed');
    if (s.status !== 'decided' || s.decidedOn === null)
      throw conflict('决定未生效或已撤销', 'The decision is not in force');
    const [earlier] = await tx
      .select({ id: sanctionReviews.sanctionId })
      .from(sanctionReviews)
      .where(eq(sanctionReviews.sanctionId, s.id));
    if (earlier) throw conflict('复议只能申请一次', 'Review may be applied for once only');
    const check = checkReviewApplication({ decidedOn: s.decidedOn, receivedOn: input.receivedOn, today });
    if (!check.ok) {
      if (check.code === 'late') throw conflict(check.reason.zh, check.reason.en);
      throw invalidField('receivedOn', check.reason.zh, check.reason.en);
    }
    const decideBy = reviewDecideBy(today);
    await tx.insert(sanctionReviews).values({
      sanctionId: s.id,
      caseId: c.id,
      receivedOn: input.receivedOn,
      appliedOn: today,
      decideBy,
      applicationNote: input.note?.trim() ?? '',
      appliedAt: clock.now(),
      appliedBy: actor.userId,
      appliedByName: actor.displayName,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.review-apply',
      objectType: 'case',
      objectId: c.id,
      detail: { sanctionId: s.id, receivedOn: input.receivedOn, decideBy },
    });
    return { id: s.id, applyBy: check.value.applyBy, decideBy };
  });
}

/**
 * 复议决定 (CPL art. 119; CPL-I art. 185): a judge or court leader of the next higher court upholds
 * or revokes the decision, due within 5 days of the application (a later decision is recorded as
 * late). Revoking a detention while the person is held sends public security an order to release
 * them; one admitted later is released as soon as public security answers. Once per review (409).
 */
export async function decideReview(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TReviewDecisionInput,
): Promise<{ id: string; outcome: ReviewOutcome; status: SanctionStatus; isDecisionLate: boolean }> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    await assertHigherCourtOf(tx, actor, c);
    const [review] = await tx
      .select()
      .from(sanctionReviews)
      .where(eq(sanctionReviews.sanctionId, s.id))
      .for('update');
    if (!review) throw conflict('未申请复议', 'No review was applied for');
    if (review.outcome !== null) throw conflict('复议已作出决定', 'The review is already decided');
    const isLate = isReviewDecisionLate(review.appliedOn, today);
    const note = input.note?.trim() || null;
    await tx
      .update(sanctionReviews)
      .set({
        outcome: input.outcome,
        decidedOn: today,
        decidedAt: clock.now(),
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        decidedByCourt: actor.court.name,
        decisionNote: note,
      })
      .where(eq(sanctionReviews.sanctionId, s.id));
    let status: SanctionStatus = s.status;
    if (input.outcome === 'revoked') {
      status = 'revoked';
      await tx.update(sanctions).set({ status }).where(eq(sanctions.id, s.id));
      const isHeld =
        s.custodyState === 'admitted' &&
        s.custodyEndOn !== null &&
        compareIsoDates(today, s.custodyEndOn) <= 0 &&
        s.releaseDecidedAt === null;
      if (isHeld) {
        const [detention] = await tx
          .select({ id: policeRequests.id })
          .from(policeRequests)
          .where(and(eq(policeRequests.sanctionId, s.id), eq(policeRequests.kind, 'detention')));
        if (detention) {
          await tx
            .update(sanctions)
            .set({
              releaseDecidedAt: clock.now(),
              releaseDecidedBy: actor.userId,
              releaseDecidedByName: actor.displayName,
              releaseNote: '上级法院复议撤销拘留决定',
            })
            .where(eq(sanctions.id, s.id));
          await queuePoliceRequest(tx, {
            sanctionId: s.id,
            kind: 'release',
            body: {
              detentionRequestId: detention.id,
              court: actor.court.name,
              reason: '上级法院复议撤销拘留决定',
              decidedOn: today,
            },
          });
        }
      }
    }
    const verdict = input.outcome === 'upheld' ? '维持' : '撤销';
    await recordSanctionNode(
      tx,
      c,
      {
        kind: NodeKind.other,
        note: `${actor.court.name}复议决定：${verdict}${sanctionKindLabels[s.kind].zh}决定${s.decisionNumber ?? ''}`,
        sourceKey: `procedures.sanction-review:${s.id}`,
      },
      { isRequired: false },
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.review-decide',
      objectType: 'case',
      objectId: c.id,
      detail: { sanctionId: s.id, outcome: input.outcome, isDecisionLate: isLate },
    });
    return { id: s.id, outcome: input.outcome, status, isDecisionLate: isLate };
  });
}
