import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refuse, succeed } from './rule-result.ts';

test('succeed wraps the value', () => {
  assert.deepEqual(succeed(42), { ok: true, value: 42 });
});

test('refuse carries a code and a bilingual reason', () => {
  assert.deepEqual(refuse('length', '长度错误', 'Wrong length'), {
    ok: false,
    code: 'length',
    reason: { zh: '长度错误', en: 'Wrong length' },
  });
});
