import type { Allowance } from '../../platform/allowances.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { Unit } from './unit-store.ts';
import { readUnitUsage } from './use-cases/read-unit-usage.ts';

export type Quota = {
  /** Counts `subjects` against the unit's daily quota, or refuses with 429 when they exceed it. */
  take(unit: Unit, subjects: number): Promise<void>;
};

/**
 * The daily quota of subjects per unit, per China day, counted in PostgreSQL through the shared
 * allowance: every server answering the unit counts against one quota. A day the allowance has not
 * counted yet (the first call after an upgrade) starts from the usage the match audit recorded.
 */
export function createQuota(db: Db, allowance: Allowance, currentDay: () => string): Quota {
  return {
    async take(unit, subjects) {
      const day = currentDay();
      const isAllowed = await allowance.take({
        key: `quota:unit:${unit.id}`,
        window: day,
        amount: subjects,
        limit: unit.dailyQuota,
        usedBefore: async () => (await readUnitUsage(db, unit.id, day)).subjects,
      });
      if (!isAllowed) {
        throw new AppError(
          ErrorCode.tooManyRequests,
          bi(
            `已超过每日比对配额（${unit.dailyQuota}）`,
            `Daily quota of ${unit.dailyQuota} subjects exceeded`,
          ),
        );
      }
    },
  };
}
