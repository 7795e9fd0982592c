import { type SQL, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TDistribution } from '../distribution-contracts.ts';
import { type CaseBalanceRow, lockBalances } from '../ledger.ts';
import type { PlanState } from '../rules/distribution.ts';
import { type CaseAccountRow, openCaseAccount } from './accounts.ts';
import { loadOpenPlan, type PlanRow } from './distribution-store.ts';
import { readDistribution } from './distribution-view.ts';

/**
 * One step of 参与分配 (use-cases/distribution.ts): one transaction that holds the case's balance
 * row (so two steps of one case never interleave), writes the change and its audit record, and
 * answers with the case's distribution as it now is.
 */
export type Step = {
  c: CaseContext;
  account: CaseAccountRow;
  balance: CaseBalanceRow | undefined;
  today: string;
};

export async function inStep(
  db: Db,
  actor: Actor,
  caseId: string,
  assertMay: (actor: Actor, c: CaseContext) => void,
  act: (tx: DbOrTx, step: Step) => Promise<Record<string, unknown>>,
  action: string,
): Promise<TDistribution> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertMay(actor, c);
    const account = await openCaseAccount(tx, c);
    const balance = (await lockBalances(tx, [c.id])).get(c.id);
    const detail = await act(tx, { c, account, balance, today: clock.today() });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action,
      objectType: 'case',
      objectId: c.id,
      detail,
    });
    return readDistribution(tx, c);
  });
}

export function conflict(path: string, zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en), [{ path, message: bi(zh, en) }]);
}

export async function requireOpenPlan(
  tx: DbOrTx,
  caseId: string,
  states: readonly PlanState[],
  zh: string,
  en: string,
) {
  const plan = await loadOpenPlan(tx, caseId);
  if (!plan) throw conflict('plan', '本案尚无分配方案', 'The case has no distribution plan');
  if (!states.includes(plan.state)) throw conflict('plan', zh, en);
  return plan;
}

export async function setPlan(tx: DbOrTx, plan: PlanRow, changes: SQL) {
  await tx.execute(
    sql`update funds.distribution_plans set ${changes}, updated_at = now() where id = ${plan.id}::uuid`,
  );
}

/** A date a filing was made: today unless given, never after today nor before `earliest`, at the latest `dueOn`. */
export function filedOnWithin(
  filedOn: string | undefined,
  today: string,
  earliest: string,
  dueOn: string,
): string {
  const on = filedOn ?? today;
  if (on > today) throw invalidField('filedOn', '不能晚于今天', 'Cannot be after today');
  if (on < earliest) throw invalidField('filedOn', `不能早于 ${earliest}`, `Cannot be before ${earliest}`);
  if (on > dueOn)
    throw conflict('filedOn', `已超过期限（${dueOn}）`, `Filed after the period ended (${dueOn})`);
  return on;
}
