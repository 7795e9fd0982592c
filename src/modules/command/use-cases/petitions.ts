import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, hasRole, Role } from '../../identity/index.ts';
import { IndicatorCode } from '../rules/indicators.ts';
import { applyCountChanges, type Counted } from './month-counts.ts';

/**
 * Petitions (信访) against enforcement cases: registered by the case's court leader or a command
 * centre above it, concluded with a substantive resolution. Each counts in 执行信访案件办结率 on its
 * registration day the moment it is registered, and passes once concluded.
 */
function assertMayHandle(actor: Actor, caseCourtId: string): void {
  const isOwnLeader = hasRole(actor, Role.courtLeader) && actor.court.id === caseCourtId;
  const isCentreAbove = hasRole(actor, Role.commandCentre) && actor.court.id !== caseCourtId;
  if (!isOwnLeader && !isCentreAbove)
    throw new AppError(
      ErrorCode.forbidden,
      bi(
        '仅案件所在法院的院领导或上级执行指挥中心可办理信访',
        "Only the case court's leader or a command centre above it may handle petitions",
      ),
    );
}

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

type PetitionRow = {
  id: string;
  case_id: string;
  court_id: string;
  court_path: string;
  registered_on: string;
  state: 'open' | 'concluded';
};

function counted(p: PetitionRow, isOk: boolean): Counted {
  return {
    indicator: IndicatorCode.petitionsConcluded,
    courtId: p.court_id,
    courtPath: p.court_path,
    on: p.registered_on,
    isOk,
  };
}

export async function registerPetition(
  db: Db,
  actor: Actor,
  input: { caseId: string; petitioner: string; summary: string },
): Promise<{ id: string; state: 'open'; registeredOn: string }> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    assertMayHandle(actor, c.courtId);
    const id = randomUUID();
    const today = clock.today();
    const [row] =
      await tx.execute<PetitionRow>(sql`insert into command.petitions (id, case_id, court_id, court_path,
        case_number, received_by_court_id, petitioner, summary, registered_on, registered_by, state)
      values (${id}, ${c.id}, ${c.courtId}, ${c.courtPath}, ${c.caseNumber}, ${actor.court.id}, ${input.petitioner},
        ${input.summary}, ${today}, ${actor.userId}, 'open')
      returning id, case_id, court_id, court_path, registered_on::text, state`);
    if (!row) throw new Error('petition not inserted');
    await applyCountChanges(tx, [], [counted(row, false)]);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.petition.register',
      objectType: 'case',
      objectId: c.id,
      detail: { petitionId: id },
    });
    return { id, state: 'open' as const, registeredOn: today };
  });
}

export async function concludePetition(
  db: Db,
  actor: Actor,
  petitionId: string,
  input: { resolution: string },
): Promise<{ id: string; state: 'concluded'; concludedOn: string }> {
  if (!isUuid(petitionId)) throw notFound('信访', 'Petition');
  return db.transaction(async (tx) => {
    const [p] =
      await tx.execute<PetitionRow>(sql`select id, case_id, court_id, court_path, registered_on::text, state
      from command.petitions where id = ${petitionId} for update`);
    if (!p) throw notFound('信访', 'Petition');
    // Outside the actor's scope the case, and so its petition, does not exist.
    const c = await loadCaseContext(tx, actor, p.case_id).catch(() => {
      throw notFound('信访', 'Petition');
    });
    assertMayHandle(actor, c.courtId);
    if (p.state === 'concluded')
      throw new AppError(ErrorCode.conflict, bi('该信访已办结', 'The petition is already concluded'));
    const today = clock.today();
    await tx.execute(sql`update command.petitions set state = 'concluded', resolution = ${input.resolution},
      concluded_on = ${today}, concluded_by = ${actor.userId} where id = ${p.id}`);
    await applyCountChanges(tx, [counted(p, false)], [counted(p, true)]);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.petition.conclude',
      objectType: 'case',
      objectId: c.id,
      detail: { petitionId: p.id },
    });
    return { id: p.id, state: 'concluded' as const, concludedOn: today };
  });
}

/** Petitions on the cases of a court and the courts below it (and those it received), newest first. */
export async function listPetitions(db: Db, scope: { courtId: string; path: string } | { caseId: string }) {
  const where =
    'caseId' in scope
      ? sql`case_id = ${scope.caseId}`
      : sql`(court_path like ${`${scope.path}%`} or received_by_court_id = ${scope.courtId})`;
  const rows = await db.execute<{
    id: string;
    case_id: string;
    case_number: string;
    petitioner: string;
    summary: string;
    registered_on: string;
    state: string;
    resolution: string | null;
    concluded_on: string | null;
    received_by_court_id: string;
    court_id: string;
  }>(sql`select id, case_id, case_number, court_id, petitioner, summary, registered_on::text, state, resolution,
      concluded_on::text, received_by_court_id
    from command.petitions
    where ${where}
    order by registered_on desc, id limit 200`);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtId: r.court_id,
    petitioner: r.petitioner,
    summary: r.summary,
    registeredOn: r.registered_on,
    state: r.state,
    resolution: r.resolution,
    concludedOn: r.concluded_on,
    receivedByCourtId: r.received_by_court_id,
  }));
}
