import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeForSearch, queryTokens, searchTextOf, tokensOf } from './search-tokens.ts';

test('a case number is found by any part of it, in full- or half-width', () => {
  const tokens = new Set(tokensOf(['（2026）浙0106执1234号', '张三']));
  for (const q of ['1234', '执1234', '(2026)浙0106执1234号', '张三', '张']) {
    assert.ok(
      queryTokens(q).every((t) => tokens.has(t)),
      q,
    );
  }
  assert.ok(!queryTokens('李四').every((t) => tokens.has(t)));
});

test('every substring of an indexed value has its tokens indexed (property)', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (s, a, b) => {
      const norm = [...normalizeForSearch(s)];
      const from = Math.min(a, b) % (norm.length + 1);
      const to = Math.max(a, b) % (norm.length + 1);
      const sub = norm.slice(from, to).join('');
      const tokens = new Set(tokensOf([s]));
      return (
        queryTokens(sub).every((t) => tokens.has(t)) && searchTextOf([s]).includes(normalizeForSearch(sub))
      );
    }),
  );
});
