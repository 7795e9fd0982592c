import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  fileCase,
  type Harness,
  pickRespondents,
  startHarness,
  waitFor,
  waitForBatch,
} from './inquiry-harness.ts';

/** Every error path of the measures route, and the institutions registry's administration. */
describe('inquiry API contract: measures and the registry', () => {
  let h: Harness;
  let caseId: string;
  let judge2: string;
  let other: string;
  const people = pickRespondents();

  before(async () => {
    h = await startHarness();
    caseId = await fileCase(h, [people.rich], 20_000_000);
    judge2 = await h.t.login('xihu.judge2');
    other = await h.t.login('shangcheng.judge');
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
      token: h.token,
      body: { purpose: '查明财产 / find assets' },
    });
    await waitForBatch(h, res.body.batchId);
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

  test('POST /cases/{id}/measures: every refusal', async () => {
    const url = `/api/v1/cases/${caseId}/measures`;
    const items = (await h.t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: h.token })).body.items;
    const deposit = items.find(
      (i: { assetType: string; availableFen?: number }) =>
        i.assetType === 'deposit' && (i.availableFen ?? 0) > 0,
    );
    const flat = items.find((i: { assetType: string }) => i.assetType === 'realEstate');
    expectError(await h.t.request('POST', url, { body: { assetId: deposit.id, kind: 'freeze' } }), 401);
    expectError(await h.t.request('POST', url, { token: h.token, body: { kind: 'freeze' } }), 400, 'assetId');
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { assetId: 'x', kind: 'freeze' } }),
      400,
      'assetId',
    );
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { assetId: deposit.id, kind: 'melt' } }),
      400,
      'kind',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 0 },
      }),
      400,
      'amountFen',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 1.5 },
      }),
      400,
      'amountFen',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', until: '2026-02-30' },
      }),
      400,
      'until',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 100, until: '2099-12-31' },
      }),
      400,
      'until',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 100, until: '2000-01-01' },
      }),
      400,
      'until',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: '00000000-0000-4000-8000-000000000000', kind: 'freeze' },
      }),
      404,
      'assetId',
    );
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { assetId: flat.id, kind: 'freeze' } }),
      400,
      'kind',
    );
    expectError(
      await h.t.request('POST', url, { token: h.token, body: { assetId: deposit.id, kind: 'seize' } }),
      400,
      'kind',
    );
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 20_000_001 },
      }),
      409,
      'amountFen',
    );
    for (const kind of ['renew', 'unfreeze', 'deduct']) {
      expectError(
        await h.t.request('POST', url, { token: h.token, body: { assetId: deposit.id, kind } }),
        409,
      );
    }
    expectError(
      await h.t.request('POST', url, {
        token: judge2,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 100 },
      }),
      403,
    );
    expectError(
      await h.t.request('POST', url, {
        token: other,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 100 },
      }),
      404,
    );
    const first = await h.t.request('POST', url, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'freeze', amountFen: 100 },
    });
    assert.equal(first.status, 201);
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'freeze', amountFen: 100 },
      }),
      409,
    );
    const measure = await waitFor(async () => {
      const m = await h.t.request('GET', url, { token: h.token });
      return m.body.items.find(
        (x: { id: string; state: string }) => x.id === first.body.id && x.state === 'inForce',
      );
    }, 'the freeze');
    const tooLong = await h.t.request('POST', url, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'renew', until: '2099-01-01' },
    });
    expectError(tooLong, 400, 'until');
    assert.match(tooLong.body.error.message, /第四百八十五条|art\. 485/);
    expectError(
      await h.t.request('POST', url, {
        token: h.token,
        body: { assetId: deposit.id, kind: 'deduct', amountFen: 101 },
      }),
      400,
      'amountFen',
    );
    const renew = await h.t.request('POST', url, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'renew' },
    });
    assert.equal(renew.status, 201);
    await waitFor(async () => {
      const m = await h.t.request('GET', url, { token: h.token });
      const renewed = m.body.items.find((x: { id: string }) => x.id === measure.id);
      return renewed.until > measure.until;
    }, 'the renewal to move the expiry');
  });

  test('administrators manage the registry; others may not; keys are never shown', async () => {
    const admin = await h.t.login('admin');
    expectError(await h.t.request('GET', '/api/v1/inquiry/institutions', { token: h.token }), 403);
    const list = await h.t.request('GET', '/api/v1/inquiry/institutions', { token: admin });
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, h.sim.institutions.length);
    assert.ok(list.body.items.every((i: Record<string, unknown>) => !('signingKey' in i)));
    expectError(
      await h.t.request('PATCH', '/api/v1/inquiry/institutions/icbc', { token: admin, body: {} }),
      400,
    );
    expectError(
      await h.t.request('PATCH', '/api/v1/inquiry/institutions/icbc', {
        token: admin,
        body: { concurrency: 0 },
      }),
      400,
      'concurrency',
    );
    expectError(
      await h.t.request('PATCH', '/api/v1/inquiry/institutions/nosuch', {
        token: admin,
        body: { isEnabled: false },
      }),
      404,
    );
    const body = {
      code: 'testbank',
      name: '测试银行',
      kind: 'bank',
      channel: 'local',
      baseUrl: 'http://127.0.0.1:9/institutions/testbank',
      signingKey: 'k'.repeat(32),
      assetTypes: ['deposit'],
      operations: ['query'],
    };
    assert.equal(
      (await h.t.request('POST', '/api/v1/inquiry/institutions', { token: admin, body })).status,
      201,
    );
    expectError(
      await h.t.request('POST', '/api/v1/inquiry/institutions', { token: admin, body }),
      409,
      'code',
    );
    expectError(
      await h.t.request('POST', '/api/v1/inquiry/institutions', {
        token: admin,
        body: { ...body, code: 'Bad Code' },
      }),
      400,
      'code',
    );
    assert.equal(
      (
        await h.t.request('PATCH', '/api/v1/inquiry/institutions/testbank', {
          token: admin,
          body: { isEnabled: false },
        })
      ).status,
      200,
    );
  });
});
