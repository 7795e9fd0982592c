import { createHash, createHmac } from 'node:crypto';

/**
 * The verifiable lottery (摇号) that draws appraisers from the roster when the parties do not
 * agree (参考价规定 2018; DOMAIN.md §6). Anyone can recompute a draw from its public record
 * (docs/protocols/valuation.md §7):
 *
 * 1. Before the draw the court publishes the roster (appraiser ids in roster order) and the
 *    commitment `SHA-256(seed)` of a secret 32-byte seed.
 * 2. At the draw a witness value may be added (the number read out by the parties present); the
 *    seed is revealed with the result.
 * 3. The draw is a deterministic function of (roster, seed, witness): a stream of 32-bit numbers
 *    from HMAC-SHA256 keyed by the seed, unbiased integers by rejection, a partial Fisher–Yates.
 *
 * Since the seed is fixed (committed) before the witness value is known, neither the court nor
 * the parties alone choose the outcome.
 */

export const lotteryScheme = 'zhixing-lottery/1';

const seedPattern = /^[0-9a-f]{64}$/;

export function isSeedHex(s: string): boolean {
  return seedPattern.test(s);
}

/** The published commitment: lower-case hex SHA-256 of the 32 seed bytes. */
export function commitmentOf(seedHex: string): string {
  if (!isSeedHex(seedHex)) throw new RangeError('a seed is 64 lower-case hex digits');
  return createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

/** SHA-256 of the roster's ids in order, joined by line feeds (UTF-8), lower-case hex. */
export function rosterDigestOf(rosterIds: readonly string[]): string {
  return createHash('sha256').update(rosterIds.join('\n'), 'utf8').digest('hex');
}

/**
 * The draw's numbers: block i = HMAC-SHA256(key = seed bytes, message =
 * "zhixing-lottery/1\n" + rosterDigest + "\n" + witness + "\n" + i), i = 0, 1, 2 …; each block
 * read as eight unsigned 32-bit big-endian integers, blocks one after the other.
 */
export function lotteryStream(seedHex: string, rosterDigest: string, witness: string): () => number {
  if (!isSeedHex(seedHex)) throw new RangeError('a seed is 64 lower-case hex digits');
  const key = Buffer.from(seedHex, 'hex');
  let block = Buffer.alloc(0);
  let blockIndex = 0;
  let offset = 0;
  return () => {
    if (offset >= block.length) {
      block = createHmac('sha256', key)
        .update(`${lotteryScheme}\n${rosterDigest}\n${witness}\n${blockIndex}`, 'utf8')
        .digest();
      blockIndex += 1;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
}

const twoTo32 = 2 ** 32;

/** A uniform integer in [0, k): the next number below the largest multiple of k under 2³², mod k. */
export function uniformBelow(next: () => number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > twoTo32) throw new RangeError('k is 1 … 2^32');
  const limit = twoTo32 - (twoTo32 % k);
  for (;;) {
    const u = next();
    if (u < limit) return u % k;
  }
}

/**
 * The roster positions drawn, in order: positions 0 … n−1; for p = 0, 1, …, count−1, take
 * j = p + uniform(n − p) and swap positions p and j; the first `count` are the result.
 */
export function drawLottery(input: {
  rosterIds: readonly string[];
  seedHex: string;
  witness: string;
  count: number;
}): number[] {
  const n = input.rosterIds.length;
  if (input.count < 1 || input.count > n) throw new RangeError(`cannot draw ${input.count} of ${n}`);
  const next = lotteryStream(input.seedHex, rosterDigestOf(input.rosterIds), input.witness);
  const positions = Array.from({ length: n }, (_, i) => i);
  for (let p = 0; p < input.count; p++) {
    const j = p + uniformBelow(next, n - p);
    const here = positions[p] ?? p;
    positions[p] = positions[j] ?? j;
    positions[j] = here;
  }
  return positions.slice(0, input.count);
}

/** Whether a published record is what its seed says: the commitment matches, the result recomputes. */
export function verifyLottery(record: {
  rosterIds: readonly string[];
  commitment: string;
  seedHex: string;
  witness: string;
  result: readonly number[];
}): boolean {
  if (!isSeedHex(record.seedHex) || commitmentOf(record.seedHex) !== record.commitment) return false;
  const again = drawLottery({
    rosterIds: record.rosterIds,
    seedHex: record.seedHex,
    witness: record.witness,
    count: record.result.length,
  });
  return again.length === record.result.length && again.every((p, i) => p === record.result[i]);
}
