import { formatYuan } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { type EntryLine, LedgerAccount, lockBalances, postJournals } from '../ledger.ts';
import { assertCanAllocate } from '../policy.ts';
import { enforcementFeeFen } from '../rules/enforcement-fee.ts';
import { openCaseAccount } from './accounts.ts';

/**
 * Allocates a case's unallocated money by the court's decision — with several applicants the
 * money waits unallocated until the judge decides the shares (after the distribution plan and
 * its objection periods, DOMAIN.md §8, which are decided outside this step). The enforcement fee
 * still comes first; what is left may go back to the respondent.
 */
export async function allocateByDecision(
  db: Db,
  actor: Actor,
  input: {
    caseId: string;
    shares: { payeePartyId: string; amountFen: number }[];
    refundFen?: number | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    assertCanAllocate(actor, c);
    const account = await openCaseAccount(tx, c);
    input.shares.forEach((s, i) => {
      if (!c.applicants.some((p) => p.id === s.payeePartyId)) {
        throw new AppError(
          ErrorCode.invalidInput,
          bi('收款人须为本案申请执行人', 'A payee must be an applicant of the case'),
          [
            {
              path: `shares.${i}.payeePartyId`,
              message: bi('不是本案申请执行人', 'Not an applicant of this case'),
            },
          ],
        );
      }
    });
    const balances = await lockBalances(tx, [c.id]);
    const b = balances.get(c.id);
    const unallocated = b?.unallocatedFen ?? 0;
    // 诉讼费用交纳办法 art. 14: the fee is taken first, whatever the decision says.
    const feeFen = Math.min(
      unallocated,
      Math.max(0, enforcementFeeFen(account.claimFen) - (b?.feesFen ?? 0)),
    );
    const sharesFen = input.shares.reduce((a, s) => a + s.amountFen, 0);
    const refundFen = input.refundFen ?? 0;
    const total = feeFen + sharesFen + refundFen;
    if (total > unallocated || sharesFen + refundFen === 0) {
      throw new AppError(
        ErrorCode.conflict,
        bi('分配金额超过未分配余额', 'More than the unallocated money'),
        [
          {
            path: 'shares',
            message: bi(
              `未分配 ¥${formatYuan(unallocated)}，其中执行费 ¥${formatYuan(feeFen)} 优先`,
              `¥${formatYuan(unallocated)} is unallocated, of which the fee ¥${formatYuan(feeFen)} comes first`,
            ),
          },
        ],
      );
    }
    const principalFen = Math.min(sharesFen, Math.max(0, account.claimFen - (b?.principalAllocatedFen ?? 0)));
    const lines: EntryLine[] = [
      { account: LedgerAccount.unallocated, amountFen: total },
      ...(feeFen > 0 ? [{ account: LedgerAccount.fees, amountFen: -feeFen }] : []),
      ...input.shares
        .filter((s) => s.amountFen > 0)
        .map((s) => ({ account: LedgerAccount.payable, amountFen: -s.amountFen, partyId: s.payeePartyId })),
      ...(refundFen > 0 ? [{ account: LedgerAccount.refund, amountFen: -refundFen }] : []),
    ];
    const [journal] = await postJournals(tx, [
      {
        courtId: c.courtId,
        caseId: c.id,
        kind: 'allocation.decided',
        reference: `decision by ${actor.displayName}`.slice(0, 200),
        createdBy: actor.userId,
        lines,
        claim: { principalFen, interestFen: sharesFen - principalFen },
      },
    ]);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.allocate',
      objectType: 'case',
      objectId: c.id,
      detail: { feeFen, sharesFen, refundFen, shares: input.shares },
    });
    return { journalId: journal?.id ?? '', feeFen, sharesFen, refundFen };
  });
}
