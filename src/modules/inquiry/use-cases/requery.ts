import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import type { Database } from '../../../platform/db.ts';
import { defineSubscriber, on } from '../../../platform/events.ts';
import { caseClosed, caseRestored } from '../../cases/index.ts';
import { courtNamesByIds } from '../../identity/index.ts';
import { nextRequeryRound, requeryDueOn } from '../rules/requery-schedule.ts';
import { type PlannedRespondent, requeryPlans } from '../tables.ts';
import { insertQueryBatch, subjectOf } from './create-requests.ts';

const requeryPurpose =
  '终本案件定期查询（终本规定第九条） / Periodic re-query of a terminated case (终本规定 art. 9)';

/** A case closed as 终本 gets its re-query plan (终本规定 art. 9); a restored case no longer needs one. */
export const requeryPlanSubscriber = defineSubscriber(
  'inquiry.plan-requery',
  on(caseClosed, async (tx, p) => {
    if (p.closingType !== 'terminatedThisRound') return;
    await tx
      .insert(requeryPlans)
      .values({
        caseId: p.caseId,
        courtId: p.courtId,
        caseNumber: p.caseNumber,
        closedOn: p.closedOn,
        respondents: p.respondents.map((r) => ({
          partyId: r.partyId,
          name: r.name,
          idNumber: r.idNumber,
          creditCode: r.creditCode,
        })),
        nextRound: 1,
        nextDueOn: requeryDueOn(p.closedOn, 1),
      })
      .onConflictDoNothing();
  }),
  on(caseRestored, async (tx, p) => {
    await tx.execute(
      sql`update inquiry.requery_plans set is_active = false where case_id = ${p.caseId}::uuid`,
    );
  }),
);

/** Launches the due re-query rounds: one batch per case, every respondent × every enabled institution. */
export async function launchDueRequeries(database: Database, now: Date, limit = 100): Promise<number> {
  const today = chinaDateOf(now);
  let launched = 0;
  for (;;) {
    const n = await database.db.transaction(async (tx) => {
      const due = await tx.execute<{
        case_id: string;
        court_id: string;
        case_number: string;
        closed_on: string;
        respondents: PlannedRespondent[];
        next_round: number;
      }>(sql`
        select case_id, court_id, case_number, closed_on::text as closed_on, respondents, next_round from inquiry.requery_plans
        where is_active and next_due_on <= ${today}::date order by next_due_on limit ${limit} for update skip locked`);
      const names = await courtNamesByIds(tx, [...new Set(due.map((d) => d.court_id))]);
      for (const plan of due) {
        const subjects = plan.respondents
          .map((r) =>
            subjectOf({
              id: r.partyId,
              kind: r.idNumber ? 'natural' : 'legal',
              name: r.name,
              idNumber: r.idNumber,
              creditCode: r.creditCode,
            }),
          )
          .filter((s) => s !== null);
        if (subjects.length > 0) {
          await insertQueryBatch(tx, {
            kind: 'requery',
            courtId: plan.court_id,
            requestedBy: null,
            purpose: requeryPurpose,
            cases: [
              {
                caseId: plan.case_id,
                courtId: plan.court_id,
                caseNumber: plan.case_number,
                courtName: names.get(plan.court_id) ?? '',
                subjects,
                requeryRound: plan.next_round,
              },
            ],
          });
        }
        const next = nextRequeryRound(plan.closed_on, plan.next_round);
        await tx.execute(sql`update inquiry.requery_plans set next_round = ${next?.round ?? plan.next_round + 1},
          next_due_on = ${next?.dueOn ?? null}::date, is_active = ${next !== null} where case_id = ${plan.case_id}::uuid`);
      }
      return due.length;
    });
    launched += n;
    if (n < limit) return launched;
  }
}
