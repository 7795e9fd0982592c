import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Parties after filing (当事人信息更正): the case team corrects a party's name, phone, address or
 * agents; the old values are kept with who, when and why; bad input names the field and writes
 * nothing; outside the team it is refused, outside the scope the case does not exist.
 */
let t: TestApp;
let judge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});
after(() => t.close());

async function fileCase() {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [aCompany()], respondents: [aPerson({ phone: '13800001234' })] }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token: judge });
  return { id: String(res.body.id), detail: detail.body };
}

async function changesCount(caseId: string): Promise<number> {
  const [row] = await t.database.sql<
    { n: number }[]
  >`select count(*)::int as n from cases.party_changes where case_id = ${caseId}`;
  return row?.n ?? 0;
}

test('the team corrects a phone and an address; the old values are kept and audited', async () => {
  const c = await fileCase();
  const respondent = c.detail.respondents[0];
  const url = `/api/v1/cases/${c.id}/parties/${respondent.id}`;
  const res = await t.request('PATCH', url, {
    token: judge,
    body: {
      phone: '13911112222',
      address: '浙江省杭州市西湖区天目山路 1 号',
      reason: '当事人到庭更正联系方式',
    },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body.fields, ['phone', 'address']);
  const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
  assert.equal(detail.body.respondents[0].phone, '13911112222');
  assert.equal(detail.body.respondents[0].address, '浙江省杭州市西湖区天目山路 1 号');
  const changes = await t.request('GET', `${url}/changes`, { token: judge });
  assert.equal(changes.status, 200);
  assert.equal(changes.body.items.length, 1);
  assert.deepEqual(changes.body.items[0].before, { phone: '13800001234', address: respondent.address });
  assert.equal(changes.body.items[0].after.phone, '13911112222');
  assert.equal(changes.body.items[0].reason, '当事人到庭更正联系方式');
  const [audit] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from audit.records
    where action = 'case.party.correct' and object_id = ${c.id}`;
  assert.equal(audit?.n, 1);
  // A court leader sees the record; the same correction again changes nothing.
  const leader = await t.login('xihu.president');
  assert.equal((await t.request('GET', `${url}/changes`, { token: leader })).status, 200);
  const same = await t.request('PATCH', url, {
    token: judge,
    body: { phone: '13911112222', reason: '再次' },
  });
  assert.equal(same.status, 200, 'a retry is harmless');
  assert.deepEqual(same.body, { id: null, partyId: respondent.id, fields: [] });
  assert.equal(await changesCount(c.id), 1, 'and writes nothing');
});

test('a corrected name is what the case search finds', async () => {
  const c = await fileCase();
  const applicant = c.detail.applicants[0];
  const name = `杭州更正${Date.now() % 100_000}贸易有限公司`;
  const res = await t.request('PATCH', `/api/v1/cases/${c.id}/parties/${applicant.id}`, {
    token: judge,
    body: { name, reason: '立案时名称录入错误' },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const found = await t.request('GET', `/api/v1/cases?q=${encodeURIComponent(name)}`, { token: judge });
  assert.deepEqual(
    found.body.items.map((i: { id: string }) => i.id),
    [c.id],
  );
});

test('bad input names the field and writes nothing; outside the team refused; outside the scope 404', async () => {
  const c = await fileCase();
  const respondent = c.detail.respondents[0];
  const url = `/api/v1/cases/${c.id}/parties/${respondent.id}`;
  const cases: [unknown, string][] = [
    [{ phone: 'call me', reason: '更正' }, 'phone'],
    [{ phone: '13911112222' }, 'reason'],
    [{ reason: '更正' }, 'name'],
    [{ legalRepresentative: '张三', reason: '更正' }, 'legalRepresentative'],
    [{ name: '', reason: '更正' }, 'name'],
    // The identity is not corrected here: an unknown field.
    [{ idNumber: '110101199003074514', reason: '更正' }, 'body'],
    [{ address: 'a\u0007b', reason: '更正' }, 'address'],
  ];
  for (const [body, path] of cases) {
    const res = await t.request('PATCH', url, { token: judge, body });
    assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    assert.ok(
      res.body.error.details.some((d: { path: string }) => d.path === path || d.path.startsWith(`${path}`)),
      `${path}: ${JSON.stringify(res.body)}`,
    );
  }
  const body = { phone: '13911113333', reason: '更正' };
  assert.equal((await t.request('PATCH', url, { token: await t.login('xihu.president'), body })).status, 403);
  assert.equal((await t.request('PATCH', url, { token: await t.login('haishu.judge'), body })).status, 404);
  assert.equal(
    (
      await t.request('PATCH', `/api/v1/cases/${c.id}/parties/00000000-0000-4000-8000-000000000000`, {
        token: judge,
        body,
      })
    ).status,
    404,
  );
  assert.equal(await changesCount(c.id), 0, 'nothing written');
});
