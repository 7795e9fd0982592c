import type { Db } from '../../../../platform/db.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import { listCaseSelfDisposals } from './self-disposal-store.ts';

/**
 * A case's self-disposals with their state (open → paid → completed, or lapsed), and the
 * respondent's applications: for anyone who sees the case (outside the data scope 404).
 */
export async function listSelfDisposals(db: Db, actor: Actor, caseId: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    return listCaseSelfDisposals(tx, c.id);
  });
}
