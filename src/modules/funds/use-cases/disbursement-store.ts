import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

export const DisbursementState = {
  pendingApproval: 'pendingApproval',
  approved: 'approved',
  instructed: 'instructed',
  paid: 'paid',
  failed: 'failed',
  rejected: 'rejected',
} as const;
export type DisbursementState = (typeof DisbursementState)[keyof typeof DisbursementState];

/** What a disbursement pays from: an applicant's payable, or the case's refund to a respondent (退还). */
export const DrawsOn = { payable: 'payable', refund: 'refund' } as const;
export type DrawsOn = (typeof DrawsOn)[keyof typeof DrawsOn];

export type PayeeAccountInput = { accountNumber: string; accountName: string; bankName: string };

export type DisbursementRow = {
  id: string;
  caseId: string;
  courtId: string;
  payeePartyId: string;
  payeeName: string;
  payeeAccount: string;
  payeeAccountName: string;
  payeeBank: string;
  amountFen: number;
  purpose: string;
  state: DisbursementState;
  drawsOn: DrawsOn;
  requiredApprovals: number;
  approvals: number;
  proposedBy: string;
  proposedAt: string;
  approvedAt: string | null;
  instructionId: string;
  instructedAt: string | null;
  bankSerial: string | null;
  settledAt: string | null;
  failureReason: string | null;
};

const columns = sql`d.id, d.case_id as "caseId", d.court_id as "courtId", d.payee_party_id as "payeePartyId",
  d.payee_name as "payeeName", d.payee_account as "payeeAccount", d.payee_account_name as "payeeAccountName",
  d.payee_bank as "payeeBank", d.amount_fen::float8 as "amountFen", d.purpose, d.state, d.draws_on as "drawsOn",
  d.required_approvals as "requiredApprovals",
  (select count(*)::int from funds.approvals a where a.disbursement_id = d.id) as approvals,
  d.proposed_by as "proposedBy", d.proposed_at as "proposedAt", d.approved_at as "approvedAt",
  d.instruction_id as "instructionId", d.instructed_at as "instructedAt", d.bank_serial as "bankSerial",
  d.settled_at as "settledAt", d.failure_reason as "failureReason"`;

export async function findDisbursement(
  tx: DbOrTx,
  where: { id: string } | { instructionId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<DisbursementRow | undefined> {
  const condition =
    'id' in where ? sql`d.id = ${where.id}::uuid` : sql`d.instruction_id = ${where.instructionId}`;
  const rows = await tx.execute<DisbursementRow>(
    sql`select ${columns} from funds.disbursements d where ${condition} ${opts.forUpdate ? sql`for update of d` : sql``}`,
  );
  const row = rows[0];
  return (
    row && {
      ...row,
      proposedAt: iso(row.proposedAt),
      approvedAt: isoOrNull(row.approvedAt),
      instructedAt: isoOrNull(row.instructedAt),
      settledAt: isoOrNull(row.settledAt),
    }
  );
}

export async function listCaseDisbursements(tx: DbOrTx, caseId: string): Promise<DisbursementRow[]> {
  const rows = await tx.execute<DisbursementRow>(
    sql`select ${columns} from funds.disbursements d where d.case_id = ${caseId}::uuid order by d.proposed_at, d.id`,
  );
  return rows.map((row) => ({
    ...row,
    proposedAt: iso(row.proposedAt),
    approvedAt: isoOrNull(row.approvedAt),
    instructedAt: isoOrNull(row.instructedAt),
    settledAt: isoOrNull(row.settledAt),
  }));
}

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}
function isoOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : iso(v);
}

/** Gives a disbursement's reserved amount back to what it draws on: the payee's payable, or the refund. */
export async function releaseReservation(tx: DbOrTx, d: DisbursementRow): Promise<void> {
  if (d.drawsOn === DrawsOn.refund) {
    await tx.execute(sql`update funds.case_balances set refund_reserved_fen = refund_reserved_fen - ${d.amountFen}::bigint
      where case_id = ${d.caseId}::uuid`);
    return;
  }
  await tx.execute(sql`update funds.payables set reserved_fen = reserved_fen - ${d.amountFen}::bigint
    where case_id = ${d.caseId}::uuid and party_id = ${d.payeePartyId}::uuid`);
}
