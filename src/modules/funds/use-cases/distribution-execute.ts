import { sql } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { CaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { type CaseBalanceRow, type EntryLine, LedgerAccount, postJournals } from '../ledger.ts';
import {
  objectionDueOn,
  oppositionDueOn,
  reviseForObjections,
  splitShare,
  suitDueOn,
} from '../rules/distribution.ts';
import { enforcementFeeFen } from '../rules/enforcement-fee.ts';
import type { CaseAccountRow } from './accounts.ts';
import {
  loadApplications,
  loadLodgedFen,
  loadObjections,
  loadShares,
  type PlanRow,
  type ShareRow,
} from './distribution-store.ts';

function refuse(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en), [{ path: 'plan', message: bi(zh, en) }]);
}

async function saveShares(tx: DbOrTx, planId: string, shares: readonly ShareRow[]): Promise<void> {
  for (const s of shares) {
    await tx.execute(sql`update funds.distribution_shares set amount_fen = ${s.amountFen}::bigint,
        principal_fen = ${s.principalFen}::bigint, interest_fen = ${s.interestFen}::bigint,
        lodged_fen = ${s.lodgedFen}::bigint
      where plan_id = ${planId}::uuid and application_id = ${s.applicationId}::uuid`);
  }
}

/**
 * When a plan becomes final (CPL-I arts. 509–510): served and nobody objected within the 15 days;
 * objected and nobody opposed (revised as the objector says); opposed and the objector did not sue
 * within the 15 days (the original plan); or sued — then the disputed amounts are kept back
 * (提存) and the rest is final.
 */
export async function finaliseOpenPlan(tx: DbOrTx, plan: PlanRow, today: string) {
  const shares = await loadShares(tx, plan.id);
  let refundFen = plan.refundFen;
  let lodgedFen = 0;
  switch (plan.state) {
    case 'served': {
      const dueOn = objectionDueOn(plan.servedOn ?? today);
      if (today <= dueOn) throw refuse(`异议期至 ${dueOn} 届满`, `Objections may be filed until ${dueOn}`);
      break;
    }
    case 'objected': {
      const dueOn = oppositionDueOn(plan.objectionNotifiedOn ?? today);
      throw refuse(
        `请先登记其他债权人、被执行人是否反对（反对期至 ${dueOn}）`,
        `Record first whether the others opposed (they may until ${dueOn})`,
      );
    }
    case 'unopposed': {
      const objections = await loadObjections(tx, plan.id);
      const revised = reviseForObjections(
        shares.map((s) => ({
          ...s,
          creditorId: s.applicationId,
          claimFen: s.claimPrincipalFen + s.claimInterestFen,
        })),
        plan.refundFen,
        objections.map((o) => ({
          objectorId: o.objectorApplicationId,
          againstId: o.againstApplicationId,
          disputedFen: o.disputedFen,
        })),
      );
      refundFen = revised.refundFen;
      await saveShares(
        tx,
        plan.id,
        revised.shares.map((s) => ({ ...s, ...splitShare(s.amountFen, s.claimPrincipalFen) })),
      );
      break;
    }
    case 'opposed': {
      const dueOn = suitDueOn(plan.oppositionNotifiedOn ?? today);
      if (today <= dueOn) throw refuse(`异议人可于 ${dueOn} 前起诉`, `The objector may sue until ${dueOn}`);
      break;
    }
    case 'sued': {
      const objections = await loadObjections(tx, plan.id);
      const lodged = shares.map((s) => {
        const disputed = objections
          .filter((o) => o.againstApplicationId === s.applicationId)
          .reduce((a, o) => a + o.disputedFen, 0);
        return { ...s, lodgedFen: Math.min(s.amountFen, disputed) };
      });
      lodgedFen = lodged.reduce((a, s) => a + s.lodgedFen, 0);
      await saveShares(tx, plan.id, lodged);
      break;
    }
    case 'drafted':
      throw refuse('分配方案尚未送达', 'The plan has not been served');
    default:
      throw refuse('分配方案已生效', 'The plan is final already');
  }
  await tx.execute(sql`update funds.distribution_plans set state = 'final', final_on = ${today}::date,
      refund_fen = ${refundFen}::bigint, lodged_fen = ${lodgedFen}::bigint, updated_at = now()
    where id = ${plan.id}::uuid`);
  return { planId: plan.id, from: plan.state, finalOn: today, refundFen, lodgedFen };
}

/**
 * Executes a final plan through the ledger, as a decision of the court (use-cases/allocate.ts
 * does the same by hand): out of the unallocated money the costs to the fees, each share, less
 * what is kept back for a suit, payable to its creditor — an applicant of the case by its party
 * id, a creditor from outside the case by its application's id — and the rest back to the
 * respondent. The lodged part stays unallocated, and no later plan distributes it.
 */
export async function executeFinalPlan(
  tx: DbOrTx,
  input: {
    c: CaseContext;
    account: CaseAccountRow;
    balance: CaseBalanceRow | undefined;
    plan: PlanRow;
    actor: Actor;
  },
) {
  const { c, account, balance, plan, actor } = input;
  const feeOwedFen = Math.max(0, enforcementFeeFen(account.claimFen) - (balance?.feesFen ?? 0));
  if (plan.costsFen > feeOwedFen)
    throw refuse('执行费已另行收取，请重新制作分配方案', 'The fee was taken meanwhile: draft the plan again');
  const needFen = plan.amountFen - plan.lodgedFen;
  const availableFen = (balance?.unallocatedFen ?? 0) - (await loadLodgedFen(tx, c.id));
  if (needFen > availableFen)
    throw refuse(
      `未分配款项仅余 ¥${formatYuan(Math.max(0, availableFen))}，请重新制作分配方案`,
      `Only ¥${formatYuan(Math.max(0, availableFen))} is unallocated: draft the plan again`,
    );
  const shares = await loadShares(tx, plan.id);
  const payeeOf = new Map((await loadApplications(tx, c.id)).map((a) => [a.id, a.partyId ?? a.id]));
  const applicantIds = new Set(c.applicants.map((a) => a.id));
  let ownPrincipalFen = 0;
  let ownSharesFen = 0;
  const payables: EntryLine[] = [];
  for (const s of shares) {
    const paidFen = s.amountFen - s.lodgedFen;
    const payee = payeeOf.get(s.applicationId) ?? s.applicationId;
    if (paidFen <= 0) continue;
    payables.push({ account: LedgerAccount.payable, amountFen: -paidFen, partyId: payee });
    // The case's own claim (its applicants'): principal first, as the balances count it.
    if (applicantIds.has(payee)) {
      ownSharesFen += paidFen;
      ownPrincipalFen += splitShare(paidFen, s.claimPrincipalFen).principalFen;
    }
  }
  const principalFen = Math.min(
    ownPrincipalFen,
    Math.max(0, account.claimFen - (balance?.principalAllocatedFen ?? 0)),
  );
  const lines: EntryLine[] = [
    { account: LedgerAccount.unallocated, amountFen: needFen },
    ...(plan.costsFen > 0 ? [{ account: LedgerAccount.fees, amountFen: -plan.costsFen }] : []),
    ...payables,
    ...(plan.refundFen > 0 ? [{ account: LedgerAccount.refund, amountFen: -plan.refundFen }] : []),
  ];
  // Everything kept back for the suit: nothing moves now.
  const [journal] =
    needFen === 0
      ? []
      : await postJournals(tx, [
          {
            courtId: c.courtId,
            caseId: c.id,
            kind: 'allocation.distribution',
            reference: `分配方案 / distribution plan ${plan.id}`,
            createdBy: actor.userId,
            lines,
            claim: { principalFen, interestFen: ownSharesFen - principalFen },
          },
        ]);
  await tx.execute(sql`update funds.distribution_plans set state = 'executed', executed_at = now(),
      journal_id = ${journal?.id ?? null}::uuid, updated_at = now()
    where id = ${plan.id}::uuid`);
  return {
    planId: plan.id,
    journalId: journal?.id ?? '',
    costsFen: plan.costsFen,
    sharesFen: payables.reduce((a, l) => a - l.amountFen, 0),
    refundFen: plan.refundFen,
    lodgedFen: plan.lodgedFen,
  };
}
