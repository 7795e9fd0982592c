import { and, eq, isNull } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanManageUnits } from '../policy.ts';
import { units } from '../tables.ts';
import { toUnit, type Unit } from '../unit-store.ts';

/** Ends a unit's key for good; a second revocation is a conflict. */
export async function revokeUnit(tx: DbOrTx, actor: Actor, id: string): Promise<Unit> {
  assertCanManageUnits(actor);
  if (!isUuid(id)) throw notFound('接入单位', 'API client');
  const [row] = await tx
    .update(units)
    .set({ revokedAt: clock.now(), revokedBy: actor.userId })
    .where(and(eq(units.id, id), isNull(units.revokedAt)))
    .returning();
  if (!row) {
    const [exists] = await tx.select({ id: units.id }).from(units).where(eq(units.id, id));
    if (!exists) throw notFound('接入单位', 'API client');
    throw new AppError(ErrorCode.conflict, bi('该密钥已吊销', 'The key is already revoked'));
  }
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    // The action and object type the audit chain has recorded units under since they were identity's.
    action: 'identity.api-client.revoke',
    objectType: 'apiClient',
    objectId: id,
  });
  return toUnit(row);
}
