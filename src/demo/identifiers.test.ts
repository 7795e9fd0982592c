import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  composeCreditCode,
  composeIdNumber,
  computeCreditCheckChar,
  computeIdCheckChar,
  computeOrgCodeCheckChar,
} from './identifiers.ts';
import { createRandom, deriveSeed } from './random.ts';

describe('identifiers', () => {
  it('computes the GB 11643 check character of the standard sample', () => {
    assert.equal(computeIdCheckChar('11010519491231002'), 'X');
    assert.equal(composeIdNumber('110105', '19491231', 2), '11010519491231002X');
  });

  it('computes the GB 32100 and GB 11714 check characters of the standard sample 91350100M000100Y43', () => {
    assert.equal(computeOrgCodeCheckChar('M000100Y'), '4');
    assert.equal(computeCreditCheckChar('91350100M000100Y4'), '3');
    assert.equal(composeCreditCode('9', '1', '350100', 'M000100Y'), '91350100M000100Y43');
  });

  it('maps GB 11714 check values 10 → X and 11 → 0', () => {
    const checks = new Set<string>();
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++)
      checks.add(computeOrgCodeCheckChar(String(random.int(0, 99_999_999)).padStart(8, '0')));
    assert.ok(checks.has('X'));
    assert.ok(checks.has('0'));
    assert.ok(!checks.has('11') && !checks.has('10'));
  });
});

describe('random', () => {
  it('repeats the same sequence for the same seed and stays in range', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      assert.equal(x, b.next());
      assert.ok(x >= 0 && x < 1);
      const n = a.int(3, 5);
      b.int(3, 5);
      assert.ok(n >= 3 && n <= 5);
    }
  });

  it('derives different seeds from different parts', () => {
    assert.equal(deriveSeed(1, 'a'), deriveSeed(1, 'a'));
    assert.notEqual(deriveSeed(1, 'a'), deriveSeed(1, 'b'));
    assert.notEqual(deriveSeed(1, 'a'), deriveSeed(2, 'a'));
  });
});
