import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, dataScopePrefix } from '../../identity/index.ts';
import { restrictionSubjects, restrictions } from '../tables.ts';

/** A restriction subject and its order, of a court in the actor's data scope, or 404. */
export async function loadSubjectInScope(db: DbOrTx, actor: Actor, subjectId: string) {
  if (!isUuid(subjectId)) throw notFound('限制消费对象', 'Restricted person');
  const [row] = await db
    .select({ subject: restrictionSubjects, restriction: restrictions })
    .from(restrictionSubjects)
    .innerJoin(restrictions, eq(restrictions.id, restrictionSubjects.restrictionId))
    .where(
      and(eq(restrictionSubjects.id, subjectId), like(restrictions.courtPath, `${dataScopePrefix(actor)}%`)),
    )
    .for('update');
  if (!row) throw notFound('限制消费对象', 'Restricted person');
  return row;
}

export async function loadRestrictionInScope(db: DbOrTx, actor: Actor, restrictionId: string) {
  if (!isUuid(restrictionId)) throw notFound('限制消费令', 'Consumption restriction');
  const [row] = await db
    .select()
    .from(restrictions)
    .where(
      and(eq(restrictions.id, restrictionId), like(restrictions.courtPath, `${dataScopePrefix(actor)}%`)),
    )
    .for('update');
  if (!row) throw notFound('限制消费令', 'Consumption restriction');
  return row;
}
