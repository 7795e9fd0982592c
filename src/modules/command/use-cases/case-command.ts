import type { Db } from '../../../platform/db.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { listEntrustments } from './entrustments.ts';
import { listPetitions } from './petitions.ts';
import { listSupervisions } from './supervisions.ts';

/** What the command centre holds on one case, for its page: supervisions, entrustments, petitions. */
export async function readCaseCommand(db: Db, actor: Actor, caseId: string) {
  const c = await loadCaseContext(db, actor, caseId);
  const [supervisions, entrustments, petitions] = await Promise.all([
    listSupervisions(db, { caseId: c.id }),
    listEntrustments(db, { caseId: c.id }),
    listPetitions(db, { caseId: c.id }),
  ]);
  return { caseId: c.id, supervisions: supervisions.items, entrustments, petitions };
}
