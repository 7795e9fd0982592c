import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAuditApplication, TAuditApplicationInput } from '../audit-contracts.ts';
import { assertAuditRecorder } from '../audit-policy.ts';
import { auditApplications } from '../audit-tables.ts';
import { auditDecisionDueOn, auditRespondentProblem } from '../rules/audit-search.ts';
import { auditApplicationView } from './audit-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 申请审计 (财产调查规定 art. 17): the applicant applies in writing for an audit of a respondent that is
 * a legal person or an organisation; the team records the application with the day it arrived, and
 * the judge decides within 10 days of that day. One undecided application per respondent at a time;
 * a closed case refuses (409). Nothing is written on any refusal.
 */
export async function recordAuditApplication(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TAuditApplicationInput,
): Promise<TAuditApplication> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertAuditRecorder(actor, c);
    const applicant = c.applicants.find((p) => p.id === input.applicantPartyId);
    if (!applicant)
      throw invalidField('applicantPartyId', '不是本案申请执行人', 'Not an applicant of this case');
    const respondent = c.respondents.find((p) => p.id === input.respondentPartyId);
    if (!respondent)
      throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
    const problem = auditRespondentProblem(respondent.kind);
    if (problem) throw invalidField('respondentPartyId', problem.zh, problem.en);
    const today = clock.today();
    if (compareIsoDates(input.receivedOn, today) > 0)
      throw invalidField(
        'receivedOn',
        '收到申请的日期不能晚于今天',
        'The application cannot arrive in the future',
      );
    if (compareIsoDates(input.receivedOn, c.filedOn) < 0)
      throw invalidField(
        'receivedOn',
        '收到申请的日期不能早于立案日期',
        'The application cannot precede the filing',
      );
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const [pending] = await tx
      .select({ id: auditApplications.id })
      .from(auditApplications)
      .where(
        and(
          eq(auditApplications.caseId, c.id),
          eq(auditApplications.respondentPartyId, respondent.id),
          eq(auditApplications.state, 'pending'),
        ),
      );
    if (pending)
      throw conflict(
        '对该被执行人的审计申请尚待决定',
        'An application to audit this respondent awaits a decision',
      );
    const id = randomUUID();
    const [row] = await tx
      .insert(auditApplications)
      .values({
        id,
        caseId: c.id,
        courtId: c.courtId,
        caseNumber: c.caseNumber,
        applicantPartyId: applicant.id,
        applicantName: applicant.name,
        respondentPartyId: respondent.id,
        respondentName: respondent.name,
        ground: input.ground,
        reason: input.reason,
        receivedOn: input.receivedOn,
        dueOn: auditDecisionDueOn(input.receivedOn),
        recordedAt: clock.now(),
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      })
      .returning();
    if (!row) throw new Error('the audit application was not inserted');
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.audit.apply',
      objectType: 'case',
      objectId: c.id,
      detail: { applicationId: id, respondentPartyId: respondent.id, dueOn: row.dueOn },
    });
    return auditApplicationView(row, null, today);
  });
}
