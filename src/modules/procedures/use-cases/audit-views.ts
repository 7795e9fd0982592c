import { asc, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { lotteryScheme, rosterDigestOf } from '../../disposal/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAuditApplication, TAuditLottery } from '../audit-contracts.ts';
import { auditApplications, auditLotteries } from '../audit-tables.ts';
import { auditFeeAdvancedBy, auditGroundLabels, isAuditDecisionLate } from '../rules/audit-search.ts';

export type AuditApplicationRow = typeof auditApplications.$inferSelect;
export type AuditLotteryRow = typeof auditLotteries.$inferSelect;

/** The application (locked for a change); 404 if none — its case's scope is checked next. */
export async function loadAuditApplication(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AuditApplicationRow> {
  if (!isUuid(id)) throw notFound('审计申请', 'Audit application');
  const query = db.select().from(auditApplications).where(eq(auditApplications.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('审计申请', 'Audit application');
  return row;
}

export function auditApplicationView(
  a: AuditApplicationRow,
  lotteryId: string | null,
  today: string,
): TAuditApplication {
  return {
    id: a.id,
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    applicant: { partyId: a.applicantPartyId, name: a.applicantName },
    respondent: { partyId: a.respondentPartyId, name: a.respondentName },
    ground: a.ground,
    groundLabel: auditGroundLabels[a.ground],
    reason: a.reason,
    receivedOn: a.receivedOn,
    dueOn: a.dueOn,
    isLate: isAuditDecisionLate(a.dueOn, a.decidedOn ?? today),
    state: a.state,
    recordedAt: a.recordedAt.toISOString(),
    recordedBy: a.recordedByName,
    decidedOn: a.decidedOn,
    decidedBy: a.decidedByName,
    decisionReason: a.decisionReason,
    lotteryId,
    auditor: a.auditorId !== null ? { id: a.auditorId, name: a.auditorName ?? '' } : null,
    feeAdvancedBy: auditFeeAdvancedBy,
  };
}

export async function auditApplicationViewsOf(
  db: DbOrTx,
  rows: readonly AuditApplicationRow[],
): Promise<TAuditApplication[]> {
  const ids = rows.map((r) => r.id);
  const lotteries =
    ids.length === 0
      ? []
      : await db
          .select({ id: auditLotteries.id, applicationId: auditLotteries.applicationId })
          .from(auditLotteries)
          .where(inArray(auditLotteries.applicationId, ids));
  const lotteryOf = new Map(lotteries.map((l) => [l.applicationId, l.id]));
  const today = clock.today();
  return rows.map((a) => auditApplicationView(a, lotteryOf.get(a.id) ?? null, today));
}

/** The case's audit applications, for those who see the case (404 outside the scope). */
export async function listCaseAuditApplications(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
): Promise<TAuditApplication[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(auditApplications)
    .where(eq(auditApplications.caseId, c.id))
    .orderBy(asc(auditApplications.recordedAt), asc(auditApplications.id));
  return auditApplicationViewsOf(db, rows);
}

/**
 * A lottery's public record, in the disposal module's scheme (docs/protocols/valuation.md §7): the
 * roster and commitment as published at the grant; once drawn, the seed, the witness value and the
 * result, from which anyone recomputes the draw. The seed is never shown before the draw.
 */
export function auditLotteryView(l: AuditLotteryRow): TAuditLottery {
  const isDrawn = l.drawnAt !== null && l.result !== null;
  return {
    id: l.id,
    applicationId: l.applicationId,
    scheme: lotteryScheme,
    roster: l.roster.map((a, position) => ({ position, institutionId: a.id, name: a.name })),
    rosterDigest: rosterDigestOf(l.roster.map((a) => a.id)),
    commitment: l.commitment,
    committedAt: l.committedAt.toISOString(),
    seed: isDrawn ? l.seed : null,
    witness: isDrawn ? (l.witness ?? '') : null,
    drawnAt: l.drawnAt?.toISOString() ?? null,
    result:
      isDrawn && l.result
        ? l.result.map((position, place) => ({
            place: place + 1,
            position,
            institutionId: l.roster[position]?.id ?? '',
            name: l.roster[position]?.name ?? '',
          }))
        : null,
  };
}

/** `GET /api/v1/audit-lotteries/{id}`: public, for anyone to check the draw. */
export async function getAuditLottery(db: DbOrTx, id: string): Promise<TAuditLottery> {
  if (!isUuid(id)) throw notFound('摇号记录', 'Lottery');
  const [l] = await db.select().from(auditLotteries).where(eq(auditLotteries.id, id));
  if (!l) throw notFound('摇号记录', 'Lottery');
  return auditLotteryView(l);
}
