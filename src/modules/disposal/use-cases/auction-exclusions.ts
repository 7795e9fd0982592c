import { sql } from 'drizzle-orm';
import { validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role, requireRole } from '../../identity/index.ts';
import type { exclusionKindValues } from '../auction-contracts.ts';

/**
 * 网拍规定: the court, the platform, their staff and close relatives may not bid. Court users carry
 * no ID number in identity, so the administrator registers whoever may not bid by ID number;
 * registering and every deposit check against this list (idempotent: the latest entry stands).
 */
export async function recordExclusion(
  db: Db,
  actor: Actor,
  input: {
    idNumber: string;
    name: string;
    kind: (typeof exclusionKindValues)[number];
    note?: string | undefined;
  },
) {
  requireRole(actor, Role.admin);
  const checked = validateIdNumber(input.idNumber, clock.today());
  if (!checked.ok) throw invalidField('idNumber', checked.reason.zh, checked.reason.en);
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into disposal.auction_exclusions (id_number, name, kind, note, created_by)
      values (${checked.value}, ${input.name}, ${input.kind}, ${input.note ?? ''}, ${actor.userId}::uuid)
      on conflict (id_number) do update set name = excluded.name, kind = excluded.kind, note = excluded.note`);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'auction.exclusion.record',
      objectType: 'auctionExclusion',
      objectId: null,
      detail: { kind: input.kind, name: input.name },
    });
    return { idNumber: checked.value, kind: input.kind };
  });
}
