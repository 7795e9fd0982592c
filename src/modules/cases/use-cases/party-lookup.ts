import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Bilingual } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { courtNamesByIds, listUsersByIds } from '../../identity/index.ts';
import { deadlinesOf, loadNodes, loadParties } from '../case-store.ts';
import { ClosingType } from '../rules/closing.ts';
import { nodeKindLabel } from '../rules/deadlines.ts';
import { cases, parties } from '../tables.ts';

/**
 * What the party portal and the public portal read of cases: a person's seat in a case (by ID
 * number or credit code, or as the lawyer a party named), a case's progress as a party may see it,
 * and a respondent's open and 终本 cases as the public may see them. Nothing here checks a court
 * user's data scope: the portal's own credential decides (disclosure/portal-auth.ts).
 */
export type PartySeat = {
  caseId: string;
  courtId: string;
  caseNumber: string;
  partyId: string;
  role: 'applicant' | 'respondent';
  name: string;
  phone: string | null;
};

const seatColumns = {
  caseId: cases.id,
  courtId: cases.courtId,
  caseNumber: cases.caseNumber,
  partyId: parties.id,
  role: parties.role,
  name: parties.name,
  phone: parties.phone,
};

function asSeat(row: { role: string } & Omit<PartySeat, 'role'>): PartySeat {
  return { ...row, role: row.role === 'respondent' ? 'respondent' : 'applicant' };
}

/** The identifier as parties are recorded: upper case, no spaces. */
export function normalizePartyIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

const identifiedBy = (identifier: string) =>
  or(eq(parties.idNumber, identifier), eq(parties.creditCode, identifier));

/** The party of a case with this ID number or credit code, or null: one seat (the first by role). */
export async function findPartySeat(
  db: DbOrTx,
  caseNumber: string,
  identifier: string,
): Promise<PartySeat | null> {
  const rows = await db
    .select(seatColumns)
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(and(eq(cases.caseNumber, caseNumber.trim()), identifiedBy(normalizePartyIdentifier(identifier))))
    .orderBy(asc(parties.role), asc(parties.position))
    .limit(1);
  const [row] = rows;
  return row ? asSeat(row) : null;
}

/** Every seat of the person in any case, newest case first (at most 200). */
export async function seatsOfPerson(db: DbOrTx, identifier: string): Promise<PartySeat[]> {
  const rows = await db
    .select(seatColumns)
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(identifiedBy(normalizePartyIdentifier(identifier)))
    .orderBy(desc(cases.filedOn), asc(parties.role))
    .limit(200);
  return rows.map(asSeat);
}

/** The parties a lawyer represents (the court recorded the lawyer's licence number as their agent). */
export async function seatsOfLawyer(db: DbOrTx, licenceNumber: string): Promise<PartySeat[]> {
  const rows = await db
    .select(seatColumns)
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(
      sql`${parties.agents} @> ${JSON.stringify([{ kind: 'lawyer', licenseNumber: licenceNumber }])}::jsonb`,
    )
    .orderBy(desc(cases.filedOn), asc(parties.role))
    .limit(200);
  return rows.map(asSeat);
}

const statusLabels: Record<string, Bilingual> = {
  filed: { zh: '已立案', en: 'Filed' },
  inProgress: { zh: '执行中', en: 'In progress' },
  suspended: { zh: '中止执行', en: 'Suspended' },
  closed: { zh: '已结案', en: 'Closed' },
};

export function caseStatusLabel(status: string): Bilingual {
  return statusLabels[status] ?? { zh: status, en: status };
}

/** A case's progress as its parties see it: nodes without notes, deadlines, the team by name. */
export async function partyCaseProgress(db: DbOrTx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select()
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
  const today = clock.today();
  const courtNames = await courtNamesByIds(db, [...new Set(rows.map((c) => c.courtId))]);
  const people = await listUsersByIds(
    db,
    rows.flatMap((c) => [c.judgeId, c.assistantId]).filter((id): id is string => id !== null),
  );
  const nameOf = (id: string | null) => (id ? (people.find((u) => u.id === id)?.displayName ?? null) : null);
  return Promise.all(
    rows.map(async (c) => {
      const [caseNodes, caseParties] = await Promise.all([loadNodes(db, c.id), loadParties(db, c.id)]);
      return {
        id: c.id,
        courtId: c.courtId,
        caseNumber: c.caseNumber,
        status: c.status,
        statusLabel: caseStatusLabel(c.status),
        court: courtNames.get(c.courtId) ?? '',
        filedOn: c.filedOn,
        claimFen: c.claimAmountFen,
        recoveredFen: c.recoveredFen,
        basis: { documentNumber: c.basisDocumentNumber, issuedBy: c.basisIssuedBy },
        parties: caseParties.map((p) => ({ role: p.role, name: p.name })),
        nodes: caseNodes.map((n) => ({
          kind: n.kind,
          label: nodeKindLabel(n.kind),
          occurredOn: n.occurredOn,
        })),
        deadlines: deadlinesOf(c, caseNodes, today).map((d) => ({
          kind: d.kind,
          label: d.label,
          dueOn: d.dueOn,
          state: d.state,
        })),
        team: {
          judge: nameOf(c.judgeId),
          assistant: nameOf(c.assistantId),
          court: courtNames.get(c.courtId) ?? '',
        },
      };
    }),
  );
}

export type PublicCaseRow = {
  caseNumber: string;
  courtId: string;
  filedOn: string;
  claimFen: number;
  recoveredFen: number;
  respondent: string;
  idNumber: string | null;
  creditCode: string | null;
  closedOn: string | null;
};

/** A respondent by identifier (with the name, when the public gave one) or an organisation by exact name. */
export type RespondentQuery =
  | { kind: 'idNumber'; name?: string; value: string }
  | { kind: 'creditCode'; name?: string; value: string }
  | { kind: 'organisationName'; name: string };

/**
 * A respondent's cases the public may see (执行信息公开): open enforcement cases, and cases whose
 * round was terminated (终本) and not restored. The name must match exactly, with the identifier
 * where one is given. At most `limit` of each, newest first.
 */
function respondentCondition(q: RespondentQuery) {
  return and(
    eq(parties.role, 'respondent'),
    q.name === undefined ? undefined : eq(parties.name, q.name),
    q.kind === 'idNumber'
      ? eq(parties.idNumber, q.value)
      : q.kind === 'creditCode'
        ? eq(parties.creditCode, q.value)
        : ne(parties.kind, 'natural'),
  );
}

const isTerminatedNow = () =>
  and(eq(cases.closingType, ClosingType.terminatedThisRound), isNull(cases.restoredToId));

/** How many 终本 cases of the respondent the public may see. */
export async function countPublicTerminated(db: DbOrTx, q: RespondentQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(and(respondentCondition(q), isTerminatedNow()));
  return row?.n ?? 0;
}

export async function publicCasesOfRespondent(
  db: DbOrTx,
  q: RespondentQuery,
  page: { limit: number; offset?: number },
) {
  const who = respondentCondition(q);
  const columns = {
    caseNumber: cases.caseNumber,
    courtId: cases.courtId,
    filedOn: cases.filedOn,
    claimFen: cases.claimAmountFen,
    recoveredFen: cases.recoveredFen,
    respondent: parties.name,
    idNumber: parties.idNumber,
    creditCode: parties.creditCode,
    closedOn: cases.closedOn,
  };
  const base = () => db.select(columns).from(parties).innerJoin(cases, eq(cases.id, parties.caseId));
  const [open, terminated] = await Promise.all([
    base()
      .where(and(who, ne(cases.status, 'closed')))
      .orderBy(desc(cases.filedOn), desc(cases.id))
      .limit(page.limit)
      .offset(page.offset ?? 0),
    base()
      .where(and(who, isTerminatedNow()))
      .orderBy(desc(cases.closedOn), desc(cases.id))
      .limit(page.limit)
      .offset(page.offset ?? 0),
  ]);
  return { open: open satisfies PublicCaseRow[], terminated: terminated satisfies PublicCaseRow[] };
}

/** The court of a case, for a subscriber that is told only the case (no data scope applies). */
export async function courtOfCase(db: DbOrTx, caseId: string): Promise<string | null> {
  const [row] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId));
  return row?.courtId ?? null;
}
