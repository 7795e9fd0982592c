/**
 * Shared reads and writes of the credit module's own tables: court numbers, the change feed and
 * entry history. Use cases call these inside their transaction.
 */
import { sql as dsql, eq } from 'drizzle-orm';
import { parseCaseNumber } from '../../kernel/index.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext, CaseParty } from '../cases/index.ts';
import { type Actor, getCourt } from '../identity/index.ts';
import { divisionOfSubject } from './rules/area.ts';
import type { PunishmentKind } from './rules/punishment.ts';
import { changes, courts, entryHistory } from './tables.ts';

/** The credit module's small number for a court (the matching index stores it, not the uuid). */
export async function ensureCourtNo(
  tx: DbOrTx,
  courtId: string,
): Promise<{ courtNo: number; name: string; courtCode: string }> {
  const [known] = await tx.select().from(courts).where(eq(courts.courtId, courtId));
  if (known) return known;
  const court = await getCourt(tx, courtId);
  if (!court) throw new AppError(ErrorCode.notFound, bi('法院不存在', 'Court not found'));
  const [row] = await tx
    .insert(courts)
    .values({ courtId, name: court.name, courtCode: court.courtCode })
    .onConflictDoUpdate({ target: courts.courtId, set: { name: court.name } })
    .returning();
  if (!row) throw new Error('court number not assigned');
  return row;
}

/** The case columns every punishment carries, copied from the case when the punishment is made. */
export async function caseColumnsOf(tx: DbOrTx, c: CaseContext, respondent: CaseParty) {
  const court = await ensureCourtNo(tx, c.courtId);
  const parts = parseCaseNumber(c.caseNumber);
  if (!parts) throw new Error(`unparsable case number ${c.caseNumber}`);
  return {
    court,
    columns: {
      caseId: c.id,
      caseNumber: c.caseNumber,
      caseYear: parts.year,
      caseType: parts.typeCode,
      caseSeq: parts.sequence,
      courtId: c.courtId,
      courtNo: court.courtNo,
      courtPath: c.courtPath,
      respondentPartyId: respondent.id,
      subjectKind: respondent.kind,
      name: respondent.name,
      idNumber: respondent.idNumber,
      creditCode: respondent.creditCode,
    },
  };
}

export type ChangeKind =
  | 'listed'
  | 'deleted'
  | 'updated'
  | 'restrictionAdded'
  | 'restrictionLifted'
  | 'rewardNotice';
/** What a change is about: a punishment, or a reward notice (悬赏公告), which restricts no one. */
export type ChangeSubject = PunishmentKind | 'rewardNotice';

export type ChangeInput = {
  kind: ChangeKind;
  punishment: ChangeSubject;
  punishmentNo: number | null;
  subjectKind: string;
  idNumber: string | null;
  creditCode: string | null;
  name: string;
  courtNo: number | null;
  caseNumber: string | null;
  since: string | null;
  until: string | null;
  behaviours?: number[] | null;
  role?: string | null;
};

// One advisory lock for every writer of the change feed (an arbitrary constant of this module).
const changeFeedLock = 8240401;

/**
 * Appends to the ordered change feed. The transaction-scoped advisory lock is held until commit,
 * so sequence numbers are handed out in commit order and a reader never skips a late commit
 * (docs/decisions/0008-matching-index.md). Call it as the last write of a use case.
 */
export async function recordChanges(tx: DbOrTx, rows: ChangeInput[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(dsql`select pg_advisory_xact_lock(${changeFeedLock})`);
  await tx.insert(changes).values(
    rows.map((r) => ({
      kind: r.kind,
      punishment: r.punishment,
      punishmentNo: r.punishmentNo,
      subjectKind: r.subjectKind,
      idNumber: r.idNumber,
      creditCode: r.creditCode,
      name: r.name,
      divisionCode: divisionOfSubject(r),
      courtNo: r.courtNo,
      caseNumber: r.caseNumber,
      since: r.since,
      until: r.until,
      behaviours: r.behaviours ?? null,
      role: r.role ?? null,
    })),
  );
}

export type HistoryActor = { userId: string | null; displayName: string };

export function historyActorOf(actor: Actor | null): HistoryActor {
  return actor
    ? { userId: actor.userId, displayName: actor.displayName }
    : { userId: null, displayName: '系统 / system' };
}

export async function appendHistory(
  tx: DbOrTx,
  row: {
    entryId: string;
    action: string;
    fromState: string | null;
    toState: string;
    changes?: Record<string, unknown>;
    reason?: string;
    actor: HistoryActor;
    occurredOn: string;
  },
): Promise<void> {
  await tx.insert(entryHistory).values({
    entryId: row.entryId,
    action: row.action,
    fromState: row.fromState,
    toState: row.toState,
    changes: row.changes ?? {},
    reason: row.reason ?? '',
    actorId: row.actor.userId,
    actorName: row.actor.displayName,
    occurredOn: row.occurredOn,
  });
}

export function auditActorOf(actor: Actor | null) {
  return actor ? { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id } : null;
}
