import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, like } from 'drizzle-orm';
import {
  type CourtLevel,
  childCourtLevels,
  isValidCourtCode,
  supremeCourtCode,
} from '../../../kernel/index.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { isInScope, requireRole } from '../policy.ts';
import { courts } from '../tables.ts';

export type CourtView = {
  id: string;
  name: string;
  courtCode: string;
  level: CourtLevel;
  divisionCode: string;
  parentId: string | null;
};

function toView(c: typeof courts.$inferSelect): CourtView {
  return {
    id: c.id,
    name: c.name,
    courtCode: c.courtCode,
    level: c.level as CourtLevel,
    divisionCode: c.divisionCode,
    parentId: c.parentId,
  };
}

/** Courts visible to the actor: their own and every court below it. */
export async function listCourts(db: DbOrTx, actor: Actor): Promise<CourtView[]> {
  const rows = await db
    .select()
    .from(courts)
    .where(like(courts.path, `${actor.court.path}%`))
    .orderBy(asc(courts.path));
  return rows.map(toView);
}

export async function getCourt(db: DbOrTx, id: string): Promise<(CourtView & { path: string }) | null> {
  const [row] = await db.select().from(courts).where(eq(courts.id, id)).limit(1);
  return row ? { ...toView(row), path: row.path } : null;
}

export type NewCourt = {
  name: string;
  courtCode: string;
  level: CourtLevel;
  divisionCode: string;
  parentId: string | null;
};

/** Inserts a court without an actor (demo seeding and first-run setup). */
export async function insertCourt(
  tx: DbOrTx,
  input: NewCourt,
  id: string = randomUUID(),
): Promise<CourtView> {
  let path = `/${id}/`;
  if (input.level === 'supreme') {
    if (input.parentId)
      throw invalidField('parentId', '最高人民法院没有上级法院', 'The SPC has no parent court');
  } else {
    if (!input.parentId) throw invalidField('parentId', '请选择上级法院', 'A parent court is required');
    const parent = await getCourt(tx, input.parentId);
    if (!parent) throw invalidField('parentId', '上级法院不存在', 'Parent court not found');
    if (!childCourtLevels[parent.level].includes(input.level)) {
      throw invalidField(
        'level',
        '法院层级与上级法院不匹配',
        'Court level does not fit under the parent court',
      );
    }
    path = `${parent.path}${id}/`;
  }
  // The same rule numbers the court's cases (案号规定): a code saved here can always file a case.
  if (!isValidCourtCode(input.courtCode, input.level)) {
    throw invalidField('courtCode', '法院代字格式不符合层级', 'Court code does not fit the court level');
  }
  const [clash] = await tx
    .select({ id: courts.id })
    .from(courts)
    .where(eq(courts.courtCode, input.courtCode));
  if (clash && input.level !== 'detachedTribunal') {
    throw new AppError(ErrorCode.conflict, bi('法院代字已存在', 'Court code already exists'), [
      { path: 'courtCode', message: bi('法院代字已存在', 'Court code already exists') },
    ]);
  }
  const [row] = await tx
    .insert(courts)
    .values({ id, ...input, path })
    .returning();
  if (!row) throw new AppError(ErrorCode.internal);
  return toView(row);
}

export async function createCourt(db: Db, actor: Actor, input: NewCourt): Promise<CourtView> {
  requireRole(actor, Role.admin);
  if (input.parentId) {
    const parent = await getCourt(db, input.parentId);
    if (!parent || !isInScope(actor, parent.path)) throw notFound('上级法院', 'Parent court');
  } else if (actor.court.level !== 'supreme') {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有最高人民法院的管理员可以创建根法院', 'Only SPC administrators may create a root court'),
    );
  }
  return db.transaction(async (tx) => {
    const court = await insertCourt(tx, input);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'court.create',
      objectType: 'court',
      objectId: court.id,
      detail: { name: court.name, courtCode: court.courtCode },
    });
    return court;
  });
}

export async function courtNamesByIds(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: courts.id, name: courts.name })
    .from(courts)
    .where(inArray(courts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findCourtByCode(db: DbOrTx, courtCode: string): Promise<CourtView | null> {
  const rows = await db
    .select()
    .from(courts)
    .where(eq(courts.courtCode, courtCode))
    .orderBy(asc(courts.path));
  const court = rows.find((c) => c.level !== 'detachedTribunal') ?? rows[0];
  return court ? toView(court) : null;
}

/** On a fresh installation the SPC is the root of the court tree; created with the first administrator. */
export async function ensureRootCourt(db: DbOrTx): Promise<CourtView> {
  const existing = await findCourtByCode(db, supremeCourtCode);
  if (existing) return existing;
  return insertCourt(db, {
    name: '最高人民法院',
    courtCode: supremeCourtCode,
    level: 'supreme',
    divisionCode: '100000',
    parentId: null,
  });
}

/** The courts directly below a court (its children, detached tribunals included), by path. */
export async function listChildCourts(
  db: DbOrTx,
  parentId: string,
): Promise<(CourtView & { path: string })[]> {
  const rows = await db
    .select()
    .from(courts)
    .where(eq(courts.parentId, parentId))
    .orderBy(asc(courts.courtCode), asc(courts.path));
  return rows.map((row) => ({ ...toView(row), path: row.path }));
}
