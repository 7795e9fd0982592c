import type { Readable } from 'node:stream';
import { caseTypes } from '../../../kernel/index.ts';
import type { Sql } from '../../../platform/db.ts';
import { PunishmentCode, punishmentRoles } from '../rules/punishment.ts';
import { type CourtNumber, listCourtNumbers } from './list-court-numbers.ts';
import { listSpendingPermissions, type SpendingPermission } from './list-spending-permissions.ts';

/**
 * The columns of the binary snapshot, by position. Every one is a fixed-width integer or text, so
 * that a reader can take millions of rows straight from the bytes without making row objects
 * (docs/decisions/0008-matching-index.md).
 */
export const SnapshotColumn = {
  /** int8; numbers stay far below 2³¹, so its low word is the number. */
  punishmentNo: 0,
  /** int2: `PunishmentCode`. */
  kind: 1,
  /** bool: a legal person or other organisation. */
  isOrganisation: 2,
  /** text or null. */
  idNumber: 3,
  /** text or null. */
  creditCode: 4,
  /** text. */
  name: 5,
  /** int4: `CourtNumber.courtNo`. */
  courtNo: 6,
  /** int4. */
  caseYear: 7,
  /** int4: position in the kernel's `caseTypes` + 1 (0: unknown). */
  caseTypeNo: 8,
  /** int4. */
  caseSeq: 9,
  /** int4: first day in force, in days since 1970-01-01. */
  sinceDay: 10,
  /** int4: last day in force, in days since 1970-01-01, or −1 for none. */
  untilDay: 11,
  /** int4: bit b set for each 限消规定 art. 3 behaviour b restricted. */
  behaviourMask: 12,
  /** int4: position in `punishmentRoles`. */
  roleNo: 13,
} as const;

export type PunishmentSnapshot = {
  /** The last change of the feed in this snapshot: every change after it is still to be applied. */
  cursor: number;
  /** About how many punishments the snapshot holds (planner statistics, with headroom), for sizing. */
  expectedCount: number;
  courts: CourtNumber[];
  spendingPermissions: SpendingPermission[];
  /** The punishments in force as PostgreSQL binary COPY output, columns as in `SnapshotColumn`. */
  rows: Readable;
};

function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`;
}

const copySql = `copy (
  select p.punishment_no::int8,
    (case p.punishment when 'dishonestList' then ${PunishmentCode.dishonestList} when 'consumptionRestriction' then ${PunishmentCode.consumptionRestriction} else ${PunishmentCode.exitRestriction} end)::int2,
    (p.subject_kind <> 'natural')::bool,
    p.id_number, p.credit_code, p.name,
    p.court_no::int4, p.case_year::int4,
    coalesce(array_position(${sqlTextArray(caseTypes)}, p.case_type), 0)::int4,
    p.case_seq::int4,
    (p.since - date '1970-01-01')::int4,
    coalesce(p.until - date '1970-01-01', -1)::int4,
    p.behaviour_mask::int4,
    (coalesce(array_position(${sqlTextArray(punishmentRoles)}, p.role), 1) - 1)::int4
  from credit.active_punishments p
) to stdout (format binary)`;

/**
 * One consistent snapshot of the punishments in force (`credit.active_punishments`) for the
 * matching index: in one `repeatable read` transaction the change feed's head, the courts, the
 * spending permissions and the punishments streamed as binary COPY. `read` consumes the stream
 * before the transaction ends.
 */
export async function readPunishmentSnapshot<T>(
  sql: Sql,
  read: (snapshot: PunishmentSnapshot) => Promise<T>,
): Promise<T> {
  // Returned in an object: the typing of `begin` cannot pass a generic result through as it is.
  const { value } = await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [head] = await tx<{ seq: string }[]>`select coalesce(max(seq), 0)::text as seq from credit.changes`;
    const [estimate] = await tx<{ n: number }[]>`
      select (coalesce(sum(greatest(reltuples, 0)), 0) * 1.02 + 1024)::int as n from pg_class
      where oid in ('credit.entries'::regclass, 'credit.restriction_subjects'::regclass, 'credit.exit_restrictions'::regclass)`;
    const courts = await listCourtNumbers(tx);
    const spendingPermissions = await listSpendingPermissions(tx);
    const rows = await tx.unsafe(copySql).readable();
    const snapshot = {
      cursor: Number(head?.seq ?? 0),
      expectedCount: estimate?.n ?? 1024,
      courts,
      spendingPermissions,
      rows,
    };
    return { value: await read(snapshot) };
  });
  return value;
}
