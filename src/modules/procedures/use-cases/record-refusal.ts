import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assertReportTeam } from '../policy.ts';
import type { TRefusalInput } from '../report-contracts.ts';
import { reportObligations } from '../tables.ts';
import { latestObligation } from './report-obligations.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * The respondent refuses to report (CPL art. 252): the team records it, with what happened, on
 * the latest order's obligation. A report already in refuses the record (409); should the
 * respondent report after all, the report stands and the refusal stays on record.
 */
export async function recordRefusal(db: Db, actor: Actor, caseId: string, input: TRefusalInput) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertReportTeam(actor, c);
    if (!c.respondents.some((r) => r.id === input.respondentPartyId)) {
      throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
    }
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const o = await latestObligation(tx, c.id, [input.respondentPartyId], { forUpdate: true });
    if (!o)
      throw conflict(
        '本案尚未对该被执行人发出报告财产令',
        'No property report order was issued to this respondent',
      );
    if (o.status === 'reported') throw conflict('被执行人已报告财产', 'The respondent has reported');
    if (o.status === 'refused') throw conflict('已记录拒绝报告', 'The refusal is already recorded');
    const now = clock.now();
    await tx
      .update(reportObligations)
      .set({
        status: 'refused',
        refusedAt: now,
        refusedBy: actor.userId,
        refusedByName: actor.displayName,
        refusalNote: input.note,
      })
      .where(eq(reportObligations.id, o.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.property-report.refusal',
      objectType: 'case',
      objectId: c.id,
      detail: { obligationId: o.id, respondentPartyId: o.respondentPartyId },
    });
    return { id: o.id, status: 'refused' as const, refusedAt: now.toISOString() };
  });
}
