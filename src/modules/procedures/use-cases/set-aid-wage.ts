import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TMonthlyWage } from '../aid-contracts.ts';
import { assertWageSetter } from '../aid-policy.ts';
import { aidWageSettings } from '../aid-tables.ts';
import { aidCapMonths } from '../rules/judicial-aid.ts';
import { auditActorOf } from './settlement-store.ts';

/**
 * A court leader sets the court's base of judicial aid (意见 part 3): the average monthly wage of
 * employees of the previous year where the court sits — the previous year's figure, or an earlier
 * one until that is published; never the current year's.
 */
export async function setAidMonthlyWage(db: Db, actor: Actor, input: TMonthlyWage) {
  assertWageSetter(actor);
  const currentYear = Number(clock.today().slice(0, 4));
  if (input.year >= currentYear) {
    throw invalidField(
      'year',
      `应为上一年度（${currentYear - 1}年）或更早年度的职工月平均工资`,
      `The wage is the previous year's (${currentYear - 1}) or an earlier one`,
    );
  }
  const courtId = actor.court.id;
  return db.transaction(async (tx) => {
    const values = {
      courtId,
      wageYear: input.year,
      monthlyWageFen: input.monthlyWageFen,
      updatedAt: clock.now(),
      updatedBy: actor.userId,
    };
    await tx
      .insert(aidWageSettings)
      .values(values)
      .onConflictDoUpdate({ target: aidWageSettings.courtId, set: values });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.judicial-aid.monthly-wage',
      objectType: 'court',
      objectId: courtId,
      detail: { year: input.year, monthlyWageFen: input.monthlyWageFen },
    });
    return {
      courtId,
      year: input.year,
      monthlyWageFen: input.monthlyWageFen,
      capFen: aidCapMonths * input.monthlyWageFen,
    };
  });
}
