import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});
after(() => t.close());

async function fileBackdated(filedOn: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  assert.equal(res.status, 201);
  // Backdate the filing (and its nodes) so the 3-month rule of 终本 can be met in a test.
  await t.database.sql`update cases.cases set filed_on = ${filedOn} where id = ${res.body.id}`;
  await t.database.sql`update cases.nodes set occurred_on = ${filedOn} where case_id = ${res.body.id}`;
  return res.body.id;
}

async function record(id: string, kind: string, occurredOn?: string) {
  const res = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
    token: judge,
    body: { kind, occurredOn, note: '' },
  });
  assert.equal(res.status, 201, `${kind}: ${JSON.stringify(res.body)}`);
}

const terminationSteps = [
  'enforcementNoticeSent',
  'propertyReportOrderIssued',
  'onlineInquiryDone',
  'onSiteInquiryDone',
  'leadVerified',
  'consumptionRestrictionIssued',
  'dishonestListed',
  'debtorSearched',
  'applicantInterviewed',
  'applicantConfirmedTermination',
];

describe('nodes, closing and restoration', () => {
  test('recording a node moves a filed case into progress and meets its deadline', async () => {
    const id = await fileBackdated('2026-03-02');
    await record(id, 'enforcementNoticeSent', '2026-03-04');
    const got = await t.request('GET', `/api/v1/cases/${id}`, { token: judge });
    assert.equal(got.body.status, 'inProgress');
    const notice = got.body.deadlines.find((d: { kind: string }) => d.kind === 'enforcementNotice');
    assert.equal(notice?.state, 'met');
  });

  test('node input is validated', async () => {
    const id = await fileBackdated('2026-03-02');
    const unknown = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'party' },
    });
    assert.equal(unknown.status, 400);
    const future = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'other', occurredOn: '2099-01-01' },
    });
    assert.equal(future.status, 400);
    const beforeFiling = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'other', occurredOn: '2026-01-01' },
    });
    assert.equal(beforeFiling.status, 400);
    const resumeOpen = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'resumed' },
    });
    assert.equal(resumeOpen.status, 409);
  });

  test('终本 is refused with every unmet precondition listed, and nothing changes', async () => {
    const id = await fileBackdated('2026-10-20');
    const res = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'terminatedThisRound', reason: '无财产' },
    });
    assert.equal(res.status, 409);
    assert.ok(res.body.error.details.length >= 4, JSON.stringify(res.body));
    const got = await t.request('GET', `/api/v1/cases/${id}`, { token: judge });
    assert.notEqual(got.body.status, 'closed');
  });

  test('a closing type needs a reason; unknown types are 400', async () => {
    const id = await fileBackdated('2026-03-02');
    const unknown = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'vanished', reason: 'x' },
    });
    assert.equal(unknown.status, 400);
    const noReason = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'terminated', reason: '' },
    });
    assert.equal(noReason.status, 409);
  });

  test('only the case judge or a court leader may close', async () => {
    const id = await fileBackdated('2026-03-02');
    const assistant = await t.login('xihu.assistant');
    const res = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: assistant,
      body: { closingType: 'terminated', reason: '申请人撤回' },
    });
    assert.equal(res.status, 403);
  });

  test('a complete 终本 closes, can be restored once as a linked 执恢 case, and a closed case takes no nodes', async () => {
    const id = await fileBackdated('2026-03-02');
    for (const kind of terminationSteps) await record(id, kind);
    const closed = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'terminatedThisRound', reason: '经查无可供执行财产' },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const again = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'fulfilled', reason: 'x' },
    });
    assert.equal(again.status, 409);
    const node = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'other' },
    });
    assert.equal(node.status, 409);
    const restored = await t.request('POST', `/api/v1/cases/${id}/restore`, {
      token: judge,
      body: { reason: '发现新财产' },
    });
    assert.equal(restored.status, 201, JSON.stringify(restored.body));
    assert.match(restored.body.caseNumber, /浙0106执恢\d+号$/);
    const newCase = await t.request('GET', `/api/v1/cases/${restored.body.id}`, { token: judge });
    assert.equal(newCase.body.caseType, '执恢');
    assert.equal(newCase.body.restoredFrom.id, id);
    assert.equal(newCase.body.respondents.length, 1);
    const oldCase = await t.request('GET', `/api/v1/cases/${id}`, { token: judge });
    assert.equal(oldCase.body.restoredTo.id, restored.body.id);
    const twice = await t.request('POST', `/api/v1/cases/${id}/restore`, { token: judge, body: {} });
    assert.equal(twice.status, 409);
  });

  test('only 终本 cases can be restored', async () => {
    const id = await fileBackdated('2026-03-02');
    await record(id, 'paymentReceived');
    const closed = await t.request('POST', `/api/v1/cases/${id}/close`, {
      token: judge,
      body: { closingType: 'fulfilled', reason: '已履行' },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const res = await t.request('POST', `/api/v1/cases/${id}/restore`, { token: judge, body: {} });
    assert.equal(res.status, 409);
    const open = await fileBackdated('2026-03-02');
    assert.equal(
      (await t.request('POST', `/api/v1/cases/${open}/restore`, { token: judge, body: {} })).status,
      409,
    );
  });

  test('closing publishes a case.closed event in the same transaction', async () => {
    const rows = await t.database.sql<{ n: number }[]>`
      select count(*)::int as n from platform.outbox_events where event_type = 'case.closed'`;
    assert.ok((rows[0]?.n ?? 0) >= 2);
  });
});
