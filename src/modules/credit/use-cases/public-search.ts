import {
  type AnyColumn,
  and,
  arrayContains,
  count,
  desc,
  eq,
  gte,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import {
  defaultIdMask,
  type IdMask,
  maskIdNumber,
  normalizeForSearch,
  queryTokens,
  validateCreditCode,
  validateIdNumber,
} from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { boundRoles, isRestrictedBehaviour, restrictedBehaviours } from '../rules/consumption.ts';
import { isListingGround, listingGrounds } from '../rules/grounds.ts';
import { publicSubjectOf } from '../rules/public-record.ts';
import { referenceOf } from '../rules/punishment.ts';
import { courts, entries, restrictionSubjects, restrictions } from '../tables.ts';

// Abuse resistance of the public list: a real query, small pages, no deep paging.
export const publicPageSize = 10;
export const publicMaxPage = 20;

type Query =
  | { kind: 'idNumber'; value: string }
  | { kind: 'creditCode'; value: string }
  | { kind: 'name'; tokens: string[]; text: string };

/** What the query is: a whole ID number, a whole credit code, or a name of at least two characters. */
export function parsePublicQuery(q: string, today: string): Query {
  const text = q.trim();
  const asId = validateIdNumber(text, today);
  if (asId.ok) return { kind: 'idNumber', value: asId.value };
  const asCode = validateCreditCode(text);
  if (asCode.ok) return { kind: 'creditCode', value: asCode.value };
  const normalised = normalizeForSearch(text);
  if ([...normalised].length < 2) {
    throw invalidField(
      'q',
      '请输入至少两个字的姓名或名称，或完整的身份证号、统一社会信用代码',
      'Give a name of at least two characters, or a whole ID number or credit code',
    );
  }
  if (/^[0-9xX]{15,}$/.test(normalised))
    throw invalidField('q', '身份证号或统一社会信用代码有误', 'The ID number or credit code is not valid');
  return { kind: 'name', tokens: queryTokens(text), text: normalised };
}

function nameCondition(column: AnyColumn, tokens: AnyColumn, q: Query & { kind: 'name' }): SQL | undefined {
  return and(
    arrayContains(tokens, q.tokens),
    sql`position(${q.text} in lower(regexp_replace(${column}, '[[:space:]()（）·.,，、-]', '', 'g'))) > 0`,
  );
}

function roleLabelOf(role: string): { zh: string; en: string } {
  if (role === 'debtor') return { zh: '被执行人', en: 'Debtor' };
  const found = Object.entries(boundRoles).find(([key]) => key === role);
  return found ? found[1] : { zh: role, en: role };
}

/**
 * The public dishonest list (失信规定 art. 6): published entries only — listed, past the grace
 * period and within the term; deleted or revoked entries vanish at once. ID numbers masked.
 */
export async function searchPublicDishonest(
  db: Db,
  input: { q: string; page: number },
  opts: { mask?: IdMask } = {},
) {
  const today = clock.today();
  const q = parsePublicQuery(input.q, today);
  const where = and(
    eq(entries.state, 'listed'),
    lte(entries.publishFrom, today),
    or(isNull(entries.expiresOn), gte(entries.expiresOn, today)),
    q.kind === 'idNumber'
      ? eq(entries.idNumber, q.value)
      : q.kind === 'creditCode'
        ? eq(entries.creditCode, q.value)
        : nameCondition(entries.name, entries.searchTokens, q),
  );
  const page = Math.min(input.page, publicMaxPage);
  const [total] = await db.select({ n: count() }).from(entries).where(where);
  const rows = await db
    .select({ e: entries, courtName: courts.name })
    .from(entries)
    .leftJoin(courts, eq(courts.courtNo, entries.courtNo))
    .where(where)
    .orderBy(desc(entries.publishFrom), desc(entries.punishmentNo))
    .limit(publicPageSize)
    .offset((page - 1) * publicPageSize);
  return {
    items: rows.map(({ e, courtName }) => ({
      reference: referenceOf(e.punishmentNo),
      subject: publicSubjectOf({ ...e, kind: e.subjectKind }, today, opts.mask ?? defaultIdMask),
      obligationFen: e.obligationFen,
      performedFen: e.performedFen,
      // 失信规定 art. 6: the dishonest conduct
      conduct: isListingGround(e.ground) ? listingGrounds[e.ground] : { zh: '', en: '' },
      basis: { documentNumber: e.basisDocumentNumber, issuedBy: e.basisIssuedBy },
      caseNumber: e.caseNumber,
      court: courtName ?? '',
      filedOn: e.caseFiledOn,
      listedOn: e.publishFrom ?? '',
    })),
    total: total?.n ?? 0,
    page,
    pageSize: publicPageSize,
  };
}

/** Persons and organisations under a consumption restriction in force, searchable the same way. */
export async function searchPublicRestricted(
  db: Db,
  input: { q: string; page: number },
  opts: { mask?: IdMask } = {},
) {
  const today = clock.today();
  const q = parsePublicQuery(input.q, today);
  const where = and(
    eq(restrictionSubjects.state, 'active'),
    eq(restrictions.state, 'active'),
    q.kind === 'idNumber'
      ? eq(restrictionSubjects.idNumber, q.value)
      : q.kind === 'creditCode'
        ? eq(restrictionSubjects.creditCode, q.value)
        : nameCondition(restrictionSubjects.name, restrictionSubjects.searchTokens, q),
  );
  const page = Math.min(input.page, publicMaxPage);
  const [total] = await db
    .select({ n: count() })
    .from(restrictionSubjects)
    .innerJoin(restrictions, eq(restrictions.id, restrictionSubjects.restrictionId))
    .where(where);
  const rows = await db
    .select({ s: restrictionSubjects, r: restrictions, courtName: courts.name })
    .from(restrictionSubjects)
    .innerJoin(restrictions, eq(restrictions.id, restrictionSubjects.restrictionId))
    .leftJoin(courts, eq(courts.courtNo, restrictions.courtNo))
    .where(where)
    .orderBy(desc(restrictionSubjects.restrictedFrom), desc(restrictionSubjects.punishmentNo))
    .limit(publicPageSize)
    .offset((page - 1) * publicPageSize);
  const mask = opts.mask ?? defaultIdMask;
  return {
    items: rows.map(({ s, r, courtName }) => ({
      reference: referenceOf(s.punishmentNo),
      name: s.name,
      idNumber: s.idNumber ? maskIdNumber(s.idNumber, mask) : null,
      creditCode: s.creditCode,
      role: s.role,
      roleLabel: roleLabelOf(s.role),
      debtorName: r.name,
      behaviours: r.behaviours
        .filter(isRestrictedBehaviour)
        .map((b) => ({ item: b, ...restrictedBehaviours[b] })),
      caseNumber: r.caseNumber,
      court: courtName ?? '',
      restrictedFrom: s.restrictedFrom,
    })),
    total: total?.n ?? 0,
    page,
    pageSize: publicPageSize,
  };
}
