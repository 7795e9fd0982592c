import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeIdNumber } from '../src/kernel/index.ts';
import { flushMatchAudit } from '../src/modules/matching/index.ts';
import { anAdult, fileCaseWith, listAndApprove } from './credit-support.ts';
import { createUnit, match } from './matching-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});
after(() => t.close());

describe('the match API, its keys and the change feed', () => {
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
    const stored = await t.database.sql`select key_hash from matching.units where id = ${unit.id}`;
    assert.notEqual(stored[0]?.key_hash, unit.apiKey);
    const list = await t.request('GET', '/api/v1/admin/units', { token: admin });
    assert.ok(!JSON.stringify(list.body).includes(unit.apiKey));
  });

  test('GET /match/changes: ordered, with a cursor; a bad cursor is 400', async () => {
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
      '/api/v1/admin/units',
      '/api/v1/admin/units/{id}/revoke',
      '/api/v1/match',
      '/api/v1/match/changes',
    ]) {
      assert.ok(res.body.paths[path], path);
    }
  });
});
