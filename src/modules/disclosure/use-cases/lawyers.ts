import { randomUUID } from 'node:crypto';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TLawyerInput } from '../contracts.ts';
import { lawyers } from '../tables.ts';

/**
 * A lawyer's portal account, registered by a court administrator from the licence (律师执业证).
 * The lawyer sees the cases of the parties who named them as agent with this licence number.
 */
export async function registerLawyer(
  db: DbOrTx,
  actor: Actor,
  input: TLawyerInput,
  hash: (password: string) => Promise<string>,
) {
  const id = randomUUID();
  const createdAt = clock.now();
  const passwordHash = await hash(input.password);
  const [row] = await db
    .insert(lawyers)
    .values({
      id,
      name: input.name,
      lawFirm: input.lawFirm,
      licenceNumber: input.licenceNumber,
      phone: input.phone,
      passwordHash,
      courtId: actor.court.id,
      createdBy: actor.userId,
      createdAt,
    })
    .onConflictDoNothing({ target: lawyers.licenceNumber })
    .returning({ id: lawyers.id });
  if (!row) {
    throw new AppError(
      ErrorCode.conflict,
      bi('该执业证号已登记', 'A lawyer with this licence number is registered'),
      [{ path: 'licenceNumber', message: bi('该执业证号已登记', 'Already registered') }],
    );
  }
  await appendAudit(db, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: 'disclosure.lawyer.register',
    objectType: 'lawyer',
    objectId: id,
    detail: { licenceNumber: input.licenceNumber },
  });
  return {
    id,
    name: input.name,
    lawFirm: input.lawFirm,
    licenceNumber: input.licenceNumber,
    createdAt: createdAt.toISOString(),
  };
}
