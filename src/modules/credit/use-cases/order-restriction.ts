import { and, eq } from 'drizzle-orm';
import { ageOn } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, loadCaseNodes, NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { auditActorOf, recordChanges } from '../credit-store.ts';
import { assertCanPropose } from '../policy.ts';
import type { RestrictedBehaviour } from '../rules/consumption.ts';
import { ageOfMajority } from '../rules/grounds.ts';
import { restrictions } from '../tables.ts';
import { findRespondent } from './case-parties.ts';
import { type BoundPersonInput, cleanBoundPersons, issueRestriction } from './issue-restriction.ts';

/**
 * 限消规定 art. 1: a consumption restriction may be ordered once the debtor has not paid within the
 * period of the enforcement notice. Refused for a debtor who has performed, for a minor, or in a
 * closed case; when one is already in force in the case, that one is returned.
 */
export async function orderRestriction(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { respondentId: string; behaviours?: RestrictedBehaviour[]; boundPersons?: BoundPersonInput[] },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanPropose(actor, c);
    const respondent = findRespondent(c, input.respondentId);
    const boundPersons = cleanBoundPersons(respondent, input.boundPersons, today);
    const reasons: { path: string; message: string }[] = [];
    if (c.status === 'closed')
      reasons.push({ path: 'caseId', message: bi('案件已结案', 'The case is closed') });
    if (c.recoveredFen >= c.claimAmountFen) {
      reasons.push({
        path: 'respondentId',
        message: bi('被执行人已履行全部义务', 'The debtor has performed in full'),
      });
    }
    // 限消规定 art. 1 presupposes the notice's period has run; a notice served before it was recorded still counts, so it is noted, not required
    const nodes = await loadCaseNodes(tx, c.id);
    const isNoticeRecorded = nodes.some((n) => n.kind === NodeKind.enforcementNoticeSent);
    if (
      respondent.kind === 'natural' &&
      respondent.idNumber &&
      ageOn(respondent.idNumber, today) < ageOfMajority
    ) {
      reasons.push({
        path: 'respondentId',
        message: bi('被执行人为未成年人，不得限制消费', 'The debtor is a minor'),
      });
    }
    if (reasons.length > 0) {
      throw new AppError(
        ErrorCode.preconditionFailed,
        reasons[0]?.message ?? bi('条件不满足', 'Preconditions not met'),
        reasons,
      );
    }
    const [active] = await tx
      .select({ id: restrictions.id })
      .from(restrictions)
      .where(
        and(
          eq(restrictions.caseId, c.id),
          eq(restrictions.respondentPartyId, respondent.id),
          eq(restrictions.state, 'active'),
        ),
      );
    // Ordering again while one is in force changes nothing: the order in force is the answer.
    if (active) return { id: active.id, state: 'active' as const, isExisting: true };
    const issued = await issueRestriction(tx, {
      c,
      respondent,
      behaviours: input.behaviours,
      boundPersons,
      orderedBy: actor,
      signerName: '（院长签发）',
      today,
      entryId: null,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.restriction.order',
      objectType: 'consumptionRestriction',
      objectId: issued.id,
      detail: {
        caseId: c.id,
        respondentPartyId: respondent.id,
        boundPersons: boundPersons.length,
        isNoticeRecorded,
      },
    });
    await recordChanges(tx, issued.changes);
    return { id: issued.id, state: 'active' as const, isExisting: false };
  });
}
