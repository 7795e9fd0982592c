import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { TDeputyProposal } from '../deputy-proposal-contracts.ts';
import { isReplyLate } from '../rules/deputy-proposal-period.ts';
import { deputyProposals } from '../tables.ts';

export type DeputyProposalRow = typeof deputyProposals.$inferSelect;

export function deputyProposalNotFound() {
  return notFound('建议提案', 'DeputyProposal');
}

export async function findDeputyProposal(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DeputyProposalRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(deputyProposals).where(eq(deputyProposals.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function deputyProposalView(p: DeputyProposalRow, today = clock.today()): TDeputyProposal {
  return {
    id: p.id,
    kind: p.kind,
    number: p.number,
    proposer: p.proposer,
    title: p.title,
    content: p.content,
    courtId: p.courtId,
    court: p.courtName,
    receivedOn: p.receivedOn,
    dueOn: p.dueOn,
    state: p.state,
    registeredByName: p.registeredByName,
    assignee: p.assigneeId !== null ? { id: p.assigneeId, name: p.assigneeName ?? '' } : null,
    assignedAt: p.assignedAt?.toISOString() ?? null,
    reply: p.reply,
    isPublishable: p.isPublishable,
    answeredOn: p.answeredOn,
    isLate: isReplyLate(p.dueOn, p.answeredOn, today),
  };
}
