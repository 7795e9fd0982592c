import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { TPublicReplyPage } from '../deputy-proposal-contracts.ts';
import { deputyProposals } from '../tables.ts';

export const publicReplyPageSize = 20;

/**
 * The replies published on the portal (seed 003 item 46: 将答复数据库与执行信息公开网对接): answered
 * and publishable only, newest first, with the proposer's name and the title and nothing else of anyone.
 */
export async function listPublicReplies(db: Db, page: number): Promise<TPublicReplyPage> {
  const published = and(eq(deputyProposals.state, 'answered'), eq(deputyProposals.isPublishable, true));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: deputyProposals.id,
        kind: deputyProposals.kind,
        number: deputyProposals.number,
        proposer: deputyProposals.proposer,
        title: deputyProposals.title,
        reply: deputyProposals.reply,
        court: deputyProposals.courtName,
        answeredOn: deputyProposals.answeredOn,
      })
      .from(deputyProposals)
      .where(published)
      .orderBy(desc(deputyProposals.answeredAt), desc(deputyProposals.id))
      .limit(publicReplyPageSize)
      .offset((page - 1) * publicReplyPageSize),
    db.select({ n: count() }).from(deputyProposals).where(published),
  ]);
  return {
    items: rows.flatMap((r) =>
      r.reply === null || r.answeredOn === null ? [] : [{ ...r, reply: r.reply, answeredOn: r.answeredOn }],
    ),
    total: total?.n ?? 0,
    page,
    pageSize: publicReplyPageSize,
  };
}
