import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { Actor } from '../../identity/index.ts';
import type { TObject, TOpposition, TSuit } from '../distribution-contracts.ts';
import { assertCaseTeam } from '../policy.ts';
import { objectionDueOn, oppositionDueOn, suitDueOn } from '../rules/distribution.ts';
import { conflict, filedOnWithin, inStep, requireOpenPlan, setPlan } from './distribution-step.ts';
import { loadShares } from './distribution-store.ts';

/** Objections to a plan and what follows them (CPL-I arts. 509–510): each a filing the team records. */

/**
 * 书面异议 (art. 509), by a creditor in the plan or the respondent, within 15 days of service:
 * a share is too large by the disputed amount. The others are notified today (art. 510).
 */
export async function objectToPlan(db: Db, actor: Actor, caseId: string, input: TObject) {
  return inStep(
    db,
    actor,
    caseId,
    assertCaseTeam,
    async (tx, { c, today }) => {
      const plan = await requireOpenPlan(
        tx,
        c.id,
        ['served', 'objected'],
        '分配方案不在异议期内',
        'The plan is not open to objections',
      );
      const servedOn = plan.servedOn ?? today;
      const filedOn = filedOnWithin(input.filedOn, today, servedOn, objectionDueOn(servedOn));
      const shares = await loadShares(tx, plan.id);
      const against = shares.find((s) => s.applicationId === input.againstApplicationId);
      if (!against || against.amountFen === 0)
        throw invalidField(
          'againstApplicationId',
          '方案中没有该债权人的分配额',
          'The plan gives this creditor nothing',
        );
      if (input.objectorApplicationId !== undefined) {
        if (!shares.some((s) => s.applicationId === input.objectorApplicationId))
          throw invalidField('objectorApplicationId', '不是本方案的债权人', 'Not a creditor of this plan');
        if (input.objectorApplicationId === input.againstApplicationId)
          throw invalidField(
            'objectorApplicationId',
            '不能对自己的分配额提出异议',
            'Cannot object to one’s own share',
          );
      }
      const [disputed] = await tx.execute<{
        fen: number;
      }>(sql`select coalesce(sum(disputed_fen), 0)::float8 as fen
        from funds.distribution_objections where plan_id = ${plan.id}::uuid
          and against_application_id = ${against.applicationId}::uuid`);
      const left = against.amountFen - (disputed?.fen ?? 0);
      if (input.disputedFen > left)
        throw conflict(
          'disputedFen',
          `该分配额尚可争议 ¥${formatYuan(Math.max(0, left))}`,
          `¥${formatYuan(Math.max(0, left))} of this share is left to dispute`,
        );
      const id = randomUUID();
      await tx.execute(sql`insert into funds.distribution_objections (id, plan_id, case_id, objector_application_id,
          against_application_id, disputed_fen, reason, filed_on, recorded_by)
        values (${id}::uuid, ${plan.id}::uuid, ${c.id}::uuid, ${input.objectorApplicationId ?? null}::uuid,
          ${against.applicationId}::uuid, ${input.disputedFen}::bigint, ${input.reason}, ${filedOn}::date,
          ${actor.userId}::uuid)`);
      await setPlan(tx, plan, sql`state = 'objected', objection_notified_on = ${today}::date`);
      return { planId: plan.id, objectionId: id, filedOn, disputedFen: input.disputedFen };
    },
    'funds.distribution.object',
  );
}

/**
 * The others' answer (art. 510): an opposition within 15 days of being notified — the objector
 * is notified today and may sue — or, once the 15 days have passed, that nobody opposed.
 */
export async function answerObjection(db: Db, actor: Actor, caseId: string, input: TOpposition) {
  return inStep(
    db,
    actor,
    caseId,
    assertCaseTeam,
    async (tx, { c, today }) => {
      const plan = await requireOpenPlan(
        tx,
        c.id,
        ['objected'],
        '分配方案没有待答复的异议',
        'No objection waits for an answer',
      );
      const notifiedOn = plan.objectionNotifiedOn ?? today;
      const dueOn = oppositionDueOn(notifiedOn);
      if (!input.isOpposed) {
        if (today <= dueOn)
          throw conflict('isOpposed', `反对期至 ${dueOn} 届满`, `The others may oppose until ${dueOn}`);
        await setPlan(tx, plan, sql`state = 'unopposed'`);
        return { planId: plan.id, isOpposed: false };
      }
      const filedOn = filedOnWithin(input.filedOn, today, notifiedOn, dueOn);
      await setPlan(
        tx,
        plan,
        sql`state = 'opposed', opposed_on = ${filedOn}::date, opposition_notified_on = ${today}::date,
          opposition_note = ${input.note ?? null}`,
      );
      return { planId: plan.id, isOpposed: true, filedOn };
    },
    'funds.distribution.answer',
  );
}

/** 分配方案异议之诉 (art. 510): filed within 15 days of the notice of opposition; the disputed money waits. */
export async function recordSuit(db: Db, actor: Actor, caseId: string, input: TSuit) {
  return inStep(
    db,
    actor,
    caseId,
    assertCaseTeam,
    async (tx, { c, today }) => {
      const plan = await requireOpenPlan(
        tx,
        c.id,
        ['opposed'],
        '异议未遭反对，无需起诉',
        'No opposition to sue on',
      );
      const notifiedOn = plan.oppositionNotifiedOn ?? today;
      const filedOn = filedOnWithin(input.filedOn, today, notifiedOn, suitDueOn(notifiedOn));
      await setPlan(
        tx,
        plan,
        sql`state = 'sued', sued_on = ${filedOn}::date, suit_note = ${input.note ?? null}`,
      );
      return { planId: plan.id, filedOn };
    },
    'funds.distribution.sue',
  );
}
