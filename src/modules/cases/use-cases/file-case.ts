import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type CaseType,
  chinaDateOf,
  formatCaseNumber,
  searchTextOf,
  tokensOf,
} from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import {
  type Actor,
  findTeamMembershipOf,
  getCourt,
  getTeamMembership,
  type TeamMembership,
} from '../../identity/index.ts';
import { handlingDueOf, nextDeadlineOf } from '../case-store.ts';
import type { TFileCase } from '../contracts.ts';
import { caseFiled } from '../events.ts';
import { assertCanFile } from '../policy.ts';
import { computeDeadlines, NodeKind } from '../rules/deadlines.ts';
import { cases, nodes, parties } from '../tables.ts';
import { throwIfInvalid, validateParties } from '../validate-parties.ts';

export type FiledCase = { id: string; caseNumber: string; status: 'filed' };

/**
 * 立案. Validates everything first (nothing is written on bad input), then in one transaction:
 * takes the next gap-free number for (court code, year, type), writes the case, its parties, the
 * filing node, the audit record and the `case.filed` event. Concurrent filings of one court wait
 * on the number's counter row for two round trips and the commit, no more.
 */
export async function fileCase(
  db: Db,
  actor: Actor,
  input: TFileCase,
  opts: { now?: Date; filedOn?: string } = {},
): Promise<FiledCase> {
  assertCanFile(actor);
  const now = opts.now ?? clock.now();
  const filedOn = opts.filedOn ?? chinaDateOf(now);
  const applicants = validateParties('applicants', input.applicants, filedOn);
  const respondents = validateParties('respondents', input.respondents, filedOn);
  const details = [...applicants.details, ...respondents.details];
  if (input.basis.effectiveDate > filedOn) {
    details.push({
      path: 'basis.effectiveDate',
      message: '生效日期不能晚于立案日期 / Effective date cannot be after filing',
    });
  }
  throwIfInvalid(details);

  const team = await resolveTeam(db, actor, input.teamId ?? null);
  const court = actor.court;
  const numberingCode =
    court.level === 'detachedTribunal'
      ? ((await getParentCode(db, court.id)) ?? court.courtCode)
      : court.courtCode;
  const year = Number(filedOn.slice(0, 4));
  const id = randomUUID();
  const allParties = [
    ...applicants.clean.map((p, position) => ({ ...p, role: 'applicant' as const, position })),
    ...respondents.clean.map((p, position) => ({ ...p, role: 'respondent' as const, position })),
  ];
  const partyNames = allParties.map((p) => p.name);
  const caseNodes: { kind: string; occurredOn: string; note: string }[] = [
    { kind: NodeKind.filed, occurredOn: filedOn, note: '' },
  ];
  if (team) caseNodes.push({ kind: NodeKind.officerAssigned, occurredOn: filedOn, note: team.name });

  // One round trip takes the number (the counter row stays locked until commit, so the numbers of
  // one court, year and type are gap-free); everything else is sent in one pipelined round trip.
  return db.transaction(async (tx) => {
    const seq = await nextSequence(tx, numberingCode, year, input.caseType);
    const caseNumber = formatCaseNumber({
      year,
      courtCode: numberingCode,
      typeCode: input.caseType,
      sequence: seq,
    });
    const nodeRows = caseNodes.map((n) => ({
      id: randomUUID(),
      caseId: id,
      kind: n.kind,
      occurredOn: n.occurredOn,
      actorId: actor.userId,
      actorName: actor.displayName,
      note: n.note,
      recordedAt: now,
    }));
    const isNonLitigation =
      input.isNonLitigation ?? (input.basis.kind === 'arbitration' || input.basis.kind === 'notarizedDebt');
    const deadlines = computeDeadlines({
      filedOn,
      caseType: input.caseType,
      isNonLitigation,
      nodes: nodeRows,
      today: filedOn,
    });
    const next = nextDeadlineOf(deadlines);
    await Promise.all([
      tx.insert(cases).values({
        id,
        courtId: court.id,
        courtPath: court.path,
        courtCode: numberingCode,
        caseType: input.caseType,
        year,
        sequence: seq,
        caseNumber,
        status: 'filed',
        filedOn,
        filedBy: actor.userId,
        basisKind: input.basis.kind,
        basisDocumentNumber: input.basis.documentNumber,
        basisIssuedBy: input.basis.issuedBy,
        basisEffectiveDate: input.basis.effectiveDate,
        claimAmountFen: input.claimAmountFen,
        triage: input.triage ?? null,
        flags: [...new Set(input.flags ?? [])],
        isNonLitigation,
        teamId: team?.id ?? null,
        judgeId: team?.judgeId ?? null,
        assistantId: team?.assistantId ?? null,
        bailiffId: team?.bailiffId ?? null,
        clerkId: team?.clerkId ?? null,
        nextDeadlineKind: next?.kind ?? null,
        nextDeadlineOn: next?.dueOn ?? null,
        handlingDueOn: handlingDueOf(deadlines),
        searchTokens: tokensOf([caseNumber, ...partyNames]),
        searchText: searchTextOf([caseNumber, ...partyNames]),
      }),
      tx.insert(parties).values(allParties.map((p) => ({ id: randomUUID(), caseId: id, ...p }))),
      tx.insert(nodes).values(nodeRows),
      appendAudit(tx, {
        actor: { userId: actor.userId, displayName: actor.displayName, courtId: court.id },
        action: 'case.file',
        objectType: 'case',
        objectId: id,
        detail: { caseNumber, claimAmountFen: input.claimAmountFen, parties: allParties.length },
      }),
      publishEvent(
        tx,
        caseFiled,
        { caseId: id, caseNumber, courtId: court.id, filedOn, caseType: input.caseType },
        { aggregateId: id },
      ),
    ]);
    return { id, caseNumber, status: 'filed' as const };
  });
}

/** Gap-free: the counter row is created or incremented inside the filing transaction. */
export async function nextSequence(
  tx: DbOrTx,
  courtCode: string,
  year: number,
  caseType: string,
): Promise<number> {
  const rows = await tx.execute<{ seq: number }>(sql`
    insert into cases.case_number_counters (court_code, year, case_type, last_sequence)
    values (${courtCode}, ${year}, ${caseType}, 1)
    on conflict (court_code, year, case_type)
    do update set last_sequence = cases.case_number_counters.last_sequence + 1
    returning last_sequence as seq`);
  return Number(rows[0]?.seq);
}

async function getParentCode(db: DbOrTx, courtId: string): Promise<string | null> {
  const court = await getCourt(db, courtId);
  if (!court?.parentId) return null;
  return (await getCourt(db, court.parentId))?.courtCode ?? null;
}

/** The chosen team must belong to the filing court; by default the filing officer's own team. */
async function resolveTeam(db: DbOrTx, actor: Actor, teamId: string | null): Promise<TeamMembership | null> {
  if (teamId) {
    const team = await getTeamMembership(db, teamId);
    if (!team || team.courtId !== actor.court.id)
      throw invalidField('teamId', '执行团队不存在或不属于本院', 'No such team in this court');
    return team;
  }
  return findTeamMembershipOf(db, actor.court.id, actor.userId);
}

/**
 * A case number of its own for a matter another module keeps (a coordination case, 执协): taken
 * from the same gap-free counter as filings, inside the caller's transaction.
 */
export async function numberCase(
  tx: DbOrTx,
  input: { courtCode: string; year: number; caseType: CaseType },
): Promise<string> {
  const sequence = await nextSequence(tx, input.courtCode, input.year, input.caseType);
  return formatCaseNumber({
    year: input.year,
    courtCode: input.courtCode,
    typeCode: input.caseType,
    sequence,
  });
}
