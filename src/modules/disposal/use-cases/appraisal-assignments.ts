import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { appraisalDueOn } from '../rules/valuation-appraisal.ts';

/** The appraisers' turns on a valuation (`disposal.appraisal_assignments`) and their extensions. */

export type AssignmentRow = {
  valuationId: string;
  position: number;
  appraiserId: string;
  name: string;
  assignedOn: string;
  dueOn: string;
  state: 'active' | 'handedOver' | 'reported';
  endedOn: string | null;
};

export type ExtensionRow = {
  position: number;
  days: number;
  reason: string;
  requestedOn: string;
  dueOn: string;
};

/** An appraiser's turn begins: the report is due in 30 days. */
export async function assignAppraiser(
  tx: DbOrTx,
  a: { valuationId: string; position: number; appraiserId: string; today: string },
): Promise<void> {
  await tx.execute(sql`insert into disposal.appraisal_assignments (valuation_id, position, appraiser_id,
      assigned_on, due_on, state)
    values (${a.valuationId}::uuid, ${a.position}, ${a.appraiserId}::uuid, ${a.today}::date,
      ${appraisalDueOn(a.today)}::date, 'active')`);
  await tx.execute(sql`update disposal.valuations set current_appraiser = ${a.position}, updated_at = now()
    where id = ${a.valuationId}::uuid`);
}

export async function listAssignments(db: DbOrTx, valuationId: string): Promise<AssignmentRow[]> {
  return db.execute<AssignmentRow>(sql`select s.valuation_id as "valuationId", s.position,
      s.appraiser_id as "appraiserId", a.name, s.assigned_on::text as "assignedOn", s.due_on::text as "dueOn",
      s.state, s.ended_on::text as "endedOn"
    from disposal.appraisal_assignments s join disposal.appraisers a on a.id = s.appraiser_id
    where s.valuation_id = ${valuationId}::uuid order by s.position`);
}

export async function listExtensions(db: DbOrTx, valuationId: string): Promise<ExtensionRow[]> {
  return db.execute<ExtensionRow>(sql`select position, days, reason, requested_on::text as "requestedOn",
      due_on::text as "dueOn"
    from disposal.appraisal_extensions where valuation_id = ${valuationId}::uuid order by requested_on, id`);
}
