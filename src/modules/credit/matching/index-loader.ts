/**
 * Fills the matching index from the database: one consistent snapshot of `credit.active_measures`
 * streamed as binary COPY (no row objects), then the change feed from the snapshot's cursor.
 */
import type postgres from 'postgres';
import { caseTypes, parseCaseNumber } from '../../../kernel/index.ts';
import type { Sql } from '../../../platform/db.ts';
import { type MeasureIndex, type MeasureInput, newMeasureInput } from './measure-index.ts';
import { MeasureCode, roleNames } from './measure-layout.ts';
import { packCreditCode, packCreditCodeBytes, packIdNumber, packIdNumberBytes } from './subject-key.ts';

export type CourtInfo = { name: string; courtCode: string };
export type Permission = { mask: number; fromDay: number; untilDay: number };

export type IndexState = {
  index: MeasureIndex;
  /** The last change applied: every change with a higher `seq` is still to come. */
  cursor: number;
  courts: Map<number, CourtInfo>;
  permissions: Map<number, Permission[]>;
};

const msPerDay = 86_400_000;

export function dayOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / msPerDay);
}

const isoByDay = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (cached: answers repeat the same few thousand dates). */
export function isoOfDay(day: number): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * msPerDay).toISOString().slice(0, 10);
    if (isoByDay.size < 100_000) isoByDay.set(day, iso);
  }
  return iso;
}

function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`;
}

// Column order of the COPY below; every column is a fixed-width integer or text.
const copySql = `copy (
  select m.measure_no::int8,
    (case m.measure when 'dishonestList' then ${MeasureCode.dishonestList} when 'consumptionRestriction' then ${MeasureCode.consumptionRestriction} else ${MeasureCode.exitRestriction} end)::int2,
    (m.subject_kind <> 'natural')::bool,
    m.id_number, m.credit_code, m.name,
    m.court_no::int4, m.case_year::int4,
    coalesce(array_position(${sqlTextArray(caseTypes)}, m.case_type), 0)::int4,
    m.case_seq::int4,
    (m.since - date '1970-01-01')::int4,
    coalesce(m.until - date '1970-01-01', -1)::int4,
    m.behaviour_mask::int4,
    (coalesce(array_position(${sqlTextArray(roleNames)}, m.role), 1) - 1)::int4
  from credit.active_measures m
) to stdout (format binary)`;

/** Parses PostgreSQL binary COPY tuples out of a stream of chunks, calling `onRow` per complete row. */
function createCopyParser(onRow: (buf: Buffer, fieldStarts: Int32Array, fieldLengths: Int32Array) => void) {
  let pending: Buffer = Buffer.alloc(0);
  let isHeaderRead = false;
  const starts = new Int32Array(32);
  const lengths = new Int32Array(32);
  return (chunk: Buffer) => {
    const buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let at = 0;
    if (!isHeaderRead) {
      if (buf.length < 19) {
        pending = buf;
        return;
      }
      at = 19 + buf.readInt32BE(15);
      isHeaderRead = true;
    }
    for (;;) {
      if (at + 2 > buf.length) break;
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        at += 2;
        break;
      }
      let p = at + 2;
      let isComplete = true;
      for (let f = 0; f < fields; f++) {
        if (p + 4 > buf.length) {
          isComplete = false;
          break;
        }
        const length = buf.readInt32BE(p);
        p += 4;
        starts[f] = p;
        lengths[f] = length;
        if (length > 0) p += length;
        if (p > buf.length) {
          isComplete = false;
          break;
        }
      }
      if (!isComplete) break;
      onRow(buf, starts, lengths);
      at = p;
    }
    pending = at >= buf.length ? Buffer.alloc(0) : buf.subarray(at);
  };
}

/** Builds a fresh index from one snapshot; returns it with the change-feed cursor of that snapshot. */
export async function loadIndexState(sql: Sql, index: MeasureIndex): Promise<IndexState> {
  const m = newMeasureInput();
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const [head] = await tx<{ seq: string }[]>`select coalesce(max(seq), 0)::text as seq from credit.changes`;
    const courts = await loadCourts(tx);
    const permissions = await loadPermissions(tx);
    const stream = await tx.unsafe(copySql).readable();
    const parse = createCopyParser((buf, s, l) => {
      // measure numbers stay far below 2³¹: the low word of the int8 is the number
      m.measureNo = buf.readUInt32BE((s[0] ?? 0) + 4);
      m.measure = buf.readInt16BE(s[1] ?? 0);
      m.isOrganisation = buf[s[2] ?? 0] === 1;
      const idLength = l[3] ?? -1;
      const codeLength = l[4] ?? -1;
      if (idLength === 18) {
        packIdNumberBytes(buf, s[3] ?? 0, m.key);
        m.hasKey = true;
      } else if (codeLength === 18) {
        packCreditCodeBytes(buf, s[4] ?? 0, m.key);
        m.hasKey = true;
      } else {
        m.hasKey = false;
      }
      m.name = buf.toString('utf8', s[5] ?? 0, (s[5] ?? 0) + Math.max(0, l[5] ?? 0));
      m.courtNo = buf.readInt32BE(s[6] ?? 0);
      m.caseYear = buf.readInt32BE(s[7] ?? 0);
      m.caseTypeNo = buf.readInt32BE(s[8] ?? 0);
      m.caseSeq = buf.readInt32BE(s[9] ?? 0);
      m.sinceDay = buf.readInt32BE(s[10] ?? 0);
      m.untilDay = buf.readInt32BE(s[11] ?? 0);
      m.behaviourMask = buf.readInt32BE(s[12] ?? 0);
      m.roleNo = buf.readInt32BE(s[13] ?? 0);
      index.upsert(m, true);
    });
    for await (const chunk of stream) parse(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return { index, cursor: Number(head?.seq ?? 0), courts, permissions };
  });
}

async function loadCourts(sql: Sql | postgres.TransactionSql): Promise<Map<number, CourtInfo>> {
  const rows = await sql<
    { court_no: number; name: string; court_code: string }[]
  >`select court_no, name, court_code from credit.courts`;
  return new Map(rows.map((r) => [r.court_no, { name: r.name, courtCode: r.court_code }]));
}

function maskOf(behaviours: readonly number[] | null): number {
  let mask = 0;
  for (const b of behaviours ?? []) mask |= 1 << b;
  return mask;
}

async function loadPermissions(
  sql: Sql | postgres.TransactionSql,
  measureNos?: number[],
): Promise<Map<number, Permission[]>> {
  const rows = await sql<
    { measure_no: string; behaviours: number[]; valid_from: string; valid_until: string }[]
  >`
    select s.measure_no::text as measure_no, p.behaviours, p.valid_from::text as valid_from, p.valid_until::text as valid_until
    from credit.spending_permissions p join credit.restriction_subjects s on s.id = p.restriction_subject_id
    ${measureNos ? sql`where s.measure_no = any(${measureNos}::bigint[])` : sql``}`;
  const out = new Map<number, Permission[]>();
  for (const r of rows) {
    const list = out.get(Number(r.measure_no)) ?? [];
    list.push({ mask: maskOf(r.behaviours), fromDay: dayOf(r.valid_from), untilDay: dayOf(r.valid_until) });
    out.set(Number(r.measure_no), list);
  }
  return out;
}

type ChangeRow = {
  seq: string;
  kind: string;
  measure: string;
  measure_no: string | null;
  subject_kind: string;
  id_number: string | null;
  credit_code: string | null;
  name: string;
  court_no: number | null;
  case_number: string | null;
  since: string | null;
  until: string | null;
  behaviours: number[] | null;
  role: string | null;
};

const measureCodes: Record<string, number> = {
  dishonestList: MeasureCode.dishonestList,
  consumptionRestriction: MeasureCode.consumptionRestriction,
  exitRestriction: MeasureCode.exitRestriction,
};

function fillFromChange(m: MeasureInput, c: ChangeRow): boolean {
  const measure = measureCodes[c.measure];
  if (!measure || c.measure_no === null) return false;
  m.measureNo = Number(c.measure_no);
  m.measure = measure;
  m.isOrganisation = c.subject_kind !== 'natural';
  m.hasKey = true;
  if (c.id_number && c.id_number.length === 18) packIdNumber(c.id_number, m.key);
  else if (c.credit_code && c.credit_code.length === 18) packCreditCode(c.credit_code, m.key);
  else m.hasKey = false;
  m.name = c.name;
  m.courtNo = c.court_no ?? 0;
  const parts = c.case_number ? parseCaseNumber(c.case_number) : null;
  m.caseYear = parts?.year ?? 0;
  m.caseTypeNo = parts ? caseTypes.indexOf(parts.typeCode) + 1 : 0;
  m.caseSeq = parts?.sequence ?? 0;
  m.sinceDay = c.since ? dayOf(c.since) : 0;
  m.untilDay = c.until ? dayOf(c.until) : -1;
  m.behaviourMask = maskOf(c.behaviours);
  m.roleNo = Math.max(
    0,
    roleNames.findIndex((r) => r === (c.role ?? 'debtor')),
  );
  return true;
}

/**
 * Applies the changes after `state.cursor` (up to `limit`) to the index; returns how many were read.
 * Listings and added restrictions are upserted, deletions and lifts removed, updates replaced.
 */
export async function applyChanges(sql: Sql, state: IndexState, limit = 5000): Promise<number> {
  const rows = await sql<ChangeRow[]>`
    select seq::text as seq, kind, measure, measure_no::text as measure_no, subject_kind, id_number, credit_code, name,
      court_no, case_number, since::text as since, until::text as until, behaviours, role
    from credit.changes where seq > ${state.cursor} order by seq limit ${limit}`;
  if (rows.length === 0) return 0;
  const m = newMeasureInput();
  const touchedPermissions: number[] = [];
  let isCourtUnknown = false;
  for (const c of rows) {
    if (c.kind === 'deleted' || c.kind === 'restrictionLifted') {
      if (c.measure_no !== null) state.index.remove(Number(c.measure_no));
    } else if (c.kind === 'listed' || c.kind === 'restrictionAdded' || c.kind === 'updated') {
      if (fillFromChange(m, c)) {
        state.index.upsert(m);
        if (c.measure === 'consumptionRestriction') touchedPermissions.push(m.measureNo);
        if (!state.courts.has(m.courtNo)) isCourtUnknown = true;
      }
    }
    state.cursor = Number(c.seq);
  }
  if (isCourtUnknown) state.courts = await loadCourts(sql);
  if (touchedPermissions.length > 0) {
    const fresh = await loadPermissions(sql, touchedPermissions);
    for (const no of touchedPermissions) {
      const list = fresh.get(no);
      if (list) state.permissions.set(no, list);
      else state.permissions.delete(no);
    }
  }
  return rows.length;
}
