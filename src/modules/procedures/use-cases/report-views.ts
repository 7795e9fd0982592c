import { chinaDateOf, compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { CaseAccess } from '../../disclosure/index.ts';
import type { Actor } from '../../identity/index.ts';
import { listRespondentAssets } from '../../inquiry/index.ts';
import type { TTeamObligationList } from '../report-contracts.ts';
import {
  changeReportDays,
  changesSince,
  compareReport,
  type Difference,
  lateChanges,
  obligationStatusOn,
  proposalsFor,
  reportPeriodDays,
} from '../rules/property-report.ts';
import { reportItems } from './report-items.ts';
import { type ObligationRow, obligationsOfCase, type ReportRow, reportsOf } from './report-obligations.ts';
import { auditActorOf } from './settlement-store.ts';

function itemsOf(reports: readonly ReportRow[]) {
  return reports
    .flatMap((r) => reportItems(r.items))
    .map((i) => ({
      kind: i.kind,
      description: i.description,
      institution: i.institution ?? null,
      identifier: i.identifier ?? null,
      valueFen: i.valueFen ?? null,
      changedOn: i.changedOn ?? null,
    }));
}

/** The obligation and its reports, as both the respondent and the team see them. */
function baseView(o: ObligationRow, reports: readonly ReportRow[], caseNumber: string, today: string) {
  const firstReportedOn = o.firstReportedAt ? chinaDateOf(o.firstReportedAt) : null;
  return {
    id: o.id,
    caseId: o.caseId,
    caseNumber,
    respondentPartyId: o.respondentPartyId,
    respondentName: o.respondentName,
    orderedOn: o.orderedOn,
    dueOn: o.dueOn,
    changesSince: changesSince(o.orderedOn),
    status: obligationStatusOn({ dueOn: o.dueOn, firstReportedOn, isRefused: o.refusedAt !== null }, today),
    reportedAt: o.firstReportedAt?.toISOString() ?? null,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      source: r.source,
      reportedAt: r.reportedAt.toISOString(),
      reportedBy: r.reportedByName,
      items: itemsOf([r]),
      changesSinceOneYearBefore: r.changesSinceOneYearBefore,
    })),
  };
}

/**
 * The property reports of a case for the court (财产调查规定 art. 10: the court verifies them):
 * each obligation with every item reported, compared with what the online inquiry found for that
 * respondent, and the fine, detention and dishonest listing a breach calls for. Compared afresh at
 * each read, so a later inquiry's findings show at once. The read of personal data is audited.
 */
export async function listCaseReports(
  db: Db,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<TTeamObligationList> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const today = clock.today();
    const obligations = await obligationsOfCase(tx, c.id);
    const reports = await reportsOf(
      tx,
      obligations.map((o) => o.id),
    );
    const items: TTeamObligationList['items'] = [];
    for (const o of obligations) {
      const own = reports.get(o.id) ?? [];
      const base = baseView(o, own, c.caseNumber, today);
      const [first] = own;
      let differences: Difference[] = [];
      // Before any report there is nothing to compare: the breach is the silence itself.
      if (first) {
        const found = await listRespondentAssets(tx, c.id, o.respondentPartyId);
        differences = [
          ...compareReport(
            own.flatMap((r) => reportItems(r.items)),
            found,
          ),
          ...own
            .filter((r) => r.kind === 'supplement')
            .flatMap((r) => lateChanges(reportItems(r.items), chinaDateOf(r.reportedAt))),
        ];
      }
      items.push({
        ...base,
        source: first?.source ?? null,
        items: itemsOf(own),
        isReportedLate: first !== undefined && compareIsoDates(chinaDateOf(first.reportedAt), o.dueOn) > 0,
        refusedAt: o.refusedAt?.toISOString() ?? null,
        refusalNote: o.refusalNote,
        differences,
        proposals: proposalsFor(base.status, differences, c.id),
      });
    }
    if (obligations.length > 0) {
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: 'procedures.property-report.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
        detail: { obligations: obligations.length, isTeamMember: c.isTeamMember },
      });
    }
    return { items };
  });
}

/** The respondent's own obligations on the case and the reports filed (never the comparison). */
export async function listOwnObligations(db: Db, access: CaseAccess) {
  const seats = access.seats.filter((s) => s.role === 'respondent');
  if (seats.length === 0) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有被执行人报告财产', 'Only the respondent reports property'),
    );
  }
  const today = clock.today();
  const obligations = await obligationsOfCase(
    db,
    access.caseId,
    seats.map((s) => s.partyId),
  );
  const reports = await reportsOf(
    db,
    obligations.map((o) => o.id),
  );
  return {
    items: obligations.map((o) => baseView(o, reports.get(o.id) ?? [], access.caseNumber, today)),
    rules: { reportPeriodDays, changeReportDays },
  };
}
