import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Role, roleLabels, roleValues } from './roles.ts';

test('every role is listed once and named in Chinese and English', () => {
  assert.deepEqual(roleValues, Object.values(Role));
  assert.equal(new Set(roleValues).size, 9);
  for (const role of roleValues) {
    assert.ok(roleLabels[role].zh && roleLabels[role].en, role);
  }
});
