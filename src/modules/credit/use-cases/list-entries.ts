import { and, arrayContains, count, desc, eq, gte, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { maskIdNumber, normalizeForSearch, queryTokens } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, dataScopePrefix, getCourt, isInScope } from '../../identity/index.ts';
import { auditActorOf } from '../credit-store.ts';
import { isListingGround, listingGrounds } from '../rules/grounds.ts';
import { referenceOf } from '../rules/punishment.ts';
import { courts, entries } from '../tables.ts';

export const entryStates = ['pendingApproval', 'listed', 'refused', 'deleted', 'revoked'] as const;

export type EntryFilter = {
  state?: (typeof entryStates)[number];
  ground?: number;
  q?: string;
  from?: string;
  to?: string;
  courtId?: string;
  isOverdue?: boolean;
  page: number;
  pageSize: number;
};

async function conditionsFor(db: Db, actor: Actor, f: EntryFilter): Promise<SQL[]> {
  let prefix = dataScopePrefix(actor);
  if (f.courtId) {
    const court = await getCourt(db, f.courtId);
    if (!court || !isInScope(actor, court.path)) throw notFound('法院', 'Court');
    prefix = court.path;
  }
  const where: SQL[] = [like(entries.courtPath, `${prefix}%`)];
  if (f.state) where.push(eq(entries.state, f.state));
  if (f.ground) where.push(eq(entries.ground, f.ground));
  if (f.from) where.push(gte(entries.requestedOn, f.from));
  if (f.to) where.push(lte(entries.requestedOn, f.to));
  if (f.isOverdue)
    where.push(sql`${entries.state} = 'pendingApproval' and ${entries.decisionDueOn} < ${clock.today()}`);
  const q = f.q?.trim();
  if (q) {
    const tokens = queryTokens(q);
    const byName =
      tokens.length > 0
        ? and(
            arrayContains(entries.searchTokens, tokens),
            sql`position(${normalizeForSearch(q)} in lower(${entries.name})) > 0`,
          )
        : undefined;
    const byCase = like(entries.caseNumber, `%${q.replace(/[%_\\]/g, '')}%`);
    const byId = or(eq(entries.idNumber, q.toUpperCase()), eq(entries.creditCode, q.toUpperCase()));
    const any = or(...[byName, byCase, byId].filter((c): c is SQL => c !== undefined));
    if (any) where.push(any);
  }
  return where;
}

function itemOf(e: typeof entries.$inferSelect & { courtName: string | null }) {
  return {
    id: e.id,
    reference: referenceOf(e.punishmentNo),
    caseId: e.caseId,
    caseNumber: e.caseNumber,
    court: e.courtName ?? '',
    name: e.name,
    subjectKind: e.subjectKind,
    idNumber: e.idNumber ? maskIdNumber(e.idNumber) : null,
    creditCode: e.creditCode,
    ground: e.ground,
    groundLabel: isListingGround(e.ground) ? listingGrounds[e.ground] : { zh: '', en: '' },
    state: e.state,
    requestedOn: e.requestedOn,
    decidedOn: e.decidedOn,
    publishFrom: e.publishFrom,
    expiresOn: e.expiresOn,
    deletedOn: e.deletedOn,
    deletionGround: e.deletionGround,
    isCreditRepair: e.isCreditRepair,
    decisionDueOn: e.decisionDueOn,
    obligationFen: e.obligationFen,
    performedFen: e.performedFen,
  };
}

export type EntryListItem = ReturnType<typeof itemOf>;

/** The court's (and lower courts') entries with filters; names are personal data, so the read is audited. */
export async function listEntries(
  db: Db,
  actor: Actor,
  f: EntryFilter,
  opts: { purpose?: string; isExport?: boolean } = {},
) {
  const where = and(...(await conditionsFor(db, actor, f)));
  return db.transaction(async (tx) => {
    const [total] = await tx.select({ n: count() }).from(entries).where(where);
    const rows = await tx
      .select({ entry: entries, courtName: courts.name })
      .from(entries)
      .leftJoin(courts, eq(courts.courtNo, entries.courtNo))
      .where(where)
      .orderBy(desc(entries.requestedOn), desc(entries.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: opts.isExport ? 'credit.entries.export' : 'credit.entries.list',
      objectType: 'creditEntry',
      purpose: opts.purpose ?? null,
      detail: { filter: { ...f }, returned: rows.length },
    });
    return {
      items: rows.map((r) => itemOf({ ...r.entry, courtName: r.courtName })),
      total: total?.n ?? 0,
      page: f.page,
      pageSize: f.pageSize,
    };
  });
}
