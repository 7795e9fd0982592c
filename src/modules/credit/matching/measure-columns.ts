/** Column upkeep of the matching index: growing the typed arrays, and plain views for tests. */
import { type MeasureIndex, measureNames, recordStride, roleNames } from './measure-index.ts';
import { grownI32, grownU8, grownU16, grownU32 } from './typed-arrays.ts';

export function growSubjectColumns(x: MeasureIndex, min: number): void {
  const n = Math.max(min, x.sFlags.length * 2);
  x.sKeys = grownU32(x.sKeys, n * 3);
  x.sFlags = grownU8(x.sFlags, n);
  x.sNameOffset = grownU32(x.sNameOffset, n);
  x.sNameLength = grownU16(x.sNameLength, n);
  x.sNameHash = grownU32(x.sNameHash, n);
  x.sNameForm = grownU8(x.sNameForm, n);
  x.sPinyinHash = grownU32(x.sPinyinHash, n);
  x.sFirstRecord = grownI32(x.sFirstRecord, n, -1);
  x.sNextByName = grownI32(x.sNextByName, n, -1);
  x.sNextByPinyin = grownI32(x.sNextByPinyin, n, -1);
}

export function growRecords(x: MeasureIndex, min: number): void {
  x.records = grownI32(x.records, Math.max(min, (x.records.length / recordStride) * 2) * recordStride);
}

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
