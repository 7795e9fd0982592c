import { nextPowerOfTwo } from './typed-arrays.ts';

/**
 * A hash table from a 32-bit hash to the first subject of a chain of subjects with that hash (the
 * chains themselves live in the index's `next` columns). Hash and head sit side by side, so one
 * probe reads one cache line.
 */
export class ChainTable {
  /** Pairs [hash, head + 1]; head + 1 = 0 is an empty slot, −1 an emptied one (probing goes on). */
  slots: Int32Array;
  count = 0;
  constructor(capacity: number) {
    this.slots = new Int32Array(nextPowerOfTwo(Math.max(8, capacity * 2)) * 2);
  }

  private slotOf(hash: number): number {
    const mask = (this.slots.length >>> 1) - 1;
    let i = hash & mask;
    for (;;) {
      const at = i << 1;
      if (this.slots[at + 1] === 0 || this.slots[at] === (hash | 0)) return at;
      i = (i + 1) & mask;
    }
  }

  /** The first subject with this hash, or −1. */
  head(hash: number): number {
    const v = this.slots[this.slotOf(hash) + 1] ?? 0;
    return v > 0 ? v - 1 : -1;
  }

  /** Makes `subject` the head of its hash's chain and returns the previous head (−1 for none). */
  push(hash: number, subject: number): number {
    let at = this.slotOf(hash);
    if (this.slots[at + 1] === 0) {
      if ((this.count + 1) * 2 > this.slots.length >>> 1) {
        this.rehash();
        at = this.slotOf(hash);
      }
      this.count++;
      this.slots[at] = hash | 0;
    }
    const previous = this.slots[at + 1] ?? 0;
    this.slots[at + 1] = subject + 1;
    return previous > 0 ? previous - 1 : -1;
  }

  /** Sets the head of an existing chain (after unlinking its first subject); −1 empties it. */
  setHead(hash: number, subject: number): void {
    const at = this.slotOf(hash);
    if (this.slots[at + 1] === 0) return;
    this.slots[at + 1] = subject < 0 ? -1 : subject + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) {
      const v = old[at + 1] ?? 0;
      if (v === 0) continue;
      const target = this.slotOf(old[at] ?? 0);
      this.slots[target] = old[at] ?? 0;
      this.slots[target + 1] = v;
      this.count++;
    }
  }
}
