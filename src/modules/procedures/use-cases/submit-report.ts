import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, Tx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { CaseAccess, PortalUser } from '../../disclosure/index.ts';
import { type Actor, systemActorFor } from '../../identity/index.ts';
import { listRespondentAssets } from '../../inquiry/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { assertReportTeam } from '../policy.ts';
import type { TPaperReportInput, TPortalReportInput } from '../report-contracts.ts';
import { compareReport, lateChanges } from '../rules/property-report.ts';
import { propertyReports, reportObligations, type StoredReportItem } from '../tables.ts';
import { reportItems } from './report-items.ts';
import { latestObligation, type ObligationRow, reportsOf } from './report-obligations.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

type Reporter = {
  source: 'portal' | 'paper';
  kind: 'respondent' | 'lawyer' | 'court';
  name: string;
  id: string;
  /** The court user who entered a paper report (the portal's reporters are no court user). */
  actor: Actor | null;
};

type ReportInput = Pick<TPortalReportInput, 'items' | 'changesSinceOneYearBefore'>;

function storedItems(input: ReportInput): StoredReportItem[] {
  return input.items.map((i) => ({
    kind: i.kind,
    description: i.description,
    institution: i.institution?.trim() || null,
    identifier: i.identifier?.trim() || null,
    valueFen: i.valueFen ?? null,
    changedOn: i.changedOn ?? null,
  }));
}

/** A change cannot be dated in the future; a supplement reports changes, each with its date. */
function checkItems(input: ReportInput, today: string, isSupplement: boolean): void {
  if (isSupplement && input.items.length === 0) {
    throw invalidField('items', '补充报告应列明变动的财产', 'A supplement lists the property that changed');
  }
  for (const [i, item] of input.items.entries()) {
    if (item.changedOn && compareIsoDates(item.changedOn, today) > 0) {
      throw invalidField(
        `items.${i}.changedOn`,
        '变动日期不能晚于今天',
        'A change cannot be dated in the future',
      );
    }
    if (isSupplement && !item.changedOn) {
      throw invalidField(
        `items.${i}.changedOn`,
        '补充报告应写明财产变动日期（变动之日起10日内报告）',
        'A supplement dates each change (reported within 10 days of it)',
      );
    }
  }
}

/**
 * Files a report on the obligation: the first is the report (the obligation is then reported),
 * any later one a supplement of a change (财产调查规定 art. 9: within 10 days of it). The team is
 * told in-app, with how the report compares with what the online inquiry found.
 */
async function fileReport(
  tx: Tx,
  c: CaseContext,
  o: ObligationRow,
  reporter: Reporter,
  input: ReportInput,
): Promise<{ id: string; obligationId: string; kind: 'initial' | 'supplement'; reportedAt: string }> {
  const now = clock.now();
  const today = clock.today();
  const isSupplement = o.firstReportedAt !== null;
  checkItems(input, today, isSupplement);
  const id = randomUUID();
  const items = storedItems(input);
  const kind = isSupplement ? ('supplement' as const) : ('initial' as const);
  await tx.insert(propertyReports).values({
    id,
    obligationId: o.id,
    caseId: o.caseId,
    kind,
    source: reporter.source,
    items,
    changesSinceOneYearBefore: input.changesSinceOneYearBefore,
    reportedAt: now,
    reportedByKind: reporter.kind,
    reportedByName: reporter.name,
    reportedById: reporter.id,
  });
  if (!isSupplement) {
    await tx
      .update(reportObligations)
      .set({ status: 'reported', firstReportedAt: now })
      .where(eq(reportObligations.id, o.id));
  }
  const all = ((await reportsOf(tx, [o.id])).get(o.id) ?? []).flatMap((r) => reportItems(r.items));
  const found = await listRespondentAssets(tx, o.caseId, o.respondentPartyId);
  const differences = [
    ...compareReport(all, found),
    ...(isSupplement ? lateChanges(reportItems(items), today) : []),
  ];
  const concealed = differences.filter((d) => d.code === 'notReported').length;
  const team = [c.team.judgeId, c.team.assistantId].filter((u): u is string => u !== null);
  await queueInApp(tx, {
    dedupeKey: `procedures.report:${id}`,
    userIds: team,
    title: `${c.caseNumber} ${o.respondentName}${isSupplement ? '补充报告财产' : '已报告财产'}`,
    body:
      `共${items.length}项财产。与网络查控结果比对：${differences.length}处差异` +
      (concealed > 0 ? `，其中${concealed}项查控发现但未报告。` : '。'),
    kind: 'procedures.propertyReported',
    caseId: c.id,
    courtId: c.courtId,
  });
  await appendAudit(tx, {
    actor: reporter.actor ? auditActorOf(reporter.actor) : null,
    action: 'procedures.property-report.file',
    objectType: 'case',
    objectId: c.id,
    detail: { obligationId: o.id, reportId: id, kind, source: reporter.source, items: items.length },
  });
  return { id, obligationId: o.id, kind, reportedAt: now.toISOString() };
}

function forbidden(zh: string, en: string): AppError {
  return new AppError(ErrorCode.forbidden, bi(zh, en));
}

function noOrder(): AppError {
  return conflict(
    '本案尚未对该被执行人发出报告财产令',
    'No property report order was issued to this respondent',
  );
}

/** The respondent (or their lawyer) reports through the portal; only a respondent's seat may. */
export async function submitPortalReport(
  db: Db,
  user: PortalUser,
  access: CaseAccess,
  input: TPortalReportInput,
) {
  const seats = access.seats.filter((s) => s.role === 'respondent');
  if (seats.length === 0) {
    throw forbidden('只有被执行人可以报告财产', 'Only the respondent reports property');
  }
  return db.transaction(async (tx) => {
    const system = await systemActorFor(tx, access.courtId);
    if (!system) throw noOrder();
    const c = await loadCaseContext(tx, system, access.caseId, { forUpdate: true });
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const o = await latestObligation(
      tx,
      c.id,
      seats.map((s) => s.partyId),
      { forUpdate: true },
    );
    if (!o) throw noOrder();
    const reporter: Reporter =
      user.kind === 'lawyer'
        ? { source: 'portal', kind: 'lawyer', name: user.name, id: user.lawyerId, actor: null }
        : { source: 'portal', kind: 'respondent', name: user.name, id: user.identifier, actor: null };
    return fileReport(tx, c, o, reporter, input);
  });
}

/** The team enters a report the respondent filed on paper. */
export async function submitPaperReport(db: Db, actor: Actor, caseId: string, input: TPaperReportInput) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertReportTeam(actor, c);
    if (!c.respondents.some((r) => r.id === input.respondentPartyId)) {
      throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
    }
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const o = await latestObligation(tx, c.id, [input.respondentPartyId], { forUpdate: true });
    if (!o) throw noOrder();
    return fileReport(
      tx,
      c,
      o,
      { source: 'paper', kind: 'court', name: actor.displayName, id: actor.userId, actor },
      input,
    );
  });
}
