/**
 * The layout of the matching index: the width of a record and the typed columns with their growth
 * (punishment-index.ts keeps them, index-views.ts reads them for tests). Kinds and roles are stored
 * as the credit module numbers them in its snapshot (`PunishmentCode`, `punishmentRoles`).
 */
import { punishmentKinds } from '../../credit/index.ts';
import { grownI32, grownU8, grownU16, grownU32 } from './typed-arrays.ts';

/** The kind of each `PunishmentCode`, by number (0: none). */
export const kindNames: readonly string[] = ['', ...punishmentKinds];

// A record: subject, next record of the subject, punishment number, kind | role << 8 | behaviour mask << 16,
// first day, last day (−1: none), court | case type << 16 | (case year − 1900) << 24, case sequence.
export const recordStride = 8;

/** The subject columns and the records of the index, as growth sees them. */
export type IndexColumns = {
  sKeys: Uint32Array;
  sFlags: Uint8Array;
  sNameOffset: Uint32Array;
  sNameLength: Uint16Array;
  sNameHash: Uint32Array;
  sNameForm: Uint8Array;
  sPinyinHash: Uint32Array;
  sFirstRecord: Int32Array;
  sNextByName: Int32Array;
  sNextByPinyin: Int32Array;
  records: Int32Array;
};

export function growSubjectColumns(x: IndexColumns, min: number): void {
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

export function growRecords(x: IndexColumns, min: number): void {
  x.records = grownI32(x.records, Math.max(min, (x.records.length / recordStride) * 2) * recordStride);
}
