import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAidApplication } from '../aid-contracts.ts';
import { assertAidJudge } from '../aid-policy.ts';
import { judicialAid } from '../aid-tables.ts';
import { checkApplicant, decisionDueOn } from '../rules/judicial-aid.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 司法救助 (意见 2016; 办理程序规定 2019): the case judge files an aid application for an applicant
 * of the case who cannot recover and has fallen into hardship; the aid case is filed today and is
 * to be decided within 10 working days *(practice)*. One aid per party per case (意见: 一次性救助):
 * a pending, approved or paid one refuses another (409). An organisation, or a case with nothing
 * outstanding, refuses (400 naming the applicant). The case may be open or closed (终本 cases are
 * the usual ones). Nothing is written on any refusal.
 */
export async function applyJudicialAid(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TAidApplication,
): Promise<{ id: string; decisionDueOn: string }> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertAidJudge(actor, c);
    const applicant = c.applicants.find((p) => p.id === input.applicantPartyId);
    if (!applicant) {
      throw invalidField('applicantPartyId', '不是本案申请执行人', 'Not an applicant of this case');
    }
    const eligible = checkApplicant(applicant.kind, c.claimAmountFen - c.recoveredFen);
    if (!eligible.ok) throw invalidField(eligible.path, eligible.zh, eligible.en);
    const [earlier] = await tx
      .select({ id: judicialAid.id })
      .from(judicialAid)
      .where(
        and(
          eq(judicialAid.caseId, c.id),
          eq(judicialAid.applicantPartyId, applicant.id),
          ne(judicialAid.status, 'rejected'),
        ),
      );
    if (earlier) {
      throw conflict(
        '同一案件的同一当事人只救助一次，该申请执行人已有救助申请',
        'One aid per party per case: the applicant already has an aid application',
      );
    }
    const id = randomUUID();
    const due = decisionDueOn(today);
    await tx.insert(judicialAid).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      applicantPartyId: applicant.id,
      applicantName: applicant.name,
      reason: input.reason,
      hardshipFacts: input.hardshipFacts,
      requestedFen: input.requestedAmountFen,
      filedOn: today,
      decisionDueOn: due,
      createdAt: clock.now(),
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.judicial-aid.apply',
      objectType: 'case',
      objectId: c.id,
      detail: { aidId: id, applicantPartyId: applicant.id, requestedFen: input.requestedAmountFen },
    });
    return { id, decisionDueOn: due };
  });
}
