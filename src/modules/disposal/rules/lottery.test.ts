import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  commitmentOf,
  drawLottery,
  lotteryStream,
  rosterDigestOf,
  uniformBelow,
  verifyLottery,
} from './lottery.ts';

/** The worked example of docs/protocols/valuation.md §7, value for value. */
const example = {
  rosterIds: [
    '00000000-0000-4000-8000-000000000001',
    '00000000-0000-4000-8000-000000000002',
    '00000000-0000-4000-8000-000000000003',
    '00000000-0000-4000-8000-000000000004',
    '00000000-0000-4000-8000-000000000005',
  ],
  seedHex: '3f1c9a5e7b2d4f608192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8',
  witness: '0427',
};

const aSeed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const aRoster = fc.uniqueArray(fc.uuid(), { minLength: 3, maxLength: 30 });

test('the worked example recomputes step by step', () => {
  assert.equal(
    commitmentOf(example.seedHex),
    '026358f8fc35f755248005290c6e87a2618ba3df5f717627b5c020b3d6f195da',
  );
  const digest = rosterDigestOf(example.rosterIds);
  assert.equal(digest, '31e2edbbe9b02a4bd2b7b033c7849526f987852bbfc2cf08320a6be8ad6aecca');
  const next = lotteryStream(example.seedHex, digest, example.witness);
  // block 0 = ccbab7aa cd0274b7 e437cbae …
  assert.deepEqual([next(), next(), next()], [3434788778, 3439490231, 3828861870]);
  // 3434788778 mod 5 = 3; 3439490231 mod 4 = 3 (→ 1 + 3); 3828861870 mod 3 = 0 (→ 2 + 0)
  const result = drawLottery({ ...example, count: 3 });
  assert.deepEqual(result, [3, 4, 2]);
  assert.equal(verifyLottery({ ...example, commitment: commitmentOf(example.seedHex), result }), true);
});

test('a draw is a function of roster, seed and witness: the same inputs, the same three', () => {
  fc.assert(
    fc.property(aRoster, aSeed, fc.string({ maxLength: 20 }), (rosterIds, seedHex, witness) => {
      const a = drawLottery({ rosterIds, seedHex, witness, count: 3 });
      const b = drawLottery({ rosterIds: [...rosterIds], seedHex, witness, count: 3 });
      assert.deepEqual(a, b);
      assert.equal(new Set(a).size, 3, 'three different appraisers');
      assert.ok(a.every((p) => Number.isInteger(p) && p >= 0 && p < rosterIds.length));
      assert.ok(verifyLottery({ rosterIds, seedHex, witness, commitment: commitmentOf(seedHex), result: a }));
    }),
  );
});

test('a record that was changed does not verify: another seed, witness, roster order or result', () => {
  fc.assert(
    fc.property(aRoster, aSeed, aSeed, (rosterIds, seedHex, otherSeed) => {
      const result = drawLottery({ rosterIds, seedHex, witness: '', count: 3 });
      const commitment = commitmentOf(seedHex);
      if (otherSeed !== seedHex)
        assert.equal(
          verifyLottery({ rosterIds, seedHex: otherSeed, witness: '', commitment, result }),
          false,
        );
      const swapped = [result[1] ?? 0, result[0] ?? 0, result[2] ?? 0];
      assert.equal(verifyLottery({ rosterIds, seedHex, witness: '', commitment, result: swapped }), false);
    }),
  );
  const result = drawLottery({ ...example, count: 3 });
  const commitment = commitmentOf(example.seedHex);
  assert.equal(verifyLottery({ ...example, witness: '0428', commitment, result }), false);
  const reordered = [...example.rosterIds].reverse();
  assert.equal(verifyLottery({ ...example, rosterIds: reordered, commitment, result }), false);
});

test('uniform integers are unbiased: numbers at or above the largest multiple of k are skipped', () => {
  // k = 3: 2^32 mod 3 = 1, so 4294967295 is the one number refused
  const numbers = [4294967295, 7];
  const next = () => numbers.shift() ?? 0;
  assert.equal(uniformBelow(next, 3), 1);
  assert.equal(
    uniformBelow(() => 4294967294, 3),
    4294967294 % 3,
  );
  assert.throws(() => uniformBelow(() => 0, 0), RangeError);
});

test('every appraiser of a roster is about equally likely in every place of the draw', () => {
  const rosterIds = Array.from({ length: 5 }, (_, i) => `appraiser-${i}`);
  const draws = 6000;
  const counts = [0, 1, 2].map(() => new Array<number>(rosterIds.length).fill(0));
  for (let i = 0; i < draws; i++) {
    // seeds of their own, the same on every run: the test is stable
    const seedHex = createHash('sha256').update(`uniformity-${i}`).digest('hex');
    drawLottery({ rosterIds, seedHex, witness: '', count: 3 }).forEach((p, place) => {
      const row = counts[place];
      if (row) row[p] = (row[p] ?? 0) + 1;
    });
  }
  // expected 1200 each; 6 standard deviations (σ ≈ 31) would be ±186
  for (const row of counts) for (const n of row) assert.ok(Math.abs(n - draws / 5) < 190, `counts ${row}`);
});
