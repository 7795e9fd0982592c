import { sql } from 'drizzle-orm';
import { formatYuan } from '../../kernel/index.ts';
import { hasRole, Role } from '../identity/index.ts';
import type { InboxSource } from '../inbox/index.ts';

/**
 * A court leader's to-do: the payouts of their court proposed and waiting for an approval they
 * have not yet given (执行款物管理规定: a leader approves every disbursement).
 */
export const fundsInbox: InboxSource = async (db, actor, { limit }) => {
  if (!hasRole(actor, Role.courtLeader)) return [];
  const rows = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    payeeName: string;
    amountFen: number;
    proposedAt: Date | string;
  }>(sql`select d.id, d.case_id as "caseId", a.case_number as "caseNumber", d.payee_name as "payeeName",
      d.amount_fen::float8 as "amountFen", d.proposed_at as "proposedAt"
    from funds.disbursements d join funds.case_accounts a on a.case_id = d.case_id
    where d.court_id = ${actor.court.id}::uuid and d.state = 'pendingApproval'
      and not exists (select 1 from funds.approvals x where x.disbursement_id = d.id and x.approver_id = ${actor.userId}::uuid)
    order by d.proposed_at asc limit ${limit}`);
  return rows.map((r) => ({
    id: `payoutApproval:${r.id}`,
    kind: 'payoutApproval' as const,
    title: `执行款支付待审批：${r.caseNumber} 付 ${r.payeeName} ¥${formatYuan(r.amountFen)}`,
    titleEn: `Payout to approve: ${r.caseNumber}, ¥${formatYuan(r.amountFen)} to ${r.payeeName}`,
    link: '/funds?tab=pending',
    createdAt: new Date(r.proposedAt).toISOString(),
  }));
};
