import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import { courtInScope, indicatorReaders, requireAnyRole } from '../policy.ts';
import { activityOn } from './daily-activity.ts';
import { computeIndicators, periodOf } from './read-indicators.ts';

/** The big screen's one read: today's counters and this year's indicators of a court and those below it. */
export async function readLive(db: Db, actor: Actor, query: { court?: string }) {
  requireAnyRole(actor, indicatorReaders);
  const today = clock.today();
  const court = await courtInScope(db, actor, query.court);
  const [today_, indicators] = await Promise.all([
    activityOn(db, court.path, today),
    computeIndicators(db, court, periodOf({}, today), today),
  ]);
  return { today, now: clock.now().toISOString(), activity: today_, ...indicators };
}
