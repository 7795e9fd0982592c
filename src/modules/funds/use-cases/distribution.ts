import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { Actor } from '../../identity/index.ts';
import type { TDraftPlan } from '../distribution-contracts.ts';
import { assertCanAllocate, assertCaseTeam } from '../policy.ts';
import { objectionDueOn } from '../rules/distribution.ts';
import { executeFinalPlan, finaliseOpenPlan } from './distribution-execute.ts';
import { conflict, inStep, requireOpenPlan, setPlan } from './distribution-step.ts';
import { computeDraft, loadApplications, loadOpenPlan } from './distribution-store.ts';

export { applyToParticipate } from './distribution-apply.ts';
export { answerObjection, objectToPlan, recordSuit } from './distribution-objections.ts';

/**
 * 参与分配 and the distribution plan (CPL-I arts. 506–510, 514; rules/distribution.ts): the plan's
 * own steps here, the applications in distribution-apply.ts, the objections and what follows them
 * in distribution-objections.ts. Each step is one transaction (distribution-step.ts).
 */

/**
 * 制作分配方案 (art. 509), by the case judge or a leader of the case's court: the case's
 * unallocated money among the claims still unpaid. A drafted, unopposed or final plan is superseded
 * (an unopposed one to revise it on the objection, art. 510; a final one the money no longer
 * covers); a plan between service and the end of its periods must run its course.
 */
export async function draftPlan(db: Db, actor: Actor, caseId: string, input: TDraftPlan) {
  return inStep(
    db,
    actor,
    caseId,
    assertCanAllocate,
    async (tx, { c, account, balance }) => {
      const respondentPartyId =
        input.respondentPartyId ?? (c.respondents.length === 1 ? c.respondents[0]?.id : undefined);
      if (respondentPartyId === undefined)
        throw invalidField(
          'respondentPartyId',
          '请指明分配哪一被执行人的财产',
          'Name the respondent whose money is distributed',
        );
      if (!c.respondents.some((r) => r.id === respondentPartyId))
        throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
      const open = await loadOpenPlan(tx, c.id);
      // A final plan the money no longer covers is drafted again too (it is then served again).
      if (open && !['drafted', 'unopposed', 'final'].includes(open.state))
        throw conflict(
          'plan',
          '现有分配方案已送达，须依程序办结',
          'The current plan has been served and must run its course',
        );
      const applications = await loadApplications(tx, c.id);
      const draft = await computeDraft(tx, { c, account, balance, respondentPartyId, applications });
      if (!draft)
        throw conflict(
          'plan',
          '没有可分配的款项或尚无未受清偿的参与分配债权',
          'Nothing to distribute, or no claim left unpaid',
        );
      if (open) await setPlan(tx, open, sql`state = 'superseded'`);
      const id = randomUUID();
      const { plan } = draft;
      await tx.execute(sql`insert into funds.distribution_plans (id, case_id, court_id, state, respondent_party_id,
          respondent_kind, ordinary_rule, amount_fen, costs_fen, refund_fen, drafted_by)
        values (${id}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, 'drafted', ${draft.respondentPartyId}::uuid,
          ${draft.respondentKind}, ${plan.ordinaryRule},
          ${plan.amountFen}::bigint, ${plan.costsFen}::bigint, ${plan.refundFen}::bigint, ${actor.userId}::uuid)`);
      const rows = plan.shares.map((s, i) => {
        const claim = draft.claims.get(s.creditorId);
        return sql`(${id}::uuid, ${s.creditorId}::uuid, ${i}, ${s.priority}, ${claim?.remainingPrincipalFen ?? 0}::bigint,
          ${claim?.remainingInterestFen ?? 0}::bigint, ${claim?.seizedAt ?? null}::date, ${s.amountFen}::bigint,
          ${s.principalFen}::bigint, ${s.interestFen}::bigint)`;
      });
      await tx.execute(sql`insert into funds.distribution_shares (plan_id, application_id, position, priority,
          claim_principal_fen, claim_interest_fen, seized_at, amount_fen, principal_fen, interest_fen)
        values ${sql.join(rows, sql`, `)}`);
      return {
        planId: id,
        amountFen: plan.amountFen,
        costsFen: plan.costsFen,
        refundFen: plan.refundFen,
        shares: plan.shares.map((s) => ({ applicationId: s.creditorId, amountFen: s.amountFen })),
      };
    },
    'funds.distribution.draft',
  );
}

/** 送达 the plan to the creditors and the respondent (art. 509): the 15 days to object start. */
export async function servePlan(db: Db, actor: Actor, caseId: string) {
  return inStep(
    db,
    actor,
    caseId,
    assertCaseTeam,
    async (tx, { c, today }) => {
      const plan = await requireOpenPlan(
        tx,
        c.id,
        ['drafted'],
        '分配方案已送达',
        'The plan has been served already',
      );
      await setPlan(tx, plan, sql`state = 'served', served_on = ${today}::date`);
      return { planId: plan.id, servedOn: today, objectionDueOn: objectionDueOn(today) };
    },
    'funds.distribution.serve',
  );
}

/** The plan becomes final (see distribution-execute.ts for when), by the judge or a leader. */
export async function finalisePlan(db: Db, actor: Actor, caseId: string) {
  return inStep(
    db,
    actor,
    caseId,
    assertCanAllocate,
    async (tx, { c, today }) => {
      const plan = await loadOpenPlan(tx, c.id);
      if (!plan) throw conflict('plan', '本案尚无分配方案', 'The case has no distribution plan');
      return finaliseOpenPlan(tx, plan, today);
    },
    'funds.distribution.finalise',
  );
}

/** Executes the final plan through the ledger: costs, each share payable, the refund; the lodged part waits. */
export async function executePlan(db: Db, actor: Actor, caseId: string) {
  return inStep(
    db,
    actor,
    caseId,
    assertCanAllocate,
    async (tx, step) => {
      const plan = await requireOpenPlan(
        tx,
        step.c.id,
        ['final'],
        '分配方案尚未生效',
        'The plan is not final',
      );
      return executeFinalPlan(tx, { ...step, plan, actor });
    },
    'funds.distribution.execute',
  );
}
