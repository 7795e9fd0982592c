import { sql } from 'drizzle-orm';
import { addCalendarDays } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import {
  type ApprovedPayoutDelay,
  type PayoutDelayReason,
  payoutAfterDelayDays,
} from '../rules/payout-deadline.ts';

/** The rows of `funds.payout_delays` (执行款物管理规定 art. 15), read and shaped for the API. */

export const PayoutDelayState = {
  pendingApproval: 'pendingApproval',
  approved: 'approved',
  rejected: 'rejected',
  ended: 'ended',
} as const;
export type PayoutDelayState = (typeof PayoutDelayState)[keyof typeof PayoutDelayState];

export type PayoutDelayRow = {
  id: string;
  caseId: string;
  courtId: string;
  reason: PayoutDelayReason;
  note: string;
  state: PayoutDelayState;
  requestedBy: string;
  requestedAt: string;
  decidedAt: string | null;
  approvedOn: string | null;
  rejectionReason: string | null;
  endedOn: string | null;
};

const columns = sql`p.id, p.case_id as "caseId", p.court_id as "courtId", p.reason, p.note, p.state,
  p.requested_by as "requestedBy", p.requested_at as "requestedAt", p.decided_at as "decidedAt",
  p.approved_on::text as "approvedOn", p.rejection_reason as "rejectionReason", p.ended_on::text as "endedOn"`;

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

function shaped(row: PayoutDelayRow): PayoutDelayRow {
  return {
    ...row,
    requestedAt: iso(row.requestedAt),
    decidedAt: row.decidedAt === null ? null : iso(row.decidedAt),
  };
}

export async function findPayoutDelay(
  tx: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PayoutDelayRow | undefined> {
  const rows = await tx.execute<PayoutDelayRow>(sql`select ${columns} from funds.payout_delays p
    where p.id = ${id}::uuid ${opts.forUpdate ? sql`for update` : sql``}`);
  return rows[0] && shaped(rows[0]);
}

export async function listCasePayoutDelays(tx: DbOrTx, caseId: string): Promise<PayoutDelayRow[]> {
  const rows = await tx.execute<PayoutDelayRow>(sql`select ${columns} from funds.payout_delays p
    where p.case_id = ${caseId}::uuid order by p.requested_at, p.id`);
  return rows.map(shaped);
}

/** The case's latest approved delay (running or ended), which the payout light reads. */
export function latestApprovedDelay(delays: readonly PayoutDelayRow[]): ApprovedPayoutDelay | null {
  const approved = delays
    .filter((d) => d.approvedOn !== null && (d.state === 'approved' || d.state === 'ended'))
    .sort((a, b) => ((a.decidedAt ?? '') < (b.decidedAt ?? '') ? 1 : -1));
  const latest = approved[0];
  return latest ? { endedOn: latest.endedOn } : null;
}

/** Art. 15: once the reason has ended, the day by which the money is paid. */
export function payByOn(endedOn: string | null): string | null {
  return endedOn === null ? null : addCalendarDays(endedOn, payoutAfterDelayDays);
}

/** A delay as the API shows it. */
export function payoutDelayView(d: PayoutDelayRow) {
  return {
    id: d.id,
    caseId: d.caseId,
    reason: d.reason,
    note: d.note,
    state: d.state,
    requestedAt: d.requestedAt,
    decidedAt: d.decidedAt,
    approvedOn: d.approvedOn,
    rejectionReason: d.rejectionReason,
    endedOn: d.endedOn,
    dueOn: payByOn(d.endedOn),
  };
}
