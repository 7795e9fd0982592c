import { sql } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { LedgerAccount, lockBalances, postJournals } from '../ledger.ts';
import { assertCanApprove } from '../policy.ts';
import { type EscrowGround, escrowGroundLabels } from '../rules/escrow.ts';

/**
 * A court leader lodges money payable to an applicant in escrow (提存) on one of the grounds of
 * rules/escrow.ts. Only what is payable and not held by a proposed disbursement can be lodged.
 */
export async function lodgeInEscrow(
  db: Db,
  actor: Actor,
  input: {
    caseId: string;
    payeePartyId: string;
    amountFen: number;
    ground: EscrowGround;
    note?: string | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    assertCanApprove(actor, c.courtId);
    if (!c.applicants.some((p) => p.id === input.payeePartyId)) {
      throw new AppError(
        ErrorCode.invalidInput,
        bi('须为本案申请执行人', 'Must be an applicant of the case'),
        [{ path: 'payeePartyId', message: bi('不是本案申请执行人', 'Not an applicant of this case') }],
      );
    }
    await lockBalances(tx, [c.id]);
    const [left] = await tx.execute<{ left: number }>(sql`select (payable_fen - reserved_fen)::float8 as left
      from funds.payables where case_id = ${c.id}::uuid and party_id = ${input.payeePartyId}::uuid for update`);
    const available = left?.left ?? 0;
    if (input.amountFen > available) {
      throw new AppError(ErrorCode.conflict, bi('可提存金额不足', 'More than what is payable and not held'), [
        {
          path: 'amountFen',
          message: bi(`可提存 ¥${formatYuan(available)}`, `¥${formatYuan(available)} can be lodged`),
        },
      ]);
    }
    const [journal] = await postJournals(tx, [
      {
        courtId: c.courtId,
        caseId: c.id,
        kind: 'escrow',
        reference: `${escrowGroundLabels[input.ground].zh}${input.note ? `：${input.note}` : ''}`.slice(
          0,
          500,
        ),
        createdBy: actor.userId,
        lines: [
          { account: LedgerAccount.payable, amountFen: input.amountFen, partyId: input.payeePartyId },
          { account: LedgerAccount.escrow, amountFen: -input.amountFen },
        ],
      },
    ]);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.escrow.lodge',
      objectType: 'case',
      objectId: c.id,
      detail: { amountFen: input.amountFen, payeePartyId: input.payeePartyId, ground: input.ground },
    });
    return {
      journalId: journal?.id ?? '',
      amountFen: input.amountFen,
      ground: input.ground,
      groundLabel: escrowGroundLabels[input.ground],
    };
  });
}
