/**
 * The in-memory index of every punishment in force (a listing, a person bound by a consumption
 * restriction, an exit restriction), built for millions of entries. Identifiers are packed into
 * three words (`subject-key.ts`) and kept inline in an open-addressing table, so a lookup reads one
 * cache line; each record is eight 32-bit words side by side; subjects are columns of typed
 * arrays; two chain tables find subjects by normalised name (without its legal form) and by the
 * pinyin of a person's name. It is a cache of credit's `credit.active_punishments`
 * (docs/decisions/0008-matching-index.md).
 */
import { ChainTable } from './chain-table.ts';
import { hashCodeUnits, legalFormIn, normaliseInto, pinyinHashIn } from './name-key.ts';
import { growRecords, growSubjectColumns, recordStride } from './punishment-layout.ts';
import { hashWords } from './subject-key.ts';
import { grownI32, grownU16, nextPowerOfTwo } from './typed-arrays.ts';

/** One punishment in force as the loader hands it over; the loader reuses one object for every row. */
export type PunishmentInput = {
  punishmentNo: number;
  /** `PunishmentCode`. */
  kind: number;
  isOrganisation: boolean;
  hasKey: boolean;
  key: Uint32Array;
  name: string;
  courtNo: number;
  caseYear: number;
  caseTypeNo: number;
  caseSeq: number;
  sinceDay: number;
  /** Last day in force, or -1 for none. */
  untilDay: number;
  behaviourMask: number;
  roleNo: number;
};

export function newPunishmentInput(): PunishmentInput {
  return {
    punishmentNo: 0,
    kind: 0,
    isOrganisation: false,
    hasKey: false,
    key: new Uint32Array(3),
    name: '',
    courtNo: 0,
    caseYear: 0,
    caseTypeNo: 0,
    caseSeq: 0,
    sinceDay: 0,
    untilDay: -1,
    behaviourMask: 0,
    roleNo: 0,
  };
}

const isOrganisationFlag = 1;
const hasKeyFlag = 2;
const hasPinyinFlag = 4;
const scratch = new Uint16Array(1024);

export class PunishmentIndex {
  subjectCount = 0;
  /** Identifier words of each subject, three per subject. */
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
  /** Four words per slot: the identifier's three words and subject + 1 (0: empty). */
  idTable: Uint32Array;
  idCount = 0;
  names: ChainTable;
  pinyins: ChainTable;
  namePool: Uint16Array;
  namePoolLength = 0;
  records: Int32Array;
  recordCount = 0;
  recordTop = 0;
  freeRecords: number[] = [];
  /**
   * Record of each punishment number (−1: none), indexed directly: the numbers come from one
   * sequence, so this costs four bytes per punishment ever made and is read in order during a load.
   */
  recordByPunishmentNo: Int32Array;

  constructor(expected = 1024) {
    const n = Math.max(16, expected);
    this.sKeys = new Uint32Array(n * 3);
    this.sFlags = new Uint8Array(n);
    this.sNameOffset = new Uint32Array(n);
    this.sNameLength = new Uint16Array(n);
    this.sNameHash = new Uint32Array(n);
    this.sNameForm = new Uint8Array(n);
    this.sPinyinHash = new Uint32Array(n);
    this.sFirstRecord = new Int32Array(n).fill(-1);
    this.sNextByName = new Int32Array(n).fill(-1);
    this.sNextByPinyin = new Int32Array(n).fill(-1);
    this.idTable = new Uint32Array(nextPowerOfTwo(n * 2) * 4);
    this.names = new ChainTable(n);
    this.pinyins = new ChainTable(n / 2);
    this.namePool = new Uint16Array(n * 6);
    this.records = new Int32Array(n * recordStride);
    this.recordByPunishmentNo = new Int32Array(n + 1).fill(-1);
  }

  /** The slot (word offset) of these identifier words: theirs, or the empty one where they would go. */
  private idSlotOf(w0: number, w1: number, w2: number): number {
    const table = this.idTable;
    const mask = (table.length >>> 2) - 1;
    let i = hashWords(w0, w1, w2) & mask;
    for (;;) {
      const at = i << 2;
      if (table[at + 3] === 0 || (table[at] === w0 && table[at + 1] === w1 && table[at + 2] === w2))
        return at;
      i = (i + 1) & mask;
    }
  }

  /** The subject with these identifier words, or −1. */
  findSubject(w0: number, w1: number, w2: number): number {
    return (this.idTable[this.idSlotOf(w0, w1, w2) + 3] ?? 0) - 1;
  }

  /** Adds a punishment. `isNew` skips the check for an earlier one with the same number (bulk load). */
  upsert(m: PunishmentInput, isNew = false): void {
    if (!isNew && this.recordOf(m.punishmentNo) >= 0) this.remove(m.punishmentNo);
    let s = -1;
    if (m.hasKey) {
      const w0 = m.key[0] ?? 0;
      const w1 = m.key[1] ?? 0;
      const w2 = m.key[2] ?? 0;
      let at = this.idSlotOf(w0, w1, w2);
      s = (this.idTable[at + 3] ?? 0) - 1;
      if (s < 0) {
        if ((this.idCount + 1) * 2 > this.idTable.length >>> 2) {
          this.rehashIds();
          at = this.idSlotOf(w0, w1, w2);
        }
        s = this.addSubject(m);
        this.idTable[at] = w0;
        this.idTable[at + 1] = w1;
        this.idTable[at + 2] = w2;
        this.idTable[at + 3] = s + 1;
        this.idCount++;
      } else if (!this.hasName(s, m.name)) {
        this.rename(s, m.name);
      }
    } else {
      s = this.addSubject(m);
    }
    const r = this.freeRecords.pop() ?? this.recordTop++;
    if ((r + 1) * recordStride > this.records.length) growRecords(this, r + 1);
    const at = r * recordStride;
    const rec = this.records;
    rec[at] = s;
    rec[at + 1] = this.sFirstRecord[s] ?? -1;
    rec[at + 2] = m.punishmentNo;
    rec[at + 3] = (m.kind & 0xff) | ((m.roleNo & 0xff) << 8) | ((m.behaviourMask & 0xffff) << 16);
    rec[at + 4] = m.sinceDay;
    rec[at + 5] = m.untilDay;
    rec[at + 6] = (m.courtNo & 0xffff) | ((m.caseTypeNo & 0xff) << 16) | (((m.caseYear - 1900) & 0xff) << 24);
    rec[at + 7] = m.caseSeq;
    this.sFirstRecord[s] = r;
    if (m.punishmentNo >= this.recordByPunishmentNo.length) {
      this.recordByPunishmentNo = grownI32(
        this.recordByPunishmentNo,
        Math.max(m.punishmentNo + 1, this.recordByPunishmentNo.length * 2),
        -1,
      );
    }
    this.recordByPunishmentNo[m.punishmentNo] = r;
    this.recordCount++;
  }

  /** Removes a punishment; false when the index does not hold it. */
  remove(punishmentNo: number): boolean {
    const r = this.recordOf(punishmentNo);
    if (r < 0) return false;
    const rec = this.records;
    const s = rec[r * recordStride] ?? 0;
    const next = rec[r * recordStride + 1] ?? -1;
    let prev = -1;
    let at = this.sFirstRecord[s] ?? -1;
    while (at !== r && at !== -1) {
      prev = at;
      at = rec[at * recordStride + 1] ?? -1;
    }
    if (prev === -1) this.sFirstRecord[s] = next;
    else rec[prev * recordStride + 1] = next;
    rec[r * recordStride + 1] = -1;
    rec[r * recordStride + 2] = 0;
    this.recordByPunishmentNo[punishmentNo] = -1;
    this.freeRecords.push(r);
    this.recordCount--;
    return true;
  }

  nextRecord(r: number): number {
    return this.records[r * recordStride + 1] ?? -1;
  }
  punishmentNoOf(r: number): number {
    return this.records[r * recordStride + 2] ?? 0;
  }
  kindOf(r: number): number {
    return (this.records[r * recordStride + 3] ?? 0) & 0xff;
  }
  roleOf(r: number): number {
    return ((this.records[r * recordStride + 3] ?? 0) >>> 8) & 0xff;
  }
  maskOf(r: number): number {
    return ((this.records[r * recordStride + 3] ?? 0) >>> 16) & 0xffff;
  }
  sinceOf(r: number): number {
    return this.records[r * recordStride + 4] ?? 0;
  }
  untilOf(r: number): number {
    return this.records[r * recordStride + 5] ?? -1;
  }
  courtOf(r: number): number {
    return (this.records[r * recordStride + 6] ?? 0) & 0xffff;
  }
  caseTypeOf(r: number): number {
    return ((this.records[r * recordStride + 6] ?? 0) >>> 16) & 0xff;
  }
  caseYearOf(r: number): number {
    return (((this.records[r * recordStride + 6] ?? 0) >>> 24) & 0xff) + 1900;
  }
  caseSeqOf(r: number): number {
    return this.records[r * recordStride + 7] ?? 0;
  }

  /** The subject's original name as stored. */
  nameOf(s: number): string {
    const offset = this.sNameOffset[s] ?? 0;
    return String.fromCharCode(...this.namePool.subarray(offset, offset + (this.sNameLength[s] ?? 0)));
  }

  isOrganisation(s: number): boolean {
    return ((this.sFlags[s] ?? 0) & isOrganisationFlag) !== 0;
  }

  hasKey(s: number): boolean {
    return ((this.sFlags[s] ?? 0) & hasKeyFlag) !== 0;
  }

  /** The first subject whose normalised core name hashes to `hash` (follow `sNextByName`). */
  firstByName(hash: number): number {
    return this.names.head(hash);
  }

  firstByPinyin(hash: number): number {
    return this.pinyins.head(hash);
  }

  /** The record of a punishment number, or −1. */
  recordOf(punishmentNo: number): number {
    return punishmentNo > 0 && punishmentNo < this.recordByPunishmentNo.length
      ? (this.recordByPunishmentNo[punishmentNo] ?? -1)
      : -1;
  }

  private hasName(s: number, name: string): boolean {
    const length = this.sNameLength[s] ?? 0;
    if (length !== Math.min(name.length, 65535)) return false;
    const offset = this.sNameOffset[s] ?? 0;
    for (let i = 0; i < length; i++) if (this.namePool[offset + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  private addSubject(m: PunishmentInput): number {
    const s = this.subjectCount++;
    if (s >= this.sFlags.length) growSubjectColumns(this, s + 1);
    this.sKeys[s * 3] = m.hasKey ? (m.key[0] ?? 0) : 0;
    this.sKeys[s * 3 + 1] = m.hasKey ? (m.key[1] ?? 0) : 0;
    this.sKeys[s * 3 + 2] = m.hasKey ? (m.key[2] ?? 0) : 0;
    this.sFlags[s] = (m.isOrganisation ? isOrganisationFlag : 0) | (m.hasKey ? hasKeyFlag : 0);
    this.sFirstRecord[s] = -1;
    this.setName(s, m.name);
    return s;
  }

  private setName(s: number, name: string): void {
    const length = Math.min(name.length, 65535);
    if (this.namePoolLength + length > this.namePool.length) {
      this.namePool = grownU16(
        this.namePool,
        Math.max(this.namePool.length * 2, this.namePoolLength + length),
      );
    }
    const offset = this.namePoolLength;
    for (let i = 0; i < length; i++) this.namePool[offset + i] = name.charCodeAt(i);
    this.namePoolLength += length;
    this.sNameOffset[s] = offset;
    this.sNameLength[s] = length;
    const n = normaliseInto(name, scratch);
    const packed = legalFormIn(scratch, n);
    const hash = hashCodeUnits(scratch, packed & 0xffff);
    this.sNameHash[s] = hash;
    this.sNameForm[s] = packed >>> 16;
    this.sNextByName[s] = this.names.push(hash, s);
    if (!this.isOrganisation(s)) {
      const pinyinHash = pinyinHashIn(scratch, n);
      if (pinyinHash >= 0) {
        this.sPinyinHash[s] = pinyinHash;
        this.sNextByPinyin[s] = this.pinyins.push(pinyinHash, s);
        this.sFlags[s] = (this.sFlags[s] ?? 0) | hasPinyinFlag;
      }
    }
  }

  private rename(s: number, name: string): void {
    this.unlink(s, this.names, this.sNameHash, this.sNextByName);
    if (((this.sFlags[s] ?? 0) & hasPinyinFlag) !== 0) {
      this.unlink(s, this.pinyins, this.sPinyinHash, this.sNextByPinyin);
      this.sFlags[s] = (this.sFlags[s] ?? 0) & ~hasPinyinFlag;
    }
    this.setName(s, name);
  }

  private unlink(s: number, table: ChainTable, hashes: Uint32Array, next: Int32Array): void {
    const hash = hashes[s] ?? 0;
    let prev = -1;
    let at = table.head(hash);
    while (at >= 0 && at !== s) {
      prev = at;
      at = next[at] ?? -1;
    }
    if (at !== s) return;
    if (prev === -1) table.setHead(hash, next[s] ?? -1);
    else next[prev] = next[s] ?? -1;
    next[s] = -1;
  }

  private rehashIds(): void {
    const old = this.idTable;
    this.idTable = new Uint32Array(old.length * 2);
    this.idCount = 0;
    for (let at = 0; at < old.length; at += 4) {
      if ((old[at + 3] ?? 0) === 0) continue;
      const target = this.idSlotOf(old[at] ?? 0, old[at + 1] ?? 0, old[at + 2] ?? 0);
      this.idTable.set(old.subarray(at, at + 4), target);
      this.idCount++;
    }
  }
}
