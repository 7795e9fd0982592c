import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { Unit } from './unit-store.ts';
import { readUnitUsage } from './use-cases/read-unit-usage.ts';

export type Quota = {
  /** Counts `subjects` against the unit's daily quota, or refuses with 429 when they exceed it. */
  take(unit: Unit, subjects: number): Promise<void>;
};

/**
 * The daily quota of subjects per unit: counted in memory on every call (a database read per call
 * would cost more than the match), starting each day from the usage the match audit has written.
 */
export function createQuota(db: Db, currentDay: () => string): Quota {
  const usage = new Map<string, { day: string; used: number }>();
  return {
    async take(unit, subjects) {
      const day = currentDay();
      let u = usage.get(unit.id);
      if (!u || u.day !== day) {
        u = { day, used: (await readUnitUsage(db, unit.id, day)).subjects };
        usage.set(unit.id, u);
      }
      if (u.used + subjects > unit.dailyQuota) {
        throw new AppError(
          ErrorCode.tooManyRequests,
          bi(
            `已超过每日比对配额（${unit.dailyQuota}）`,
            `Daily quota of ${unit.dailyQuota} subjects exceeded`,
          ),
        );
      }
      u.used += subjects;
    },
  };
}
