/** Plain views of the matching index for tests comparing it with the database. */
import { punishmentRoles } from '../../credit/index.ts';
import type { PunishmentIndex } from './punishment-index.ts';
import { kindNames, recordStride } from './punishment-layout.ts';

/** Every punishment number the index holds, in order. */
export function punishmentNumbersOf(x: PunishmentIndex): number[] {
  const out: number[] = [];
  for (let r = 0; r < x.recordTop; r++) {
    const no = x.punishmentNoOf(r);
    if (no !== 0) out.push(no);
  }
  return out.sort((a, b) => a - b);
}

/** A record's fields as plain values. */
export function describeRecord(x: PunishmentIndex, r: number) {
  const s = x.records[r * recordStride] ?? 0;
  return {
    punishmentNo: x.punishmentNoOf(r),
    punishment: kindNames[x.kindOf(r)] ?? '',
    key: x.hasKey(s) ? [x.sKeys[s * 3] ?? 0, x.sKeys[s * 3 + 1] ?? 0, x.sKeys[s * 3 + 2] ?? 0] : null,
    isOrganisation: x.isOrganisation(s),
    name: x.nameOf(s),
    role: punishmentRoles[x.roleOf(r)] ?? '',
    behaviourMask: x.maskOf(r),
    sinceDay: x.sinceOf(r),
    untilDay: x.untilOf(r),
    courtNo: x.courtOf(r),
    caseYear: x.caseYearOf(r),
    caseTypeNo: x.caseTypeOf(r),
    caseSeq: x.caseSeqOf(r),
  };
}
