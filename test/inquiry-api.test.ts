import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { aCaseBody } from './factories.ts';
import { fileCase, type Harness, pickRespondents, startHarness, waitForBatch } from './inquiry-harness.ts';

/** Every error path of the four contract routes, masking for readers outside the team, export, quota. */
describe('inquiry API contract', () => {
  let h: Harness;
  let caseId: string;
  let batchId: string;
  let judge2: string;
  let president: string;
  let other: string;
  const people = pickRespondents();
  const purpose = '查明财产 / find assets';

  before(async () => {
    h = await startHarness();
    caseId = await fileCase(h, [people.rich], 20_000_000);
    judge2 = await h.t.login('xihu.judge2');
    president = await h.t.login('xihu.president');
    other = await h.t.login('shangcheng.judge');
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
      token: h.token,
      body: { purpose },
    });
    batchId = res.body.batchId;
    await waitForBatch(h, batchId);
  });
  after(async () => h.close());

  const expectError = (
    res: { status: number; body: { error?: { code: string; message: string; details: { path: string }[] } } },
    status: number,
    path?: string,
  ) => {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.ok(res.body.error?.code && res.body.error.message.includes(' / '), 'bilingual error');
    if (path)
      assert.ok(
        res.body.error?.details.some((d) => d.path === path),
        JSON.stringify(res.body.error?.details),
      );
  };

  test('POST /cases/{id}/inquiries: every refusal', async () => {
    const url = `/api/v1/cases/${caseId}/inquiries`;
    expectError(await h.t.request('POST', url, { body: { purpose } }), 401);
    expectError(await h.t.request('POST', url, { token: h.token, body: {} }), 400, 'purpose');
    expectError(await h.t.request('POST', url, { token: h.token, body: { purpose: 'x' } }), 400, 'purpose');
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { purpose: 'ab\u0007cd' } }),
      400,
      'purpose',
    );
    expectError(await h.t.request('POST', url, { token: h.token, body: { purpose: 7 } }), 400, 'purpose');
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: '{"purpose":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectError(
      await h.t.request('POST', '/api/v1/cases/not-a-uuid/inquiries', { token: h.token, body: { purpose } }),
      404,
    );
    expectError(
      await h.t.request('POST', '/api/v1/cases/00000000-0000-4000-8000-000000000000/inquiries', {
        token: h.token,
        body: { purpose },
      }),
      404,
    );
    expectError(await h.t.request('POST', url, { token: other, body: { purpose } }), 404);
    expectError(await h.t.request('POST', url, { token: judge2, body: { purpose } }), 403);
    expectError(await h.t.request('POST', url, { token: president, body: { purpose } }), 403);
    const noIds = await fileCase(h, [{ kind: 'other', name: '杭州西湖区某某商贸合伙企业' }]);
    expectError(
      await h.t.request('POST', `/api/v1/cases/${noIds}/inquiries`, { token: h.token, body: { purpose } }),
      409,
    );
    const count = async () =>
      (await h.t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from inquiry.requests`))[0]
        ?.n;
    const before = await count();
    await h.t.database.db.execute(sql`update inquiry.quota_usage set used = 2000`);
    expectError(await h.t.request('POST', url, { token: h.token, body: { purpose } }), 429);
    assert.equal(await count(), before, 'nothing written when refused');
    await h.t.database.db.execute(sql`update inquiry.quota_usage set used = 0`);
  });

  test('POST /inquiry/batches and GET /inquiry/batches/{id}: every refusal', async () => {
    const url = '/api/v1/inquiry/batches';
    expectError(await h.t.request('POST', url, { body: { caseIds: [caseId], purpose } }), 401);
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { caseIds: [], purpose } }),
      400,
      'caseIds',
    );
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { caseIds: ['nope'], purpose } }),
      400,
      'caseIds.0',
    );
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { caseIds: [caseId] } }),
      400,
      'purpose',
    );
    const many = Array.from({ length: 10_001 }, () => caseId);
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { caseIds: many, purpose } }),
      400,
      'caseIds',
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { caseIds: [caseId, missing], purpose } }),
      404,
      'caseIds.1',
    );
    expectError(
      await h.t.request('POST', url, { token: judge2, body: { caseIds: [caseId], purpose } }),
      403,
      'caseIds.0',
    );
    // A selection from the court's list mixes teams: other teams' cases are left out and listed.
    const team2Case = await h.t.request('POST', '/api/v1/cases', {
      token: judge2,
      body: aCaseBody({ respondents: [people.rich] }),
    });
    assert.equal(team2Case.status, 201);
    const mixed = await h.t.request('POST', url, {
      token: h.token,
      body: { caseIds: [caseId, team2Case.body.id], purpose },
    });
    assert.equal(mixed.status, 202);
    assert.equal(mixed.body.caseCount, 1);
    assert.deepEqual(
      mixed.body.skipped.map((x: { caseId: string }) => x.caseId),
      [team2Case.body.id],
    );
    await waitForBatch(h, mixed.body.batchId);
    const ok = await h.t.request('POST', url, {
      token: h.token,
      body: { caseIds: [caseId, caseId], purpose },
    });
    assert.equal(ok.status, 202);
    assert.equal(ok.body.caseCount, 1, 'duplicates are one case');

    const progress = await h.t.request('GET', `/api/v1/inquiry/batches/${batchId}`, { token: h.token });
    assert.equal(progress.status, 200);
    assert.deepEqual(Object.keys(progress.body.byState).sort(), [
      'accepted',
      'answered',
      'expired',
      'failed',
      'pending',
      'sending',
    ]);
    assert.equal(progress.body.done, true);
    expectError(await h.t.request('GET', `/api/v1/inquiry/batches/${batchId}`), 401);
    expectError(await h.t.request('GET', '/api/v1/inquiry/batches/nope', { token: h.token }), 404);
    expectError(await h.t.request('GET', `/api/v1/inquiry/batches/${missing}`, { token: h.token }), 404);
    expectError(await h.t.request('GET', `/api/v1/inquiry/batches/${batchId}`, { token: other }), 404);
    await waitForBatch(h, ok.body.batchId);
  });

  test('GET /cases/{id}/assets: refusals, masking outside the team, audit of each view, Excel', async () => {
    const url = `/api/v1/cases/${caseId}/assets`;
    expectError(await h.t.request('GET', url), 401);
    expectError(await h.t.request('GET', url, { token: other }), 404);
    expectError(await h.t.request('GET', `${url}?sort=price`, { token: h.token }), 400, 'sort');
    expectError(await h.t.request('GET', `${url}?order=up`, { token: h.token }), 400, 'order');
    expectError(await h.t.request('GET', `${url}?assetType=gold`, { token: h.token }), 400, 'assetType');
    expectError(
      await h.t.request('GET', `${url}?respondentPartyId=x`, { token: h.token }),
      400,
      'respondentPartyId',
    );
    const team = await h.t.request('GET', url, { token: h.token });
    const masked = await h.t.request('GET', url, {
      token: president,
      headers: { 'x-zhixing-purpose': encodeURIComponent('督办检查') },
    });
    assert.equal(masked.status, 200);
    assert.equal(masked.body.isMasked, true);
    const deposit = team.body.items.find((i: { assetType: string }) => i.assetType === 'deposit');
    const seen = masked.body.items.find((i: { id: string }) => i.id === deposit.id);
    assert.notEqual(seen.identifier, deposit.identifier);
    assert.match(seen.identifier, /\*/);
    const [view] = await h.t.database.db.execute<{ purpose: string }>(
      sql`select purpose from audit.records where action = 'inquiry.assets.view' and purpose = '督办检查'`,
    );
    assert.ok(view, 'the masked view is audited with its purpose');
    const file = await h.t.app.inject({
      method: 'GET',
      url: `${url}/export?sort=valueFen`,
      headers: { authorization: `Bearer ${h.token}` },
    });
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(file.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.rowCount, team.body.items.length + 2);
  });
});
