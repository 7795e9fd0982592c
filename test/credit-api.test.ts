import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeIdNumber } from '../src/kernel/index.ts';
import { flushMatchAudit } from '../src/modules/credit/index.ts';
import { anAdult, createUnit, fileCaseWith, listAndApprove, match } from './credit-support.ts';
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

describe('consumption restriction, delisting and the match API', () => {
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

  test('a unit matches a listed person for its scene, not for an unrelated one; delisting ends it', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    const entryId = await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const railway = await createUnit(t, 'railway');
    const border = await createUnit(t, 'border');
    const hit = await match(t, railway.apiKey, [
      { idNumber: person.idNumber },
      { idNumber: makeIdNumber('110105', '1970-01-01', '555') },
    ]);
    assert.equal(hit.status, 200, JSON.stringify(hit.body));
    assert.equal(hit.body.results.length, 2);
    assert.equal(hit.body.results[0].restricted, true);
    assert.deepEqual(hit.body.results[0].measures.map((m: { measure: string }) => m.measure).sort(), [
      'consumptionRestriction',
      'dishonestList',
    ]);
    assert.equal(
      hit.body.results[0].measures
        .find((m: { measure: string }) => m.measure === 'consumptionRestriction')
        .behaviours.join(),
      '9',
    );
    assert.equal(hit.body.results[0].measures[0].caseNumber, c.caseNumber);
    assert.match(hit.body.results[0].measures[0].reference, /^ZX\d{10}$/);
    assert.equal(hit.body.results[1].restricted, false);
    const unrelated = await match(t, border.apiKey, [{ idNumber: person.idNumber }]);
    assert.equal(unrelated.body.results[0].restricted, false);
    const delisted = await t.request('POST', `/api/v1/credit/entries/${entryId}/delist`, {
      token: judge,
      body: { reason: '申请执行人书面申请删除' },
    });
    assert.equal(delisted.status, 200, JSON.stringify(delisted.body));
    const after = await match(t, railway.apiKey, [{ idNumber: person.idNumber }]);
    const measures = after.body.results[0].measures.map((m: { measure: string }) => m.measure);
    assert.deepEqual(
      measures,
      ['consumptionRestriction'],
      'the restriction stays after a deletion on the applicant’s request',
    );
  });

  test('match errors: malformed subject per subject; empty, oversize, malformed → 400; keys → 401/403', async () => {
    const unit = await createUnit(t, 'airline');
    const auth = { authorization: `Bearer ${unit.apiKey}` };
    const mixed = await match(t, unit.apiKey, [
      { idNumber: '123' },
      { creditCode: 'nonsense' },
      {},
      { idNumber: makeIdNumber('110105', '1970-01-01', '556') },
    ]);
    assert.equal(mixed.status, 200);
    assert.equal(mixed.body.results[0].error.code, 'INVALID_ID_NUMBER');
    assert.equal(mixed.body.results[1].error.code, 'INVALID_CREDIT_CODE');
    assert.equal(mixed.body.results[2].error.code, 'EMPTY_SUBJECT');
    assert.equal(mixed.body.results[3].error, undefined);
    for (const body of [
      { subjects: [] },
      {},
      { subjects: 'x' },
      { subjects: [1] },
      { subjects: [{ idNumber: 5 }] },
      { subjects: Array.from({ length: 10_001 }, () => ({ name: '某' })) },
    ]) {
      const res = await t.request('POST', '/api/v1/match', { headers: auth, body });
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    }
    const unknown = await t.request('POST', '/api/v1/match', {
      headers: { authorization: 'Bearer zxu_nope' },
      body: { subjects: [{ name: 'x' }] },
    });
    assert.equal(unknown.status, 401);
    const none = await t.request('POST', '/api/v1/match', { body: { subjects: [{ name: 'x' }] } });
    assert.equal(none.status, 401);
    const userToken = await t.request('POST', '/api/v1/match', {
      token: judge,
      body: { subjects: [{ name: 'x' }] },
    });
    assert.equal(userToken.status, 403);
    const feed = await createUnit(t, 'airline', { capability: 'feed' });
    const wrongScope = await t.request('POST', '/api/v1/match', {
      headers: { authorization: `Bearer ${feed.apiKey}` },
      body: { subjects: [{ name: 'x' }] },
    });
    assert.equal(wrongScope.status, 403);
    const feedOk = await t.request('GET', '/api/v1/match/changes?since=0', {
      headers: { authorization: `Bearer ${feed.apiKey}` },
    });
    assert.equal(feedOk.status, 200);
    const admin = await t.login('admin');
    const revoked = await t.request('POST', `/api/v1/admin/units/${unit.id}/revoke`, { token: admin });
    assert.equal(revoked.status, 200);
    const afterRevoke = await t.request('POST', '/api/v1/match', {
      headers: auth,
      body: { subjects: [{ name: 'x' }] },
    });
    assert.equal(afterRevoke.status, 401);
  });

  test('admin units: only an administrator; scene validated; key shown once, only its hash stored', async () => {
    const admin = await t.login('admin');
    const bad = await t.request('POST', '/api/v1/admin/units', {
      token: admin,
      body: { name: 'x', scene: 'casino' },
    });
    assert.equal(bad.status, 400);
    const notAdmin = await t.request('POST', '/api/v1/admin/units', {
      token: judge,
      body: { name: 'x', scene: 'railway' },
    });
    assert.equal(notAdmin.status, 403);
    const unit = await createUnit(t, 'finance');
    assert.match(unit.apiKey, /^zxu_/);
    const stored = await t.database.sql`select key_hash from identity.api_clients where id = ${unit.id}`;
    assert.notEqual(stored[0]?.key_hash, unit.apiKey);
    const list = await t.request('GET', '/api/v1/admin/units', { token: admin });
    assert.ok(!JSON.stringify(list.body).includes(unit.apiKey));
  });

  test('GET /match/changes: ordered, with a cursor; public list: no sign-in, masked ID', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const unit = await createUnit(t, 'railway');
    const auth = { authorization: `Bearer ${unit.apiKey}` };
    const first = await t.request('GET', '/api/v1/match/changes?since=0&limit=1000', { headers: auth });
    assert.equal(first.status, 200);
    const mine = first.body.changes.filter(
      (x: { subject: { idNumber: string } }) => x.subject.idNumber === person.idNumber,
    );
    assert.deepEqual(mine.map((x: { kind: string }) => x.kind).sort(), ['listed', 'restrictionAdded']);
    const seqs = first.body.changes.map((x: { seq: number }) => x.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a: number, b: number) => a - b),
    );
    const next = await t.request('GET', `/api/v1/match/changes?since=${first.body.next}`, { headers: auth });
    assert.deepEqual(next.body.changes, []);
    assert.equal(next.body.next, first.body.next);
    const badCursor = await t.request('GET', '/api/v1/match/changes?since=-1', { headers: auth });
    assert.equal(badCursor.status, 400);
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

  test('every match call is audited per unit; subjects that did not hit only as digests', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const unit = await createUnit(t, 'railway');
    const stranger = makeIdNumber('110105', '1966-06-06', '606');
    const res = await match(t, unit.apiKey, [{ idNumber: person.idNumber }, { idNumber: stranger }]);
    assert.equal(res.status, 200);
    await flushMatchAudit(t.app);
    const rows = await t.database.sql<{ detail: Record<string, unknown> }[]>`
      select detail from audit.records where action = 'credit.match' and object_id = ${unit.id}`;
    assert.equal(rows.length, 1);
    const detail = rows[0]?.detail ?? {};
    assert.equal(detail.calls, 1);
    assert.equal(detail.subjects, 2);
    assert.equal(detail.hits, 1);
    const perCall = Array.isArray(detail.perCall) ? detail.perCall : [];
    assert.equal(String(perCall[0]?.nonHitDigests).length, 12);
    assert.ok(!JSON.stringify(detail).includes(stranger));
  });

  test('the OpenAPI document carries the contract', async () => {
    const res = await t.request('GET', '/api/docs/json');
    assert.equal(res.status, 200);
    for (const path of [
      '/api/v1/cases/{id}/dishonest',
      '/api/v1/credit/entries/{id}/approve',
      '/api/v1/credit/entries/{id}/delist',
      '/api/v1/cases/{id}/consumption-restrictions',
      '/api/v1/admin/units',
      '/api/v1/match',
      '/api/v1/match/changes',
      '/api/v1/public/dishonest',
    ]) {
      assert.ok(res.body.paths[path], path);
    }
  });
});

describe('court list, export and the public portal’s limits', () => {
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
