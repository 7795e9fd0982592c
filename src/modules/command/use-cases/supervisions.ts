import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, hasRole, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';

/**
 * Supervision (督办): a command centre or a leader of a higher court opens one on a case below it,
 * with its demands and a date to report by; the case team reports back; a supervision not reported
 * by its date is escalated (jobs/escalate-supervisions.ts) to the court's leader and the supervising centre.
 */
function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

export type SupervisionRow = {
  id: string;
  case_id: string;
  case_number: string;
  court_id: string;
  opened_by_name: string;
  opened_by_court_id: string;
  demands: string;
  opened_on: string;
  due_on: string;
  state: 'open' | 'reported' | 'closed';
  escalated_on: string | null;
};

export async function openSupervision(
  db: Db,
  actor: Actor,
  input: { caseId: string; demands: string; dueDate: string },
): Promise<{ id: string; state: 'open'; dueDate: string }> {
  const today = clock.today();
  if (compareIsoDates(input.dueDate, today) < 0)
    throw invalidField('dueDate', '报告期限不能早于今天', 'The due date may not be before today');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    if (!hasRole(actor, Role.commandCentre, Role.courtLeader) || actor.court.id === c.courtId)
      throw new AppError(
        ErrorCode.forbidden,
        bi(
          '督办由上级法院的执行指挥中心或院领导发起',
          'Supervision is opened by a command centre or leader of a higher court',
        ),
      );
    const id = randomUUID();
    await tx.execute(sql`insert into command.supervisions (id, case_id, case_number, court_id, court_path, opened_by,
        opened_by_name, opened_by_court_id, opened_by_court_path, demands, opened_on, due_on, state)
      values (${id}, ${c.id}, ${c.caseNumber}, ${c.courtId}, ${c.courtPath}, ${actor.userId}, ${actor.displayName},
        ${actor.court.id}, ${actor.court.path}, ${input.demands}, ${today}, ${input.dueDate}, 'open')`);
    const team = [c.team.judgeId, c.team.assistantId, c.team.clerkId].filter((u): u is string => u !== null);
    const leaders = await userIdsWithRole(tx, c.courtId, Role.courtLeader);
    await queueInApp(tx, {
      dedupeKey: `command.supervision:${id}`,
      userIds: [...team, ...leaders],
      title: `督办：${c.caseNumber}`,
      body: `${actor.court.name}督办${c.caseNumber}，请于${input.dueDate}前报告：${input.demands}`,
      kind: 'command.supervision',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.supervision.open',
      objectType: 'case',
      objectId: c.id,
      detail: { supervisionId: id, dueDate: input.dueDate },
    });
    return { id, state: 'open' as const, dueDate: input.dueDate };
  });
}

async function loadSupervision(tx: DbOrTx, id: string): Promise<SupervisionRow | null> {
  if (!isUuid(id)) return null;
  const [row] =
    await tx.execute<SupervisionRow>(sql`select id, case_id, case_number, court_id, opened_by_name,
      opened_by_court_id, demands, opened_on::text, due_on::text, state, escalated_on::text
    from command.supervisions where id = ${id} for update`);
  return row ?? null;
}

export async function reportOnSupervision(
  db: Db,
  actor: Actor,
  supervisionId: string,
  input: { text: string },
): Promise<{ id: string; supervisionId: string; reportedOn: string; isLate: boolean }> {
  return db.transaction(async (tx) => {
    const s = await loadSupervision(tx, supervisionId);
    if (!s) throw notFound('督办', 'Supervision');
    const c = await loadCaseContext(tx, actor, s.case_id).catch(() => {
      throw notFound('督办', 'Supervision');
    });
    if (!c.isTeamMember)
      throw new AppError(
        ErrorCode.forbidden,
        bi('仅本案执行团队可报告督办', "Only the case's team reports on a supervision"),
      );
    if (s.state === 'closed')
      throw new AppError(ErrorCode.conflict, bi('督办已办结', 'The supervision is closed'));
    const id = randomUUID();
    const today = clock.today();
    const isLate = compareIsoDates(today, s.due_on) > 0;
    await tx.execute(sql`insert into command.supervision_reports (id, supervision_id, text, reported_by, reported_by_name, reported_on, is_late)
      values (${id}, ${s.id}, ${input.text}, ${actor.userId}, ${actor.displayName}, ${today}, ${isLate})`);
    await tx.execute(sql`update command.supervisions set state = 'reported' where id = ${s.id}`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.supervision.report',
      objectType: 'case',
      objectId: c.id,
      detail: { supervisionId: s.id, isLate },
    });
    return { id, supervisionId: s.id, reportedOn: today, isLate };
  });
}

/** The supervision ledger (督办台账) of a court: on its cases and those below it, and those it opened. */
export async function listSupervisions(db: DbOrTx, scope: { path: string } | { caseId: string }) {
  const where =
    'caseId' in scope
      ? sql`s.case_id = ${scope.caseId}`
      : sql`s.court_path like ${`${scope.path}%`} or s.opened_by_court_path like ${`${scope.path}%`}`;
  const rows = await db.execute<
    SupervisionRow & {
      court_name: string | null;
      reports: { text: string; reportedOn: string; reportedBy: string; isLate: boolean }[];
    }
  >(sql`select s.id, s.case_id, s.case_number, s.court_id, s.opened_by_name, s.opened_by_court_id, s.demands,
      s.opened_on::text, s.due_on::text, s.state, s.escalated_on::text,
      coalesce((select json_agg(json_build_object('text', r.text, 'reportedOn', r.reported_on, 'reportedBy', r.reported_by_name,
        'isLate', r.is_late) order by r.created_at) from command.supervision_reports r where r.supervision_id = s.id), '[]') as reports
    from command.supervisions s
    where ${where}
    order by s.state = 'closed', s.due_on, s.id limit 500`);
  const today = clock.today();
  const items = rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtId: r.court_id,
    openedBy: r.opened_by_name,
    openedByCourtId: r.opened_by_court_id,
    demands: r.demands,
    openedOn: r.opened_on,
    dueDate: r.due_on,
    state: r.state,
    isOverdue: r.state === 'open' && compareIsoDates(today, r.due_on) > 0,
    escalatedOn: r.escalated_on,
    reports: r.reports,
  }));
  return {
    items,
    statistics: {
      total: items.length,
      open: items.filter((s) => s.state === 'open').length,
      reported: items.filter((s) => s.state === 'reported').length,
      overdue: items.filter((s) => s.isOverdue).length,
    },
  };
}

/** Escalates every open supervision whose date has passed, once each: the court's leaders and the opener's centre are told. */
export async function escalateOverdueSupervisions(db: Db): Promise<number> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const due = await tx.execute<SupervisionRow>(sql`update command.supervisions set escalated_on = ${today}
      where state = 'open' and escalated_on is null and due_on < ${today}
      returning id, case_id, case_number, court_id, opened_by_name, opened_by_court_id, demands, opened_on::text,
        due_on::text, state, escalated_on::text`);
    for (const s of due) {
      const leaders = await userIdsWithRole(tx, s.court_id, Role.courtLeader);
      const centre = await userIdsWithRole(tx, s.opened_by_court_id, Role.commandCentre);
      await queueInApp(tx, {
        dedupeKey: `command.supervision-escalated:${s.id}`,
        userIds: [...leaders, ...centre],
        title: `督办逾期：${s.case_number}`,
        body: `${s.case_number}的督办应于${s.due_on}前报告，至今未报告。`,
        kind: 'command.supervision-overdue',
        caseId: s.case_id,
        courtId: s.court_id,
      });
    }
    return due.length;
  });
}
