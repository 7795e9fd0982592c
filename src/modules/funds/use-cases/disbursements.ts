import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { instructPaymentJob } from '../jobs/payment-jobs.ts';
import { assertCanApprove, assertCaseTeam } from '../policy.ts';
import { openCaseAccount } from './accounts.ts';
import {
  type DisbursementRow,
  DisbursementState,
  DrawsOn,
  findDisbursement,
  listCaseDisbursements,
  type PayeeAccountInput,
  releaseReservation,
} from './disbursement-store.ts';

export { type DisbursementRow, DisbursementState, findDisbursement, listCaseDisbursements };

/**
 * An officer proposes paying an applicant (执行款物管理规定 art. 15), or paying a respondent back
 * the money allocated as refund (退还被执行人). The amount is reserved at once: proposals not yet
 * paid count against the payee's payable balance (or the case's refund), so two proposals of the
 * same money cannot both pass. Larger amounts need two leaders' approval (configurable).
 */
export async function proposeDisbursement(
  db: Db,
  actor: Actor,
  input: {
    caseId: string;
    payeePartyId: string;
    amountFen: number;
    purpose?: string;
    payeeAccount?: PayeeAccountInput;
  },
  opts: { secondApprovalFromFen: number },
): Promise<{ id: string; state: 'pendingApproval' }> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    assertCaseTeam(actor, c);
    const applicant = c.applicants.find((p) => p.id === input.payeePartyId);
    const payee = applicant ?? c.respondents.find((p) => p.id === input.payeePartyId);
    if (!payee) {
      throw new AppError(
        ErrorCode.invalidInput,
        bi(
          '收款人须为本案申请执行人（退还款项时为被执行人）',
          'The payee must be an applicant of the case (a respondent for a refund)',
        ),
        [{ path: 'payeePartyId', message: bi('不是本案当事人', 'Not a party of this case') }],
      );
    }
    const drawsOn = applicant ? DrawsOn.payable : DrawsOn.refund;
    await openCaseAccount(tx, c);
    if (input.payeeAccount) await savePayeeAccount(tx, c.id, payee.id, input.payeeAccount);
    const [account] = await tx.execute<PayeeAccountInput>(sql`select account_number as "accountNumber",
        account_name as "accountName", bank_name as "bankName"
      from funds.payee_accounts where case_id = ${c.id}::uuid and party_id = ${payee.id}::uuid`);
    if (!account) {
      throw new AppError(
        ErrorCode.conflict,
        bi('收款人尚无收款账户', 'The payee has no bank account on file'),
        [{ path: 'payeeAccount', message: bi('请先登记收款账户', 'Record the payee’s bank account first') }],
      );
    }
    await reserve(tx, { caseId: c.id, partyId: payee.id, amountFen: input.amountFen, drawsOn });
    const purpose =
      input.purpose ??
      (drawsOn === DrawsOn.refund
        ? '退还被执行人 / refund to the respondent'
        : '执行款发放 / enforcement payout');
    const id = randomUUID();
    await tx.execute(sql`insert into funds.disbursements (id, case_id, court_id, payee_party_id, payee_name,
        payee_account, payee_account_name, payee_bank, amount_fen, purpose, state, draws_on, required_approvals,
        proposed_by, instruction_id)
      values (${id}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${payee.id}::uuid, ${payee.name},
        ${account.accountNumber}, ${account.accountName}, ${account.bankName}, ${input.amountFen}::bigint,
        ${purpose}, 'pendingApproval', ${drawsOn},
        ${input.amountFen >= opts.secondApprovalFromFen ? 2 : 1}, ${actor.userId}::uuid, ${instructionIdOf(id)})`);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.disbursement.propose',
      objectType: 'case',
      objectId: c.id,
      detail: { disbursementId: id, amountFen: input.amountFen, payeePartyId: payee.id, drawsOn },
    });
    return { id, state: 'pendingApproval' as const };
  });
}

/**
 * Holds `amountFen` of what the disbursement draws on, under a conditional update (no overdraw
 * however many proposals race): the payee's payable less its reservations, or the case's refund
 * less what refund proposals hold. More than is left is refused naming the amount.
 */
async function reserve(
  tx: DbOrTx,
  r: { caseId: string; partyId: string; amountFen: number; drawsOn: DrawsOn },
): Promise<void> {
  const isRefund = r.drawsOn === DrawsOn.refund;
  const reserved = isRefund
    ? await tx.execute(sql`update funds.case_balances
          set refund_reserved_fen = refund_reserved_fen + ${r.amountFen}::bigint
        where case_id = ${r.caseId}::uuid and refund_fen - refund_reserved_fen >= ${r.amountFen}::bigint
        returning case_id`)
    : await tx.execute(sql`update funds.payables set reserved_fen = reserved_fen + ${r.amountFen}::bigint
        where case_id = ${r.caseId}::uuid and party_id = ${r.partyId}::uuid
          and payable_fen - reserved_fen >= ${r.amountFen}::bigint
        returning case_id`);
  if (reserved[0]) return;
  const [bal] = isRefund
    ? await tx.execute<{ left: number }>(sql`select (refund_fen - refund_reserved_fen)::float8 as left
        from funds.case_balances where case_id = ${r.caseId}::uuid`)
    : await tx.execute<{ left: number }>(sql`select (payable_fen - reserved_fen)::float8 as left
        from funds.payables where case_id = ${r.caseId}::uuid and party_id = ${r.partyId}::uuid`);
  const left = bal?.left ?? 0;
  throw new AppError(ErrorCode.conflict, bi('可发放余额不足', 'More than what is left to pay'), [
    {
      path: 'amountFen',
      message: bi(`可发放余额为 ¥${formatYuan(left)}`, `¥${formatYuan(left)} is left to pay this payee`),
    },
  ]);
}

/** The bank's idempotency key of a disbursement: fixed at proposal, so every resend is one payment. */
function instructionIdOf(id: string): string {
  return `ZX${id.replaceAll('-', '')}`;
}

export async function savePayeeAccount(
  tx: DbOrTx,
  caseId: string,
  partyId: string,
  a: PayeeAccountInput,
): Promise<void> {
  await tx.execute(sql`insert into funds.payee_accounts (case_id, party_id, account_number, account_name, bank_name)
    values (${caseId}::uuid, ${partyId}::uuid, ${a.accountNumber}, ${a.accountName}, ${a.bankName})
    on conflict (case_id, party_id) do update set account_number = excluded.account_number,
      account_name = excluded.account_name, bank_name = excluded.bank_name, updated_at = now()`);
}

/**
 * A court leader of the case's court approves. With the approvals it needs, the disbursement is
 * approved and its payment instruction is queued in the same transaction.
 */
export async function approveDisbursement(db: Db, actor: Actor, id: string): Promise<DisbursementRow> {
  return db.transaction(async (tx) => {
    const d = await loadForActor(tx, actor, id);
    assertCanApprove(actor, d.courtId);
    if (d.state !== DisbursementState.pendingApproval) {
      throw new AppError(
        ErrorCode.conflict,
        bi('该发放不在待审批状态', 'The disbursement is not waiting for approval'),
      );
    }
    const added = await tx.execute(sql`insert into funds.approvals (disbursement_id, approver_id)
      values (${d.id}::uuid, ${actor.userId}::uuid) on conflict do nothing returning approver_id`);
    if (added.length === 0) {
      throw new AppError(
        ErrorCode.conflict,
        bi('您已审批过该发放', 'You have approved this disbursement already'),
      );
    }
    if (d.approvals + 1 >= d.requiredApprovals) {
      await tx.execute(sql`update funds.disbursements set state = 'approved', approved_at = now(), updated_at = now()
        where id = ${d.id}::uuid`);
      await enqueueJob(tx, instructPaymentJob, { disbursementId: d.id }, { singletonKey: d.id });
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.disbursement.approve',
      objectType: 'case',
      objectId: d.caseId,
      detail: { disbursementId: d.id },
    });
    const after = await findDisbursement(tx, { id: d.id });
    if (!after) throw notFound('发放', 'Disbursement');
    return after;
  });
}

/** A court leader refuses a proposal: its reservation is released. */
export async function rejectDisbursement(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<DisbursementRow> {
  return db.transaction(async (tx) => {
    const d = await loadForActor(tx, actor, id);
    assertCanApprove(actor, d.courtId);
    if (d.state !== DisbursementState.pendingApproval) {
      throw new AppError(
        ErrorCode.conflict,
        bi('该发放不在待审批状态', 'The disbursement is not waiting for approval'),
      );
    }
    await releaseReservation(tx, d);
    await tx.execute(sql`update funds.disbursements set state = 'rejected', failure_reason = ${reason}, updated_at = now()
      where id = ${d.id}::uuid`);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.disbursement.reject',
      objectType: 'case',
      objectId: d.caseId,
      detail: { disbursementId: d.id, reason },
    });
    const after = await findDisbursement(tx, { id: d.id });
    if (!after) throw notFound('发放', 'Disbursement');
    return after;
  });
}

/** A disbursement as the actor may see it: outside the case's data scope it does not exist. */
export async function loadForActor(tx: DbOrTx, actor: Actor, id: string): Promise<DisbursementRow> {
  const d = await findDisbursement(tx, { id }, { forUpdate: true });
  if (!d) throw notFound('发放', 'Disbursement');
  await loadCaseContext(tx, actor, d.caseId);
  return d;
}

/** A disbursement as the actor may read it. */
export async function getDisbursement(db: Db, actor: Actor, id: string): Promise<DisbursementRow> {
  const d = await findDisbursement(db, { id });
  if (!d) throw notFound('发放', 'Disbursement');
  await loadCaseContext(db, actor, d.caseId);
  return d;
}

/** Records (or replaces) an applicant's bank account for payouts; team members of the case. */
export async function setPayeeAccount(
  db: Db,
  actor: Actor,
  caseId: string,
  partyId: string,
  a: PayeeAccountInput,
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertCaseTeam(actor, c);
    if (!c.applicants.some((p) => p.id === partyId)) throw notFound('申请执行人', 'Applicant');
    const account = { ...a, accountNumber: a.accountNumber.replace(/[\s-]/g, '') };
    await savePayeeAccount(tx, c.id, partyId, account);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.payee-account.set',
      objectType: 'case',
      objectId: c.id,
      detail: { partyId },
    });
    return { partyId, ...account };
  });
}
