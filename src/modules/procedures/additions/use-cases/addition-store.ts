import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../../platform/errors.ts';
import { isUuid } from '../../../../platform/ids.ts';
import { type CaseContext, loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import { respondentAdditions } from '../tables.ts';

export type AdditionRow = typeof respondentAdditions.$inferSelect;

export function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

export function auditActorOf(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

async function loadAddition(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AdditionRow> {
  if (!isUuid(id)) throw notFound('变更、追加申请', 'Application to add a respondent');
  const query = db.select().from(respondentAdditions).where(eq(respondentAdditions.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('变更、追加申请', 'Application to add a respondent');
  return row;
}

/**
 * An application and its case, both locked for a change — the case first, as every use case that
 * writes to a case takes it; 404 when there is no such application or its case is outside the scope.
 */
export async function loadAdditionForChange(
  tx: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ a: AdditionRow; c: CaseContext }> {
  const found = await loadAddition(tx, id);
  const c = await loadCaseContext(tx, actor, found.caseId, { forUpdate: true });
  const a = await loadAddition(tx, id, { forUpdate: true });
  return { a, c };
}

/** Refuses a change to an application already ruled on (409). */
export function assertUnderReview(a: AdditionRow): void {
  if (a.state !== 'underReview') throw conflict('已作出裁定', 'The application has already been ruled on');
}
