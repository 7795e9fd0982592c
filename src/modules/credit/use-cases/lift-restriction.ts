import { and, eq, like } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, dataScopePrefix } from '../../identity/index.ts';
import { type ChangeInput, recordChanges } from '../credit-store.ts';
import { deleteEntryInTx } from '../lifecycle/delete-entry.ts';
import { liftRestrictionInTx } from '../lifecycle/lift-restriction.ts';
import { assertCanDecide } from '../policy.ts';
import { entries, restrictions } from '../tables.ts';

/**
 * Lifting by the court. A listed debtor must stay restricted (限消规定 art. 1), so lifting on the
 * applicant's consent is refused while the listing stands; lifting on performance or security is
 * credit repair and deletes the listing in the same decision.
 */
export async function liftRestriction(
  db: Db,
  actor: Actor,
  restrictionId: string,
  input: { ground: 'performed' | 'security' | 'applicantConsent'; reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  if (!isUuid(restrictionId)) throw notFound('限制消费令', 'Consumption restriction');
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(restrictions)
      .where(
        and(eq(restrictions.id, restrictionId), like(restrictions.courtPath, `${dataScopePrefix(actor)}%`)),
      )
      .for('update');
    if (!r) throw notFound('限制消费令', 'Consumption restriction');
    const c = await loadCaseContext(tx, actor, r.caseId);
    assertCanDecide(actor, c);
    if (r.state !== 'active')
      throw new AppError(ErrorCode.conflict, bi('限制消费令已解除', 'The restriction is already lifted'));
    const [listed] = await tx
      .select()
      .from(entries)
      .where(
        and(
          eq(entries.caseId, r.caseId),
          eq(entries.respondentPartyId, r.respondentPartyId),
          eq(entries.state, 'listed'),
        ),
      )
      .for('update');
    const changes: ChangeInput[] = [];
    if (listed) {
      if (input.ground === 'applicantConsent') {
        throw new AppError(
          ErrorCode.preconditionFailed,
          bi(
            '被执行人仍在失信名单中，须先删除失信信息方可解除限制消费',
            'The debtor is still listed as dishonest; delete the entry first',
          ),
          [
            {
              path: 'ground',
              message: bi('限消规定第一条：失信被执行人应当限制消费', 'A listed debtor must stay restricted'),
            },
          ],
        );
      }
      changes.push(
        ...(await deleteEntryInTx(tx, {
          entry: listed,
          ground: input.ground === 'performed' ? 'fullyPerformed' : 'securityProvided',
          reason: input.reason,
          occurredOn: today,
          today,
          actor,
          liftRestriction: false,
        })),
      );
    }
    changes.push(
      ...(await liftRestrictionInTx(tx, r, { ground: input.ground, reason: input.reason, today, actor })),
    );
    await recordChanges(tx, changes);
    return { id: r.id, state: 'lifted' as const, deletedEntryId: listed?.id ?? null };
  });
}
