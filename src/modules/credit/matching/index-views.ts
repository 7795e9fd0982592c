/** Plain views of the matching index for tests comparing it with the database. */
import type { MeasureIndex } from './measure-index.ts';
import { measureNames, recordStride, roleNames } from './measure-layout.ts';

/** Every live measure number (for tests comparing the index with the database). */
export function measureNumbersOf(x: MeasureIndex): number[] {
  const out: number[] = [];
  for (let r = 0; r < x.recordTop; r++) {
    const no = x.measureNoOf(r);
    if (no !== 0) out.push(no);
  }
  return out.sort((a, b) => a - b);
}

/** A record's fields as plain values (tests compare them with the database). */
export function describeRecord(x: MeasureIndex, r: number) {
  const s = x.records[r * recordStride] ?? 0;
  return {
    measureNo: x.measureNoOf(r),
    measure: measureNames[x.measureOf(r)] ?? '',
    key: x.hasKey(s) ? [x.sKeys[s * 3] ?? 0, x.sKeys[s * 3 + 1] ?? 0, x.sKeys[s * 3 + 2] ?? 0] : null,
    isOrganisation: x.isOrganisation(s),
    name: x.nameOf(s),
    role: roleNames[x.roleOf(r)] ?? '',
    behaviourMask: x.maskOf(r),
    sinceDay: x.sinceOf(r),
    untilDay: x.untilOf(r),
    courtNo: x.courtOf(r),
    caseYear: x.caseYearOf(r),
    caseTypeNo: x.caseTypeOf(r),
    caseSeq: x.caseSeqOf(r),
  };
}
