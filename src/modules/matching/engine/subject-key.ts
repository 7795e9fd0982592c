/**
 * Identifiers packed into three 32-bit words, so the index holds millions of them in typed arrays
 * instead of strings. The check characters are left out (they follow from the rest); the input is
 * assumed valid (checked by the cases module's validators first).
 * - ID number (GB 11643): word 0 = digits 1–9, word 1 = digits 10–17, word 2 = `personTag`.
 * - Credit code (GB 32100): word 0 = positions 1–2 (base 36) × 10⁶ + the division (positions 3–8),
 *   words 1 and 2 = positions 9–12 and 13–16 in base 36 (digits and capitals as 0–35; each word
 *   < 36⁴, so never `personTag`).
 */
import { makeIdNumber } from '../../../kernel/index.ts';

export const personTag = 0xffffffff;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function base36(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    n = n * 36 + (c <= 57 ? c - 48 : c - 55);
  }
  return n;
}

/** Packs a valid, normalised 18-character ID number into `out[0..3)`. */
export function packIdNumber(id: string, out: Uint32Array): void {
  out[0] = digits(id, 0, 9);
  out[1] = digits(id, 9, 17);
  out[2] = personTag;
}

/** Packs a valid, normalised 18-character credit code into `out[0..3)`. */
export function packCreditCode(code: string, out: Uint32Array): void {
  out[0] = base36(code, 0, 2) * 1_000_000 + digits(code, 2, 8);
  out[1] = base36(code, 8, 12);
  out[2] = base36(code, 12, 16);
}

/** Birth date of a packed ID number as `YYYYMMDD` (digits 7–14). */
export function birthKeyOfPacked(w0: number, w1: number): number {
  const year = (w0 % 1000) * 10 + Math.floor(w1 / 10_000_000);
  const monthDay = Math.floor(w1 / 1000) % 10_000;
  return year * 10_000 + monthDay;
}

/** A 32-bit hash of the three words (murmur3's finaliser over a simple combination). */
export function hashWords(w0: number, w1: number, w2: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ w2, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The ID number again from its packed words (the check character recomputed by the cases module's rule). */
export function unpackIdNumber(w0: number, w1: number): string {
  const first17 = String(w0).padStart(9, '0') + String(w1).padStart(8, '0');
  const birth = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  return makeIdNumber(first17.slice(0, 6), birth, first17.slice(14, 17));
}

/** `packIdNumber` over ASCII bytes (the matching index reads identifiers straight from COPY output). */
export function packIdNumberBytes(buf: Uint8Array, at: number, out: Uint32Array): void {
  let w0 = 0;
  for (let i = 0; i < 9; i++) w0 = w0 * 10 + ((buf[at + i] ?? 48) - 48);
  let w1 = 0;
  for (let i = 9; i < 17; i++) w1 = w1 * 10 + ((buf[at + i] ?? 48) - 48);
  out[0] = w0;
  out[1] = w1;
  out[2] = personTag;
}

/** `packCreditCode` over ASCII bytes. */
export function packCreditCodeBytes(buf: Uint8Array, at: number, out: Uint32Array): void {
  const v = (i: number) => {
    const c = buf[at + i] ?? 48;
    return c <= 57 ? c - 48 : c - 55;
  };
  let division = 0;
  for (let i = 2; i < 8; i++) division = division * 10 + ((buf[at + i] ?? 48) - 48);
  out[0] = (v(0) * 36 + v(1)) * 1_000_000 + division;
  out[1] = ((v(8) * 36 + v(9)) * 36 + v(10)) * 36 + v(11);
  out[2] = ((v(12) * 36 + v(13)) * 36 + v(14)) * 36 + v(15);
}
