import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoAccounts } from '../src/modules/identity/index.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
const caseByCourt = new Map<string, string>();

// Which demo courts each demo court sees (court hierarchy: own court and every court below).
const visible: Record<string, string[]> = {
  spc: ['xihu', 'shangcheng', 'haishu'],
  zj: ['xihu', 'shangcheng', 'haishu'],
  hz: ['xihu', 'shangcheng'],
  nb: ['haishu'],
  xihu: ['xihu'],
  shangcheng: ['shangcheng'],
  haishu: ['haishu'],
};

before(async () => {
  t = await startTestApp();
  for (const [court, filer] of [
    ['xihu', 'xihu.judge'],
    ['shangcheng', 'shangcheng.judge'],
    ['haishu', 'haishu.judge'],
  ] as const) {
    const res = await t.request('POST', '/api/v1/cases', {
      token: await t.login(filer),
      body: aCaseBody({
        respondents: [aPerson({ name: `范围${{ xihu: '甲', shangcheng: '乙', haishu: '丙' }[court]}` })],
      }),
    });
    assert.equal(res.status, 201);
    caseByCourt.set(court, res.body.id);
  }
});
after(() => t.close());

for (const account of demoAccounts) {
  test(`data scope: ${account.username} (${account.roles.join(',')} at ${account.court}) sees exactly its courts' cases`, async () => {
    const token = await t.login(account.username);
    // Grid workers and procurators are outside staff: no case at all, whatever court they are attached to.
    const isOutside = account.roles.every((role) => role === 'gridWorker' || role === 'procurator');
    const courts = isOutside ? [] : (visible[account.court] ?? []);
    const expected = new Set(courts.map((c) => caseByCourt.get(c)));
    const list = await t.request('GET', '/api/v1/cases?pageSize=200', { token });
    assert.equal(list.status, 200);
    assert.deepEqual(new Set(list.body.items.map((i: { id: string }) => i.id)), expected);
    assert.equal(list.body.total, expected.size);
    for (const [court, id] of caseByCourt) {
      const res = await t.request('GET', `/api/v1/cases/${id}`, { token });
      assert.equal(res.status, expected.has(id) ? 200 : 404, `${account.username} → case of ${court}`);
      if (res.status !== 200) continue;
      const isTeam = res.body.isTeamMember;
      const respondent = res.body.respondents[0];
      assert.equal(respondent.isMasked, !isTeam, 'personal data masked outside the case team');
      if (!isTeam) assert.match(respondent.idNumber, /\*{4}/);
      const write = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
        token,
        body: { kind: 'enforcementNoticeSent' },
      });
      assert.equal(write.status, isTeam ? 201 : 403);
    }
  });
}

test('reads of personal data by the team are audited with their purpose', async () => {
  const token = await t.login('xihu.judge');
  const id = caseByCourt.get('xihu');
  await t.request('GET', `/api/v1/cases/${id}`, {
    token,
    headers: { 'x-zhixing-purpose': encodeURIComponent('核实被执行人身份') },
  });
  const rows = await t.database.sql<{ purpose: string }[]>`
    select purpose from audit.records where action = 'case.personal-data.read' and object_id = ${id ?? ''} order by id desc limit 1`;
  assert.equal(rows[0]?.purpose, '核实被执行人身份');
});
