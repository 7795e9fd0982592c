import type { DbOrTx } from '../../../platform/db.ts';
import type { Actor } from '../actor.ts';
import { getCourt } from './manage-courts.ts';

/**
 * Background work (re-queries, warnings) acts for a court, not for a person: an actor with the
 * case's court as its data scope and no roles, used only to read a case's team and parties.
 */
export async function systemActorFor(db: DbOrTx, courtId: string): Promise<Actor | null> {
  const court = await getCourt(db, courtId);
  if (!court) return null;
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: '系统 / System',
    roles: [],
    court: {
      id: court.id,
      name: court.name,
      courtCode: court.courtCode,
      level: court.level,
      path: court.path,
    },
  };
}
