import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ComparableItem, findChannelDifferences } from './feedback.ts';

const item = (o: Partial<ComparableItem>): ComparableItem => ({
  id: 'x',
  assetType: 'realEstate',
  identifier: '浙(2024)杭州市不动产权第0012345号',
  institution: 'mnr',
  channel: 'national',
  valueFen: 300_000_000,
  balanceFen: null,
  encumbranceCount: 0,
  ...o,
});

test('the same flat answered differently by the national and the local registry is flagged', () => {
  const flagged = findChannelDifferences([
    item({ id: 'a' }),
    item({ id: 'b', institution: 'hzbdc', channel: 'local', encumbranceCount: 1 }),
    item({ id: 'c', identifier: 'other' }),
  ]);
  assert.deepEqual([...flagged.keys()].sort(), ['a', 'b']);
  assert.match(flagged.get('a')?.zh ?? '', /总对总与点对点.*权利负担/);
  assert.deepEqual(flagged.get('b')?.institutions, ['hzbdc', 'mnr']);
});

test('agreeing answers are not flagged', () => {
  assert.equal(
    findChannelDifferences([item({ id: 'a' }), item({ id: 'b', institution: 'hzbdc', channel: 'local' })])
      .size,
    0,
  );
});
