import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { isInScope, requireRole } from '../policy.ts';
import { courts, userAreas, users } from '../tables.ts';

const areaCodePattern = /^[1-9]\d{5}$/;

/**
 * Grid workers (网格员) are attached to administrative areas (6-digit GB/T 2260 codes: a county, or
 * a city or province ending in 00 / 0000). A system administrator sets them.
 */
export async function setUserAreas(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  areaCodes: string[],
): Promise<string[]> {
  requireRole(actor, Role.admin);
  if (!isUuid(userId)) throw notFound('用户', 'User');
  areaCodes.forEach((code, i) => {
    if (!areaCodePattern.test(code))
      throw invalidField(`areaCodes.${i}`, '行政区划代码为6位数字', 'An area code is 6 digits');
  });
  const user = await loadUserInScope(tx, actor, userId);
  if (!user.roles.includes(Role.gridWorker))
    throw invalidField('userId', '该用户不是网格员', 'The user is not a grid worker');
  const unique = [...new Set(areaCodes)].sort();
  await tx.delete(userAreas).where(eq(userAreas.userId, userId));
  if (unique.length > 0) await tx.insert(userAreas).values(unique.map((areaCode) => ({ userId, areaCode })));
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: 'identity.user.set-areas',
    objectType: 'user',
    objectId: userId,
    detail: { areaCodes: unique },
  });
  return unique;
}

/** A user of a court in the administrator's scope, or 404: outside it the user does not exist. */
async function loadUserInScope(db: DbOrTx, actor: Actor, userId: string) {
  if (!isUuid(userId)) throw notFound('用户', 'User');
  const [user] = await db
    .select({ id: users.id, roles: users.roles, courtPath: courts.path })
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(eq(users.id, userId));
  if (!user || !isInScope(actor, user.courtPath)) throw notFound('用户', 'User');
  return user;
}

export async function areasOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ areaCode: userAreas.areaCode })
    .from(userAreas)
    .where(eq(userAreas.userId, userId));
  return rows.map((r) => r.areaCode).sort();
}

/** A grid worker's areas, for the administrator who sets them. */
export async function readUserAreas(db: DbOrTx, actor: Actor, userId: string): Promise<string[]> {
  requireRole(actor, Role.admin);
  await loadUserInScope(db, actor, userId);
  return areasOfUser(db, userId);
}
