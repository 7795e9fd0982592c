import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../../platform/db.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox.ts';
import { chinaToday } from '../../cases/index.ts';
import { courtNamesByIds } from '../../identity/index.ts';
import { nextRequeryRound, requeryDueOn } from '../rules/requery-schedule.ts';
import { type PlannedRespondent, requeryPlans } from '../tables.ts';
import { insertQueryBatch, subjectOf } from './create-requests.ts';

const requeryPurpose =
  '终本案件定期查询（终本规定第九条） / Periodic re-query of a terminated case (终本规定 art. 9)';

function respondentsOf(payload: Record<string, unknown>): PlannedRespondent[] {
  const list = Array.isArray(payload.respondents) ? payload.respondents : [];
  return list.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const get = (k: string) => (k in r ? Reflect.get(r, k) : null);
    const partyId = get('partyId');
    const name = get('name');
    if (typeof partyId !== 'string' || typeof name !== 'string') return [];
    const idNumber = get('idNumber');
    const creditCode = get('creditCode');
    return [
      {
        partyId,
        name,
        idNumber: typeof idNumber === 'string' ? idNumber : null,
        creditCode: typeof creditCode === 'string' ? creditCode : null,
      },
    ];
  });
}

/** A case closed as 终本 gets its re-query plan; a restored case no longer needs one. */
export const requeryPlanSubscriber: Subscriber = {
  name: 'inquiry.plan-requery',
  eventTypes: ['case.closed', 'case.restored'],
  async handle(tx: Tx, event: DeliveredEvent) {
    const p = event.payload;
    const caseId = typeof p.caseId === 'string' ? p.caseId : null;
    if (!caseId) return;
    if (event.type === 'case.restored') {
      await tx.execute(
        sql`update inquiry.requery_plans set is_active = false where case_id = ${caseId}::uuid`,
      );
      return;
    }
    if (
      p.closingType !== 'terminatedThisRound' ||
      typeof p.closedOn !== 'string' ||
      typeof p.courtId !== 'string'
    )
      return;
    await tx
      .insert(requeryPlans)
      .values({
        caseId,
        courtId: p.courtId,
        caseNumber: typeof p.caseNumber === 'string' ? p.caseNumber : '',
        closedOn: p.closedOn,
        respondents: respondentsOf(p),
        nextRound: 1,
        nextDueOn: requeryDueOn(p.closedOn, 1),
      })
      .onConflictDoNothing();
  },
};

/** Launches the due re-query rounds: one batch per case, every respondent × every enabled institution. */
export async function launchDueRequeries(database: Database, now: Date, limit = 100): Promise<number> {
  const today = chinaToday(now);
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
