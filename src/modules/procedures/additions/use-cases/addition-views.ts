import { asc, eq, inArray } from 'drizzle-orm';
import { type Bilingual, compareIsoDates, maskIdNumber } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { appendAudit } from '../../../audit/index.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import type { TAddition } from '../contracts.ts';
import { groundRules, isRulingLate, objectionOf } from '../rules/additions.ts';
import { type AdditionState, additionExtensions, respondentAdditions } from '../tables.ts';
import { type AdditionRow, auditActorOf } from './addition-store.ts';

const stateLabels: Readonly<Record<AdditionState, Bilingual>> = {
  underReview: { zh: '审查中', en: 'Under review' },
  added: { zh: '已裁定追加', en: 'Added by ruling' },
  rejected: { zh: '已裁定驳回', en: 'Rejected by ruling' },
};

type ExtensionRow = typeof additionExtensions.$inferSelect;

function rulingOf(a: AdditionRow): TAddition['ruling'] {
  if (a.decision === null || a.ruledOn === null) return null;
  return {
    decision: a.decision,
    reasons: a.reasons ?? '',
    ruledOn: a.ruledOn,
    ruledBy: a.ruledByName ?? '',
    isLate: isRulingLate(a.dueOn, a.ruledOn),
    objection: objectionOf(a.ground, a.ruledOn),
    partyId: a.addedPartyId,
  };
}

function viewOf(
  a: AdditionRow,
  extensions: ExtensionRow[],
  opts: { today: string; isTeamMember: boolean },
): TAddition {
  const rule = groundRules[a.ground];
  return {
    id: a.id,
    caseId: a.caseId,
    state: a.state,
    stateLabel: stateLabels[a.state],
    ground: a.ground,
    groundLabel: rule.label,
    article: rule.article,
    party: {
      kind: a.partyKind,
      name: a.partyName,
      idNumber: a.idNumber === null || opts.isTeamMember ? a.idNumber : maskIdNumber(a.idNumber),
      creditCode: a.creditCode,
    },
    limitFen: a.limitFen,
    facts: a.facts,
    appliedVia: a.appliedVia,
    appliedOn: a.appliedOn,
    appliedBy: a.appliedByName,
    dueOn: a.dueOn,
    isOverdue: a.state === 'underReview' && compareIsoDates(opts.today, a.dueOn) > 0,
    hearing:
      a.hearingHeldOn === null || a.hearingRecordedAt === null
        ? null
        : {
            heldOn: a.hearingHeldOn,
            record: a.hearingRecord ?? '',
            isWaived: a.isHearingWaived ?? false,
            recordedBy: a.hearingRecordedByName ?? '',
            recordedAt: a.hearingRecordedAt.toISOString(),
          },
    extensions: extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      approvedOn: e.approvedOn,
      approvedBy: e.approvedByName,
      dueOnAfter: e.dueOnAfter,
    })),
    ruling: rulingOf(a),
  };
}

/**
 * The applications to add respondents to a case, for everyone who sees it (ID numbers masked
 * outside the case team; the team's read audited with its purpose): ground and article, the party
 * and its limit, the 60 days and their extensions, the hearing, the ruling and its objection.
 */
export async function listCaseAdditions(
  db: Db,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<{ items: TAddition[] }> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const today = clock.today();
    const rows = await tx
      .select()
      .from(respondentAdditions)
      .where(eq(respondentAdditions.caseId, c.id))
      .orderBy(asc(respondentAdditions.appliedAt), asc(respondentAdditions.id));
    const ids = rows.map((r) => r.id);
    const extensions =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(additionExtensions)
            .where(inArray(additionExtensions.additionId, ids))
            .orderBy(asc(additionExtensions.approvedAt));
    if (c.isTeamMember && rows.some((r) => r.idNumber !== null)) {
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: 'procedures.respondent-addition.personal-data.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
      });
    }
    return {
      items: rows.map((a) =>
        viewOf(
          a,
          extensions.filter((e) => e.additionId === a.id),
          { today, isTeamMember: c.isTeamMember },
        ),
      ),
    };
  });
}
