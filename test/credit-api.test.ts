import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeIdNumber } from '../src/kernel/index.ts';
import { anAdult, fileCaseWith, listAndApprove } from './credit-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;
let president: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
});
after(() => t.close());

describe('listing: POST /cases/{id}/dishonest → approve', () => {
  test('a judge proposes (pendingApproval), the court leader signs (listed) with a letter and a restriction', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id ?? '';
    const res = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId, ground: 2, facts: '伪造证据' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['id', 'state']);
    assert.equal(res.body.state, 'pendingApproval');
    const judgeApproves = await t.request('POST', `/api/v1/credit/entries/${res.body.id}/approve`, {
      token: judge,
      body: {},
    });
    assert.equal(judgeApproves.status, 403);
    const emptyJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credit/entries/${res.body.id}/approve`,
      headers: { authorization: `Bearer ${president}`, 'content-type': 'application/json' },
      payload: '{"graceMonths": 9}',
    });
    assert.equal(emptyJson.statusCode, 400, 'graceMonths is 1 to 3');
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credit/entries/${res.body.id}/approve`,
      headers: { authorization: `Bearer ${president}`, 'content-type': 'application/json' },
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(JSON.parse(approved.body).state, 'listed');
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.equal(credit.status, 200);
    const r = credit.body.respondents[0];
    assert.equal(r.entries[0].state, 'listed');
    assert.match(r.entries[0].decisionLetter, /院长　周正/);
    assert.equal(r.restrictions.length, 1, '限消规定 art. 1: a listed debtor is restricted');
    assert.equal(r.restrictions[0].state, 'active');
    const twice = await t.request('POST', `/api/v1/credit/entries/${res.body.id}/approve`, {
      token: president,
    });
    assert.equal(twice.status, 409);
  });

  test('the leader reads the decision before signing: the letter previewed is the letter signed', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId: c.respondents[0]?.id, ground: 2, facts: '伪造证据' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const url = `/api/v1/credit/entries/${res.body.id}/decision-preview`;
    assert.equal((await t.request('GET', url, { token: judge })).status, 403, 'only a court leader signs');
    const preview = await t.request('GET', url, { token: president });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.match(preview.body.decisionLetter, /院长　周正/);
    assert.match(preview.body.decisionLetter, new RegExp(c.caseNumber.replace(/[（）]/g, '.')));
    // 失信规定 art. 2: ground (2) lists for two years.
    assert.equal(preview.body.expiresOn.slice(0, 4), String(Number(preview.body.decidedOn.slice(0, 4)) + 2));
    const still = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.equal(still.body.respondents[0].entries[0].state, 'pendingApproval', 'previewing writes nothing');
    const approved = await t.request('POST', `/api/v1/credit/entries/${res.body.id}/approve`, {
      token: president,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.equal(credit.body.respondents[0].entries[0].decisionLetter, preview.body.decisionLetter);
    assert.equal(
      (await t.request('GET', url, { token: president })).status,
      409,
      'decided: nothing to preview',
    );
  });

  test('a court leader listing signs at once: state listed', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: president,
      body: { respondentId: c.respondents[0]?.id, ground: 3, facts: '转移财产', extendYears: 1 },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'listed');
  });

  test('a minor is refused with the reason; nothing is written', async () => {
    const minor = anAdult('330106', { idNumber: makeIdNumber('330106', '2012-03-04', '123') });
    const c = await fileCaseWith(t, judge, [minor]);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId: c.respondents[0]?.id, ground: 2, facts: 'x' },
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'PRECONDITION_FAILED');
    assert.match(res.body.error.message, /未成年人/);
    assert.equal(res.body.error.details[0].path, 'respondentId');
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.equal(credit.body.respondents[0].entries.length, 0);
  });

  test('bad input names the field; unknown case 404; no sign-in 401', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id;
    const cases: [unknown, string][] = [
      [{ respondentId, ground: 7, facts: 'x' }, 'ground'],
      [{ respondentId, ground: 0, facts: 'x' }, 'ground'],
      [{ respondentId, ground: '2', facts: 'x' }, 'ground'],
      [{ respondentId, ground: 2, facts: '' }, 'facts'],
      [{ respondentId, ground: 2 }, 'facts'],
      [{ respondentId: 'nobody', ground: 2, facts: 'x' }, 'respondentId'],
      [{ respondentId, ground: 1, facts: 'x', extendYears: 1 }, 'extendYears'],
      [{ respondentId, ground: 2, facts: 'x', extendYears: 4 }, 'extendYears'],
      [{ respondentId, ground: 2, facts: 'x', graceMonths: 5 }, 'graceMonths'],
    ];
    for (const [body, path] of cases) {
      const res = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, { token: judge, body });
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
      assert.ok(
        res.body.error.details.some((d: { path: string }) => d.path === path),
        `${path}: ${JSON.stringify(res.body)}`,
      );
      assert.match(res.body.error.message, / \/ /);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/dishonest`,
      headers: { authorization: `Bearer ${judge}`, 'content-type': 'application/json' },
      payload: '{',
    });
    assert.equal(notJson.statusCode, 400);
    const missing = await t.request('POST', '/api/v1/cases/00000000-0000-4000-8000-000000000000/dishonest', {
      token: judge,
      body: { respondentId, ground: 2, facts: 'x' },
    });
    assert.equal(missing.status, 404);
    const anonymous = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      body: { respondentId, ground: 2, facts: 'x' },
    });
    assert.equal(anonymous.status, 401);
    const otherCourt = await t.login('haishu.judge');
    const outOfScope = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: otherCourt,
      body: { respondentId, ground: 2, facts: 'x' },
    });
    assert.equal(outOfScope.status, 404);
  });
});

describe('consumption restriction', () => {
  test('POST /cases/{id}/consumption-restrictions → 201; again → the same order', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id;
    const res = await t.request('POST', `/api/v1/cases/${c.id}/consumption-restrictions`, {
      token: judge,
      body: { respondentId },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'active');
    const again = await t.request('POST', `/api/v1/cases/${c.id}/consumption-restrictions`, {
      token: judge,
      body: { respondentId },
    });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, res.body.id);
    const bad = await t.request('POST', `/api/v1/cases/${c.id}/consumption-restrictions`, {
      token: judge,
      body: { respondentId, behaviours: [10] },
    });
    assert.equal(bad.status, 400);
  });

  test('the OpenAPI document carries the contract', async () => {
    const res = await t.request('GET', '/api/docs/json');
    assert.equal(res.status, 200);
    for (const path of [
      '/api/v1/cases/{id}/dishonest',
      '/api/v1/credit/entries/{id}/approve',
      '/api/v1/credit/entries/{id}/delist',
      '/api/v1/cases/{id}/consumption-restrictions',
      '/api/v1/public/dishonest',
    ]) {
      assert.ok(res.body.paths[path], path);
    }
  });
});

describe('court list, export and the public portal’s limits', () => {
  test('the public list: no sign-in, masked ID; a query too short is 400', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const pub = await t.request('GET', `/api/v1/public/dishonest?q=${encodeURIComponent(person.idNumber)}`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.equal(pub.body.total, 1);
    assert.equal(
      pub.body.items[0].subject.idNumber,
      `${person.idNumber.slice(0, 10)}****${person.idNumber.slice(14)}`,
    );
    const short = await t.request('GET', '/api/v1/public/dishonest?q=%E5%BC%A0');
    assert.equal(short.status, 400);
  });

  test('GET /credit/entries filters within the data scope; the Excel export is a workbook', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const listed = await t.request(
      'GET',
      `/api/v1/credit/entries?state=listed&q=${encodeURIComponent(person.idNumber)}`,
      { token: judge },
    );
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.equal(listed.body.total, 1);
    assert.equal(listed.body.items[0].idNumber.includes('****'), true);
    const other = await t.request('GET', `/api/v1/credit/entries?q=${encodeURIComponent(person.idNumber)}`, {
      token: await t.login('haishu.judge'),
    });
    assert.equal(other.body.total, 0, 'another court’s entries are out of scope');
    const bad = await t.request('GET', '/api/v1/credit/entries?ground=9', { token: judge });
    assert.equal(bad.status, 400);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/credit/entries/export.xlsx?state=listed',
      headers: { authorization: `Bearer ${judge}` },
    });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('the public search is rate-limited per address and refuses queries that would list everyone', async () => {
    const tooShort = await t.request('GET', '/api/v1/public/consumption-restrictions?q=%20');
    assert.equal(tooShort.status, 400);
    assert.equal(tooShort.body.error.details[0].path, 'q');
    const missing = await t.request('GET', '/api/v1/public/consumption-restrictions');
    assert.equal(missing.status, 400);
    let limited = 0;
    for (let i = 0; i < 32; i++) {
      const res = await t.request(
        'GET',
        `/api/v1/public/consumption-restrictions?q=${encodeURIComponent('某某某')}`,
      );
      if (res.status === 429) limited++;
    }
    assert.ok(limited >= 1, 'more than 30 searches a minute from one address are refused');
  });
});

describe('grid workers', () => {
  test('a grid worker sees the entries and restrictions of debtors registered in their area', async () => {
    const admin = await t.login('admin');
    const courts = await t.request('GET', '/api/v1/courts', { token: admin });
    const xihu = courts.body.items.find(
      (x: { courtCode: string; level: string }) => x.courtCode === '浙0106' && x.level === 'basic',
    );
    const user = await t.request('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: 'grid.wang',
        displayName: '王网格',
        password: 'zhixing-demo',
        courtId: xihu.id,
        roles: ['gridWorker'],
      },
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const areas = await t.request('PUT', `/api/v1/admin/grid-workers/${user.body.id}/areas`, {
      token: admin,
      body: { areaCodes: ['330500'] },
    });
    assert.equal(areas.status, 200, JSON.stringify(areas.body));
    const bad = await t.request('PUT', `/api/v1/admin/grid-workers/${user.body.id}/areas`, {
      token: admin,
      body: { areaCodes: ['33'] },
    });
    assert.equal(bad.status, 400);
    const local = anAdult('330502');
    const elsewhere = anAdult('110105');
    const c = await fileCaseWith(t, judge, [local, elsewhere]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    await listAndApprove(t, c.id, c.respondents[1]?.id ?? '');
    const grid = await t.login('grid.wang');
    const inbox = await t.request('GET', '/api/v1/credit/grid/inbox', { token: grid });
    assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
    assert.ok(inbox.body.items.length >= 2);
    assert.ok(inbox.body.items.every((i: { divisionCode: string }) => i.divisionCode.startsWith('3305')));
    assert.ok(inbox.body.items.every((i: { idNumber: string }) => i.idNumber.includes('****')));
    const read = await t.request('POST', '/api/v1/credit/grid/inbox/read', {
      token: grid,
      body: { seq: inbox.body.items[0].seq },
    });
    assert.equal(read.status, 200);
    assert.equal((await t.request('GET', '/api/v1/credit/grid/inbox', { token: grid })).body.unread, 0);
    assert.equal((await t.request('GET', '/api/v1/credit/grid/inbox', { token: judge })).status, 403);
  });
});
