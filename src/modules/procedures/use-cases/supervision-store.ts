import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { recommendationStatusLabels, recommendationStatusOn } from '../rules/supervision.ts';
import type { TRecommendation, TSupervision } from '../supervision-contracts.ts';
import { recommendations, supervisions } from '../supervision-tables.ts';

export type SupervisionRow = typeof supervisions.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect;

/** The supervision of a case by the procuratorate paired with `procuratorateCourtId`; 404 if none. */
export async function loadProcuratorateSupervision(
  db: DbOrTx,
  caseId: string,
  procuratorateCourtId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SupervisionRow> {
  if (!isUuid(caseId)) throw notFound('监督案件', 'Supervised case');
  const query = db
    .select()
    .from(supervisions)
    .where(and(eq(supervisions.caseId, caseId), eq(supervisions.procuratorateCourtId, procuratorateCourtId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('监督案件', 'Supervised case');
  return row;
}

/** A recommendation (locked for the reply); 404 if none — its case's scope is checked next. */
export async function loadRecommendation(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RecommendationRow> {
  if (!isUuid(id)) throw notFound('检察建议', 'Recommendation');
  const query = db.select().from(recommendations).where(eq(recommendations.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('检察建议', 'Recommendation');
  return row;
}

export function recommendationView(r: RecommendationRow, today: string): TRecommendation {
  const status = recommendationStatusOn({ replyDueOn: r.replyDueOn, repliedOn: r.repliedOn }, today);
  return {
    id: r.id,
    supervisionId: r.supervisionId,
    caseId: r.caseId,
    documentNumber: r.documentNumber,
    text: r.text,
    issuedOn: r.issuedOn,
    receivedOn: r.receivedOn,
    replyDueOn: r.replyDueOn,
    status,
    statusLabel: recommendationStatusLabels[status],
    sentAt: r.sentAt.toISOString(),
    sentBy: r.sentByName,
    reply:
      r.replyText !== null && r.repliedOn !== null && r.repliedAt !== null
        ? {
            text: r.replyText,
            repliedOn: r.repliedOn,
            repliedAt: r.repliedAt.toISOString(),
            repliedBy: r.repliedByName ?? '',
          }
        : null,
  };
}

/** The supervisions with their recommendations, each standing as of `today`. */
export async function supervisionViewsOf(
  db: DbOrTx,
  rows: readonly SupervisionRow[],
  today: string,
): Promise<TSupervision[]> {
  const ids = rows.map((r) => r.id);
  const recs =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(recommendations)
          .where(inArray(recommendations.supervisionId, ids))
          .orderBy(asc(recommendations.sentAt), asc(recommendations.id));
  return rows.map((s) => {
    const mine = recs.filter((r) => r.supervisionId === s.id).map((r) => recommendationView(r, today));
    return {
      id: s.id,
      caseId: s.caseId,
      caseNumber: s.caseNumber,
      courtId: s.courtId,
      procuratorate: { courtId: s.procuratorateCourtId, name: s.procuratorateName },
      procurator: { id: s.procuratorId, name: s.procuratorName },
      reason: s.reason,
      procuratorateCaseNumber: s.procuratorateCaseNumber,
      placedAt: s.placedAt.toISOString(),
      placedBy: s.placedByName,
      recommendations: mine,
      awaitingReplies: mine.filter((r) => r.status === 'awaitingReply' || r.status === 'overdue').length,
      overdueReplies: mine.filter((r) => r.status === 'overdue').length,
    };
  });
}
