import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { recordChanges } from '../credit-store.ts';
import { deleteEntryInTx } from '../lifecycle/delete-entry.ts';
import { assertCanDecide } from '../policy.ts';
import type { DeletionGround } from '../rules/deletion.ts';
import { applicantKeyOf, findApplicant } from './case-parties.ts';
import { loadEntryInScope } from './load-entry.ts';

/**
 * Delisting by the court (`POST /credit/entries/{id}/delist`): on the applicant's written request
 * by default (失信规定 art. 10(3), which bars that applicant's new request for six months), or on
 * another ground of art. 10 the court has found.
 */
export async function delistEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { reason: string; ground?: DeletionGround; applicantId?: string; occurredOn?: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  const ground = input.ground ?? 'applicantRequest';
  const occurredOn = input.occurredOn ?? today;
  if (compareIsoDates(occurredOn, today) > 0) {
    throw new AppError(
      ErrorCode.invalidInput,
      bi('事由发生日期不能晚于今天', 'The ground cannot occur in the future'),
      [{ path: 'occurredOn', message: bi('日期晚于今天', 'Date is in the future') }],
    );
  }
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, entry.caseId);
    assertCanDecide(actor, c);
    if (entry.state !== 'listed')
      throw new AppError(ErrorCode.conflict, bi('该记录不在失信名单中', 'The entry is not listed'));
    const applicant =
      ground === 'applicantRequest'
        ? findApplicant(c, input.applicantId ?? entry.applicantPartyId ?? undefined)
        : null;
    const changes = await deleteEntryInTx(tx, {
      entry,
      ground,
      reason: input.reason,
      occurredOn,
      today,
      actor,
      applicantKey: applicant ? applicantKeyOf(applicant) : null,
    });
    await recordChanges(tx, changes);
    return { id: entry.id, state: 'deleted' as const, deletedOn: today, ground };
  });
}
