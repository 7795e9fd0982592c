import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let admin: string;
let gridId: string;
let judgeId: string;

before(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  const users = await t.request('GET', '/api/v1/users', { token: admin });
  assert.equal(users.status, 200, JSON.stringify(users.body));
  const byName = (username: string) =>
    users.body.items.find((u: { username: string }) => u.username === username)?.id as string;
  gridId = byName('xihu.grid');
  judgeId = byName('xihu.judge');
  assert.ok(gridId && judgeId);
});
after(() => t.close());

const areasUrl = (id: string) => `/api/v1/admin/grid-workers/${id}/areas`;

test('the administrator reads and sets a grid worker’s areas; the grid worker sees the same', async () => {
  const none = await t.request('GET', areasUrl(gridId), { token: admin });
  assert.equal(none.status, 200, JSON.stringify(none.body));
  assert.deepEqual(none.body, { areaCodes: [] });

  const set = await t.request('PUT', areasUrl(gridId), {
    token: admin,
    body: { areaCodes: ['330106', '330102', '330106'] },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.deepEqual(set.body.areaCodes, ['330102', '330106']);

  const read = await t.request('GET', areasUrl(gridId), { token: admin });
  assert.deepEqual(read.body.areaCodes, ['330102', '330106']);
  const mine = await t.request('GET', '/api/v1/credit/grid/areas', { token: await t.login('xihu.grid') });
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.body.areaCodes, ['330102', '330106']);
});

test('only the administrator reads a user’s areas; an unknown user is not found', async () => {
  for (const username of ['xihu.grid', 'xihu.judge', 'spc.command']) {
    const res = await t.request('GET', areasUrl(gridId), { token: await t.login(username) });
    assert.equal(res.status, 403, `${username}: ${JSON.stringify(res.body)}`);
  }
  assert.equal((await t.request('GET', areasUrl(randomUUID()), { token: admin })).status, 404);
  assert.equal((await t.request('GET', areasUrl('not-a-uuid'), { token: admin })).status, 404);
  assert.equal((await t.request('GET', areasUrl(gridId))).status, 401);
});

test('a malformed code or a user who is not a grid worker is refused, naming the field', async () => {
  const bad = await t.request('PUT', areasUrl(gridId), {
    token: admin,
    body: { areaCodes: ['330106', '3301'] },
  });
  assert.equal(bad.status, 400);
  assert.deepEqual(
    bad.body.error.details.map((d: { path: string }) => d.path),
    ['areaCodes.1'],
  );
  const notGrid = await t.request('PUT', areasUrl(judgeId), {
    token: admin,
    body: { areaCodes: ['330106'] },
  });
  assert.equal(notGrid.status, 400);
  assert.equal(notGrid.body.error.details[0].path, 'userId');
  assert.deepEqual((await t.request('GET', areasUrl(gridId), { token: admin })).body.areaCodes, [
    '330102',
    '330106',
  ]);
});
