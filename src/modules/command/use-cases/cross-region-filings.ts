import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { parentCourtId, resolveCourt } from './courts.ts';

/**
 * Cross-region enforcement filing (异地执行备案): before a team acts on another court's ground it
 * files when, what and who with the court above it, and the local court is told — so that the
 * local court can help, and the two never act on the same property unknowingly.
 */
export async function fileCrossRegion(
  db: Db,
  actor: Actor,
  input: {
    caseId: string;
    localCourt: string;
    plannedFrom: string;
    plannedTo: string;
    measures: string;
    officers: string;
  },
) {
  const today = clock.today();
  if (compareIsoDates(input.plannedTo, input.plannedFrom) < 0)
    throw invalidField('plannedTo', '结束日期早于开始日期', '`plannedTo` is before `plannedFrom`');
  if (compareIsoDates(input.plannedFrom, today) < 0)
    throw invalidField('plannedFrom', '备案应在执行之前', 'File before acting: `plannedFrom` is past');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    if (!c.isTeamMember)
      throw new AppError(ErrorCode.forbidden, bi('仅本案执行团队可备案', "Only the case's team files"));
    const local = await resolveCourt(tx, input.localCourt, 'localCourt');
    if (local.id === c.courtId)
      throw invalidField('localCourt', '本院辖区内执行无需备案', 'Acting on its own ground needs no filing');
    const id = randomUUID();
    await tx.execute(sql`insert into command.cross_region_filings (id, case_id, case_number, from_court_id, from_court_path,
        local_court_id, local_court_path, local_court_name, planned_from, planned_to, measures, officers, filed_by,
        filed_by_name, filed_on)
      values (${id}, ${c.id}, ${c.caseNumber}, ${c.courtId}, ${c.courtPath}, ${local.id}, ${local.path}, ${local.name},
        ${input.plannedFrom}, ${input.plannedTo}, ${input.measures}, ${input.officers}, ${actor.userId}, ${actor.displayName},
        ${today})`);
    const told = [
      ...(await userIdsWithRole(tx, parentCourtId(c.courtPath) ?? c.courtId, Role.commandCentre)),
      ...(await userIdsWithRole(tx, local.id, Role.commandCentre)),
      ...(await userIdsWithRole(tx, local.id, Role.courtLeader)),
    ];
    await queueInApp(tx, {
      dedupeKey: `command.cross-region:${id}`,
      userIds: told,
      title: `异地执行备案：${c.caseNumber}`,
      body: `${input.plannedFrom}至${input.plannedTo}在${local.name}辖区执行：${input.measures}（${input.officers}）`,
      kind: 'command.cross-region',
      courtId: local.id,
    });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'command.cross-region-filing',
      objectType: 'case',
      objectId: c.id,
      detail: { filingId: id, localCourtId: local.id },
    });
    return { id, localCourt: { id: local.id, name: local.name }, filedOn: today };
  });
}

/** Filings from a court's cases (and those below it) and those announced on its ground. */
export async function listCrossRegionFilings(db: DbOrTx, scope: { path: string }) {
  const like = `${scope.path}%`;
  const rows = await db.execute<{
    id: string;
    case_id: string;
    case_number: string;
    local_court_name: string;
    planned_from: string;
    planned_to: string;
    measures: string;
    officers: string;
    filed_by_name: string;
    filed_on: string;
    local_court_path: string;
  }>(
    sql`select id, case_id, case_number, local_court_name, planned_from::text, planned_to::text, measures, officers,
        filed_by_name, filed_on::text, local_court_path
      from command.cross_region_filings where from_court_path like ${like} or local_court_path like ${like}
      order by planned_from desc, id limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    localCourt: r.local_court_name,
    plannedFrom: r.planned_from,
    plannedTo: r.planned_to,
    measures: r.measures,
    officers: r.officers,
    filedBy: r.filed_by_name,
    filedOn: r.filed_on,
    direction: r.local_court_path.startsWith(scope.path) ? ('onOurGround' as const) : ('ours' as const),
  }));
}
