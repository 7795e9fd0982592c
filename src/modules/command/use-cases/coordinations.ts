import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CaseType } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, numberCase } from '../../cases/index.ts';
import { type Actor, getCourt, isInScope, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { requireAnyRole, supervisors } from '../policy.ts';
import { commonCourtId, resolveCourt } from './courts.ts';

/**
 * Coordination cases (执协): a court reports a dispute with another court on a case (who seals
 * first, whose seizure ranks, who pays out) up to the court above both; it gets its own 执协 case
 * number there; both courts put their evidence online; the coordinating court's command centre or
 * leader decides; both courts report how they followed it. Only the three courts (and those above
 * them) see it.
 */
type CoordinationRow = {
  id: string;
  case_number: string;
  subject_case_id: string;
  subject_case_number: string;
  reporting_court_id: string;
  reporting_court_path: string;
  other_court_id: string;
  other_court_path: string;
  coordinating_court_id: string;
  coordinating_court_path: string;
  issue: string;
  state: 'reported' | 'decided';
  decision: string | null;
  decided_on: string | null;
  decided_by_name: string | null;
  reported_by_name: string;
  reported_on: string;
};

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

function isParty(actor: Actor, c: CoordinationRow): boolean {
  return isInScope(actor, c.reporting_court_path) || isInScope(actor, c.other_court_path);
}

async function load(tx: DbOrTx, id: string, forUpdate = false): Promise<CoordinationRow | null> {
  if (!isUuid(id)) return null;
  const [row] =
    await tx.execute<CoordinationRow>(sql`select id, case_number, subject_case_id, subject_case_number,
      reporting_court_id, reporting_court_path, other_court_id, other_court_path, coordinating_court_id,
      coordinating_court_path, issue, state, decision, decided_on::text, decided_by_name, reported_by_name, reported_on::text
    from command.coordinations where id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return row ?? null;
}

export async function reportCoordination(
  db: Db,
  actor: Actor,
  input: { caseId: string; otherCourt: string; issue: string },
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    const isLeader = actor.roles.includes(Role.courtLeader) && actor.court.id === c.courtId;
    if (!c.isTeamMember && !isLeader)
      throw new AppError(
        ErrorCode.forbidden,
        bi('仅本案执行团队或院领导可报请协调', "Only the case's team or leader reports a dispute"),
      );
    const other = await resolveCourt(tx, input.otherCourt, 'otherCourt');
    if (other.id === c.courtId)
      throw invalidField('otherCourt', '不能与本院发生争议', 'A court has no dispute with itself');
    const coordinatingId = commonCourtId(c.courtPath, other.path);
    const coordinating = coordinatingId ? await getCourt(tx, coordinatingId) : null;
    if (!coordinating) throw invalidField('otherCourt', '找不到共同的上级法院', 'No court above both');
    const today = clock.today();
    // Its own case number at the coordinating court, type 执协.
    const caseNumber = await numberCase(tx, {
      courtCode: coordinating.courtCode,
      year: Number(today.slice(0, 4)),
      caseType: CaseType.coordination,
    });
    const id = randomUUID();
    await tx.execute(sql`insert into command.coordinations (id, case_number, subject_case_id, subject_case_number,
        reporting_court_id, reporting_court_path, other_court_id, other_court_path, coordinating_court_id,
        coordinating_court_path, issue, state, reported_by, reported_by_name, reported_on)
      values (${id}, ${caseNumber}, ${c.id}, ${c.caseNumber}, ${c.courtId}, ${c.courtPath}, ${other.id}, ${other.path},
        ${coordinating.id}, ${coordinating.path}, ${input.issue}, 'reported', ${actor.userId}, ${actor.displayName}, ${today})`);
    const told = [
      ...(await userIdsWithRole(tx, coordinating.id, Role.commandCentre)),
      ...(await userIdsWithRole(tx, other.id, Role.courtLeader)),
      ...(await userIdsWithRole(tx, other.id, Role.commandCentre)),
    ];
    await queueInApp(tx, {
      dedupeKey: `command.coordination:${id}`,
      userIds: told,
      title: `执行协调：${caseNumber}`,
      body: `${c.caseNumber}：${input.issue}`,
      kind: 'command.coordination',
      courtId: coordinating.id,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.coordination.report',
      objectType: 'case',
      objectId: c.id,
      detail: { coordinationId: id, caseNumber },
    });
    return {
      id,
      caseNumber,
      state: 'reported' as const,
      coordinatingCourt: { id: coordinating.id, name: coordinating.name },
    };
  });
}

export async function addCoordinationEntry(
  db: Db,
  actor: Actor,
  id: string,
  input: { kind: 'evidence' | 'followUp'; text: string; documents?: { name: string }[] },
) {
  return db.transaction(async (tx) => {
    const c = await load(tx, id, true);
    if (!c || !(isParty(actor, c) || isInScope(actor, c.coordinating_court_path)))
      throw notFound('协调案件', 'Coordination');
    if (!isParty(actor, c))
      throw new AppError(
        ErrorCode.forbidden,
        bi('仅争议双方法院提交', 'Only the two courts in dispute add to it'),
      );
    if (input.kind === 'followUp' && c.state !== 'decided')
      throw new AppError(ErrorCode.conflict, bi('尚未作出协调决定', 'Nothing has been decided yet'));
    if (input.kind === 'evidence' && c.state === 'decided')
      throw new AppError(ErrorCode.conflict, bi('已作出协调决定，不再接收证据', 'Decided: no more evidence'));
    const court = isInScope(actor, c.reporting_court_path)
      ? { id: c.reporting_court_id }
      : { id: c.other_court_id };
    const courtRow = await getCourt(tx, court.id);
    const entryId = randomUUID();
    await tx.execute(sql`insert into command.coordination_entries (id, coordination_id, kind, court_id, court_name, text,
        documents, author_name, entered_on)
      values (${entryId}, ${c.id}, ${input.kind}, ${court.id}, ${courtRow?.name ?? ''}, ${input.text},
        ${JSON.stringify(input.documents ?? [])}::jsonb, ${actor.displayName}, ${clock.today()})`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: `command.coordination.${input.kind}`,
      objectType: 'coordination',
      objectId: c.id,
    });
    return { id: entryId, coordinationId: c.id, kind: input.kind };
  });
}

export async function decideCoordination(db: Db, actor: Actor, id: string, input: { decision: string }) {
  return db.transaction(async (tx) => {
    requireAnyRole(actor, supervisors);
    const c = await load(tx, id, true);
    if (!c || !isInScope(actor, c.coordinating_court_path)) throw notFound('协调案件', 'Coordination');
    if (c.state === 'decided')
      throw new AppError(ErrorCode.conflict, bi('已作出协调决定', 'Already decided'));
    const today = clock.today();
    await tx.execute(sql`update command.coordinations set state = 'decided', decision = ${input.decision},
      decided_on = ${today}, decided_by_name = ${actor.displayName} where id = ${c.id}`);
    const told = [
      ...(await userIdsWithRole(tx, c.reporting_court_id, Role.courtLeader)),
      ...(await userIdsWithRole(tx, c.other_court_id, Role.courtLeader)),
    ];
    await queueInApp(tx, {
      dedupeKey: `command.coordination-decided:${c.id}`,
      userIds: told,
      title: `协调决定：${c.case_number}`,
      body: input.decision,
      kind: 'command.coordination-decided',
      courtId: c.coordinating_court_id,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.coordination.decide',
      objectType: 'coordination',
      objectId: c.id,
    });
    return getCoordinationIn(tx, c.id);
  });
}

async function getCoordinationIn(tx: DbOrTx, id: string) {
  const c = await load(tx, id);
  if (!c) throw notFound('协调案件', 'Coordination');
  const entries = await tx.execute<{
    id: string;
    kind: string;
    court_name: string;
    text: string;
    documents: { name: string }[];
    author_name: string;
    entered_on: string;
  }>(
    sql`select id, kind, court_name, text, documents, author_name, entered_on::text from command.coordination_entries
      where coordination_id = ${id} order by created_at, id`,
  );
  const names = async (courtId: string) => (await getCourt(tx, courtId))?.name ?? '';
  return {
    id: c.id,
    caseNumber: c.case_number,
    subjectCaseId: c.subject_case_id,
    subjectCaseNumber: c.subject_case_number,
    reportingCourt: { id: c.reporting_court_id, name: await names(c.reporting_court_id) },
    otherCourt: { id: c.other_court_id, name: await names(c.other_court_id) },
    coordinatingCourt: { id: c.coordinating_court_id, name: await names(c.coordinating_court_id) },
    issue: c.issue,
    state: c.state,
    decision: c.decision,
    decidedOn: c.decided_on,
    decidedBy: c.decided_by_name,
    reportedBy: c.reported_by_name,
    reportedOn: c.reported_on,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      court: e.court_name,
      text: e.text,
      documents: e.documents,
      author: e.author_name,
      enteredOn: e.entered_on,
    })),
  };
}

/** A coordination case, for the two courts and the courts above them; 404 to any other. */
export async function getCoordination(db: Db, actor: Actor, id: string) {
  const c = await load(db, id);
  if (!c || !(isParty(actor, c) || isInScope(actor, c.coordinating_court_path)))
    throw notFound('协调案件', 'Coordination');
  return getCoordinationIn(db, id);
}

/** Coordination cases a court takes part in or coordinates (and those of the courts below it). */
export async function listCoordinations(db: DbOrTx, scope: { path: string }) {
  const like = `${scope.path}%`;
  const rows = await db.execute<{
    id: string;
    case_number: string;
    subject_case_number: string;
    issue: string;
    state: string;
    reported_on: string;
    decided_on: string | null;
  }>(
    sql`select id, case_number, subject_case_number, issue, state, reported_on::text, decided_on::text from command.coordinations
      where coordinating_court_path like ${like} or reporting_court_path like ${like} or other_court_path like ${like}
      order by state = 'decided', reported_on desc, id limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    subjectCaseNumber: r.subject_case_number,
    issue: r.issue,
    state: r.state,
    reportedOn: r.reported_on,
    decidedOn: r.decided_on,
  }));
}
