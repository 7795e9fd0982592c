import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { recordChanges } from '../credit-store.ts';
import { revokeEntryInTx } from '../lifecycle/revoke-entry.ts';
import { assertCanDecide } from '../policy.ts';
import { loadEntryInScope } from './load-entry.ts';

export async function revokeEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    assertCanDecide(actor, await loadCaseContext(tx, actor, entry.caseId));
    if (entry.state !== 'listed')
      throw new AppError(
        ErrorCode.conflict,
        bi('只有在名单中的记录可以撤销', 'Only a listed entry can be revoked'),
      );
    const changes = await revokeEntryInTx(tx, entry, { reason: input.reason, today, actor });
    await recordChanges(tx, changes);
    return { id: entry.id, state: 'revoked' as const };
  });
}
