import { adoptClockOffset, advanceClock, clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { requireRole } from '../policy.ts';

/**
 * Demo mode only (the route exists only there): a system administrator moves the one clock
 * forward, so that deadlines, terms and auctions can be shown in minutes. Every process and the
 * simulated world follow; the move is audited and survives a restart.
 */
export async function moveClockForward(db: Db, actor: Actor, advanceSeconds: number) {
  requireRole(actor, Role.admin);
  const offsetMs = await db.transaction(async (tx) => {
    const moved = await advanceClock(tx, advanceSeconds);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'clock.advance',
      objectType: 'clock',
      objectId: 'demo',
      detail: { advanceSeconds, offsetMs: moved },
    });
    return moved;
  });
  adoptClockOffset(offsetMs);
  return { now: clock.now().toISOString(), today: clock.today(), offsetSeconds: Math.floor(offsetMs / 1000) };
}
