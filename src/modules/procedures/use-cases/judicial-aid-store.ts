import { asc, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAid } from '../aid-contracts.ts';
import { assertAidReader } from '../aid-policy.ts';
import { aidWageSettings, judicialAid } from '../aid-tables.ts';
import { aidCapFen, aidStatusLabels, demoMonthlyWageFen } from '../rules/judicial-aid.ts';
import { auditActorOf } from './settlement-store.ts';

export type AidRow = typeof judicialAid.$inferSelect;

/** The aid case (locked for a change); 404 if there is none — its case's scope is checked next. */
export async function loadAid(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<AidRow> {
  if (!isUuid(id)) throw notFound('司法救助', 'Judicial aid');
  const query = db.select().from(judicialAid).where(eq(judicialAid.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('司法救助', 'Judicial aid');
  return row;
}

export type MonthlyWage = { year: number | null; monthlyWageFen: number; isDemoDefault: boolean };

/** The court's monthly wage, the base of the aid (意见 part 3); the demo figure until the court sets one. */
export async function monthlyWageOf(db: DbOrTx, courtId: string): Promise<MonthlyWage> {
  const [row] = await db.select().from(aidWageSettings).where(eq(aidWageSettings.courtId, courtId));
  return row
    ? { year: row.wageYear, monthlyWageFen: row.monthlyWageFen, isDemoDefault: false }
    : { year: null, monthlyWageFen: demoMonthlyWageFen, isDemoDefault: true };
}

/** An aid case as the case page shows it. */
export function aidView(row: AidRow, today: string): TAid {
  return {
    id: row.id,
    caseId: row.caseId,
    applicant: { id: row.applicantPartyId, name: row.applicantName },
    reason: row.reason,
    hardshipFacts: row.hardshipFacts,
    requestedFen: row.requestedFen,
    filedOn: row.filedOn,
    decisionDueOn: row.decisionDueOn,
    isDecisionOverdue: row.status === 'pending' && today > row.decisionDueOn,
    status: row.status,
    statusLabel: aidStatusLabels[row.status],
    decision:
      row.decidedOn !== null
        ? {
            decidedOn: row.decidedOn,
            decidedBy: row.decidedByName ?? '',
            reason: row.decisionReason ?? '',
            monthlyWageFen: row.monthlyWageFen,
            capFen: row.capFen,
            approvedFen: row.approvedFen,
          }
        : null,
    payment:
      row.paidOn !== null && row.paidFen !== null
        ? {
            paidOn: row.paidOn,
            paidFen: row.paidFen,
            bankReference: row.bankReference ?? '',
            paidBy: row.paidByName ?? '',
          }
        : null,
    repayFromRecoveryFen: row.repayFromRecoveryFen,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
  };
}

/**
 * `GET /cases/{id}/judicial-aid`: the case's aid, with the wage and the cap a decision today would
 * use. The hardship facts are personal data: read by the case team and the court's leaders only,
 * each read audited with its purpose (outside the data scope: 404).
 */
export async function readCaseAid(db: Db, actor: Actor, caseId: string, opts: { purpose: string }) {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertAidReader(actor, c);
    const [wage, rows] = await Promise.all([
      monthlyWageOf(tx, c.courtId),
      tx.select().from(judicialAid).where(eq(judicialAid.caseId, c.id)).orderBy(asc(judicialAid.createdAt)),
    ]);
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.judicial-aid.view',
      objectType: 'case',
      objectId: c.id,
      purpose: opts.purpose,
      detail: { items: rows.length },
    });
    const outstandingFen = Math.max(0, c.claimAmountFen - c.recoveredFen);
    return {
      caseId: c.id,
      outstandingFen,
      monthlyWage: wage,
      capFen: aidCapFen(wage.monthlyWageFen, outstandingFen),
      items: rows.map((r) => aidView(r, today)),
    };
  });
}
