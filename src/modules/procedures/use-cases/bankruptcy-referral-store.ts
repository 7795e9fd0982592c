import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { TReferral } from '../bankruptcy-contracts.ts';
import { bankruptcyReferralOutcomes, bankruptcyReferrals } from '../bankruptcy-tables.ts';
import { isTransferLate, referralStatusLabels } from '../rules/bankruptcy-referral.ts';

export type ReferralRow = typeof bankruptcyReferrals.$inferSelect;
export type OutcomeRow = typeof bankruptcyReferralOutcomes.$inferSelect;

/** The referral (locked for a change); 404 if there is none — its case's scope is checked next. */
export async function loadReferral(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ReferralRow> {
  if (!isUuid(id)) throw notFound('移送破产审查', 'Bankruptcy referral');
  const query = db.select().from(bankruptcyReferrals).where(eq(bankruptcyReferrals.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('移送破产审查', 'Bankruptcy referral');
  return row;
}

export async function listCaseReferrals(db: DbOrTx, caseId: string): Promise<ReferralRow[]> {
  return db
    .select()
    .from(bankruptcyReferrals)
    .where(eq(bankruptcyReferrals.caseId, caseId))
    .orderBy(asc(bankruptcyReferrals.createdAt));
}

export async function outcomesOf(db: DbOrTx, referralIds: readonly string[]) {
  const byId = new Map<string, OutcomeRow[]>();
  if (referralIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(bankruptcyReferralOutcomes)
    .where(inArray(bankruptcyReferralOutcomes.referralId, [...referralIds]))
    .orderBy(asc(bankruptcyReferralOutcomes.recordedAt));
  for (const r of rows) byId.set(r.referralId, [...(byId.get(r.referralId) ?? []), r]);
  return byId;
}

/** A referral as the case page shows it: its periods, the criteria it was decided on, the rulings. */
export function referralView(row: ReferralRow, outcomes: readonly OutcomeRow[]): TReferral {
  return {
    id: row.id,
    caseId: row.caseId,
    respondentPartyId: row.respondentPartyId,
    respondentName: row.respondentName,
    creditCode: row.creditCode,
    consentingParty: { id: row.consentingPartyId, name: row.consentingPartyName, role: row.consentingRole },
    consentedOn: row.consentedOn,
    decidedOn: row.decidedOn,
    transferDueOn: row.transferDueOn,
    isTransferLate: isTransferLate(row.consentedOn, row.decidedOn),
    serviceDueOn: row.serviceDueOn,
    acceptanceDueOn: row.acceptanceDueOn,
    receivingCourtName: row.receivingCourtName,
    insolvencyFacts: row.insolvencyFacts,
    criteria: row.criteria,
    status: row.status,
    statusLabel: referralStatusLabels[row.status],
    outcomes: outcomes.map((o) => ({
      outcome: o.outcome,
      ruledOn: o.ruledOn,
      rulingNumber: o.rulingNumber,
      note: o.note,
      recordedAt: o.recordedAt.toISOString(),
      recordedBy: o.recordedByName,
    })),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
  };
}
