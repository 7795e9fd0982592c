/**
 * Fills the matching index from the punishments the credit module publishes: one consistent
 * snapshot streamed as binary COPY and parsed straight from the bytes (no row objects), then the
 * change feed from the snapshot's cursor (docs/decisions/0008-matching-index.md).
 */
import { caseTypes, parseCaseNumber } from '../../../kernel/index.ts';
import type { Database, Sql } from '../../../platform/db.ts';
import {
  type CourtNumber,
  isPunishmentKind,
  listChangesAfter,
  listCourtNumbers,
  listSpendingPermissions,
  type PunishmentChange,
  PunishmentCode,
  punishmentRoles,
  readPunishmentSnapshot,
  SnapshotColumn,
  type SpendingPermission,
} from '../../credit/index.ts';
import { createCopyParser } from './copy-parser.ts';
import { dayOf } from './days.ts';
import { newPunishmentInput, PunishmentIndex, type PunishmentInput } from './punishment-index.ts';
import { packCreditCode, packCreditCodeBytes, packIdNumber, packIdNumberBytes } from './subject-key.ts';

export type CourtInfo = { name: string; courtCode: string };
export type Permission = { mask: number; fromDay: number; untilDay: number };

export type IndexState = {
  index: PunishmentIndex;
  /** The last change applied: every change with a higher `seq` is still to come. */
  cursor: number;
  courts: Map<number, CourtInfo>;
  /** The private-spending permissions of consumption restrictions, by punishment number. */
  permissions: Map<number, Permission[]>;
};

function courtsByNumber(rows: readonly CourtNumber[]): Map<number, CourtInfo> {
  return new Map(rows.map((r) => [r.courtNo, { name: r.name, courtCode: r.courtCode }]));
}

function maskOf(behaviours: readonly number[] | null): number {
  let mask = 0;
  for (const b of behaviours ?? []) mask |= 1 << b;
  return mask;
}

function permissionsByNumber(rows: readonly SpendingPermission[]): Map<number, Permission[]> {
  const out = new Map<number, Permission[]>();
  for (const r of rows) {
    const list = out.get(r.punishmentNo) ?? [];
    list.push({ mask: maskOf(r.behaviours), fromDay: dayOf(r.validFrom), untilDay: dayOf(r.validUntil) });
    out.set(r.punishmentNo, list);
  }
  return out;
}

const C = SnapshotColumn;

/** Builds a fresh index from one snapshot; returns it with the change-feed cursor of that snapshot. */
export async function loadIndexState(sql: Sql): Promise<IndexState> {
  const m = newPunishmentInput();
  return readPunishmentSnapshot(sql, async (snapshot) => {
    const index = new PunishmentIndex(snapshot.expectedCount);
    const parse = createCopyParser((buf, s, l) => {
      // punishment numbers stay far below 2³¹: the low word of the int8 is the number
      m.punishmentNo = buf.readUInt32BE((s[C.punishmentNo] ?? 0) + 4);
      m.kind = buf.readInt16BE(s[C.kind] ?? 0);
      m.isOrganisation = buf[s[C.isOrganisation] ?? 0] === 1;
      if ((l[C.idNumber] ?? -1) === 18) {
        packIdNumberBytes(buf, s[C.idNumber] ?? 0, m.key);
        m.hasKey = true;
      } else if ((l[C.creditCode] ?? -1) === 18) {
        packCreditCodeBytes(buf, s[C.creditCode] ?? 0, m.key);
        m.hasKey = true;
      } else {
        m.hasKey = false;
      }
      const nameAt = s[C.name] ?? 0;
      m.name = buf.toString('utf8', nameAt, nameAt + Math.max(0, l[C.name] ?? 0));
      m.courtNo = buf.readInt32BE(s[C.courtNo] ?? 0);
      m.caseYear = buf.readInt32BE(s[C.caseYear] ?? 0);
      m.caseTypeNo = buf.readInt32BE(s[C.caseTypeNo] ?? 0);
      m.caseSeq = buf.readInt32BE(s[C.caseSeq] ?? 0);
      m.sinceDay = buf.readInt32BE(s[C.sinceDay] ?? 0);
      m.untilDay = buf.readInt32BE(s[C.untilDay] ?? 0);
      m.behaviourMask = buf.readInt32BE(s[C.behaviourMask] ?? 0);
      m.roleNo = buf.readInt32BE(s[C.roleNo] ?? 0);
      index.upsert(m, true);
    });
    for await (const chunk of snapshot.rows) parse(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return {
      index,
      cursor: snapshot.cursor,
      courts: courtsByNumber(snapshot.courts),
      permissions: permissionsByNumber(snapshot.spendingPermissions),
    };
  });
}

function fillFromChange(m: PunishmentInput, c: PunishmentChange): boolean {
  if (!isPunishmentKind(c.punishment) || c.punishmentNo === null) return false;
  m.punishmentNo = c.punishmentNo;
  m.kind = PunishmentCode[c.punishment];
  m.isOrganisation = c.subjectKind !== 'natural';
  m.hasKey = true;
  if (c.idNumber && c.idNumber.length === 18) packIdNumber(c.idNumber, m.key);
  else if (c.creditCode && c.creditCode.length === 18) packCreditCode(c.creditCode, m.key);
  else m.hasKey = false;
  m.name = c.name;
  m.courtNo = c.courtNo ?? 0;
  const parts = c.caseNumber ? parseCaseNumber(c.caseNumber) : null;
  m.caseYear = parts?.year ?? 0;
  m.caseTypeNo = parts ? caseTypes.indexOf(parts.typeCode) + 1 : 0;
  m.caseSeq = parts?.sequence ?? 0;
  m.sinceDay = c.since ? dayOf(c.since) : 0;
  m.untilDay = c.until ? dayOf(c.until) : -1;
  m.behaviourMask = maskOf(c.behaviours);
  m.roleNo = Math.max(
    0,
    punishmentRoles.findIndex((r) => r === (c.role ?? 'debtor')),
  );
  return true;
}

/**
 * Applies the changes after `state.cursor` (up to `limit`) to the index; returns how many were read.
 * Listings and added restrictions are upserted, deletions and lifts removed, updates replaced.
 */
export async function applyChanges(database: Database, state: IndexState, limit = 5000): Promise<number> {
  const rows = await listChangesAfter(database.db, { after: state.cursor, limit });
  if (rows.length === 0) return 0;
  const m = newPunishmentInput();
  const touchedPermissions: number[] = [];
  let isCourtUnknown = false;
  for (const c of rows) {
    if (c.kind === 'deleted' || c.kind === 'restrictionLifted') {
      if (c.punishmentNo !== null) state.index.remove(c.punishmentNo);
    } else if (c.kind === 'listed' || c.kind === 'restrictionAdded' || c.kind === 'updated') {
      if (fillFromChange(m, c)) {
        state.index.upsert(m);
        if (c.punishment === 'consumptionRestriction') touchedPermissions.push(m.punishmentNo);
        if (!state.courts.has(m.courtNo)) isCourtUnknown = true;
      }
    }
    state.cursor = c.seq;
  }
  if (isCourtUnknown) state.courts = courtsByNumber(await listCourtNumbers(database.sql));
  if (touchedPermissions.length > 0) {
    const fresh = permissionsByNumber(await listSpendingPermissions(database.sql, touchedPermissions));
    for (const no of touchedPermissions) {
      const list = fresh.get(no);
      if (list) state.permissions.set(no, list);
      else state.permissions.delete(no);
    }
  }
  return rows.length;
}
