import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays } from '../src/kernel/index.ts';
import { allJobs } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Supervision (督办) from above with the team's report and the escalation of a late one, and
 * entrustment (事项委托) between two courts, where the receiving court sees the matter and never the case.
 */
let t: TestApp;
let caseId: string;
const tokens: Record<string, string> = {};

async function as(user: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  tokens[user] ??= await t.login(user);
  return t.request(method, url, { token: tokens[user], ...(body === undefined ? {} : { body }) });
}

before(async () => {
  t = await startTestApp();
  const res = await as('xihu.judge', 'POST', '/api/v1/cases', aCaseBody());
  assert.equal(res.status, 201);
  caseId = res.body.id;
});
after(async () => {
  await t.close();
});

describe('supervision', () => {
  let supervisionId: string;
  const due = () => addCalendarDays(clock.today(), 5);

  test('opened by a command centre above; not by the case court itself', async () => {
    const own = await as('xihu.president', 'POST', '/api/v1/command/supervisions', {
      caseId,
      demands: '请报告',
      dueDate: due(),
    });
    assert.equal(own.status, 403);
    const past = await as('zj.command', 'POST', '/api/v1/command/supervisions', {
      caseId,
      demands: '请报告',
      dueDate: addCalendarDays(clock.today(), -1),
    });
    assert.equal(past.status, 400);
    assert.match(JSON.stringify(past.body), /dueDate/);
    const res = await as('zj.command', 'POST', '/api/v1/command/supervisions', {
      caseId,
      demands: '请说明未执结原因并报送执行计划',
      dueDate: due(),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'open');
    supervisionId = res.body.id;
    const inbox = await as('xihu.judge', 'GET', '/api/v1/notify/inbox');
    assert.ok(JSON.stringify(inbox.body).includes('督办'), 'the team is told');
  });

  test('the case team reports back; another court does not see it', async () => {
    const other = await as('haishu.judge', 'POST', `/api/v1/command/supervisions/${supervisionId}/reports`, {
      text: 'x',
    });
    assert.equal(other.status, 404);
    const res = await as('xihu.judge', 'POST', `/api/v1/command/supervisions/${supervisionId}/reports`, {
      text: '已查封被执行人房产一处，拟于下月启动评估',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.isLate, false);
    const ledger = await as('zj.command', 'GET', '/api/v1/command/supervisions?court=浙');
    assert.equal(ledger.status, 200);
    const item = ledger.body.items.find((s: { id: string }) => s.id === supervisionId);
    assert.equal(item.state, 'reported');
    assert.equal(item.reports[0].text, '已查封被执行人房产一处，拟于下月启动评估');
    assert.equal(ledger.body.statistics.reported, 1);
    const onCase = await as('xihu.judge', 'GET', `/api/v1/command/cases/${caseId}`);
    assert.equal(onCase.body.supervisions.length, 1);
  });

  test('a supervision not reported by its date is escalated once', async () => {
    const res = await as('hz.command', 'POST', '/api/v1/command/supervisions', {
      caseId,
      demands: '请报告',
      dueDate: due(),
    });
    assert.equal(res.status, 201);
    await t.setClockOffset(7 * 86_400_000);
    const job = allJobs().find((j) => j.name === 'command.escalate-supervisions');
    assert.ok(job);
    const ctx = { database: t.appDatabase, logger: createLogger('silent') };
    // Two runs (a slot retried): escalated and told once.
    await job.handle(ctx, { slot: 'test' });
    await job.handle(ctx, { slot: 'test-again' });
    const ledger = await as('hz.command', 'GET', '/api/v1/command/supervisions?court=浙01');
    const item = ledger.body.items.find((s: { id: string }) => s.id === res.body.id);
    assert.equal(item.escalatedOn, clock.today());
    assert.equal(item.isOverdue, true);
    const rows = await t.database.sql<{ n: number }[]>`select count(*)::int as n from notify.messages
      where kind = 'command.supervision-overdue'`;
    // The court's leader and the opening centre, once each.
    assert.equal(rows[0]?.n, 2);
    await t.setClockOffset(0);
  });
});

describe('entrustment', () => {
  let id: string;

  test('the team entrusts a seal to another court', async () => {
    const bad = await as('xihu.judge', 'POST', '/api/v1/command/entrustments', {
      caseId,
      toCourt: '浙9999',
      matter: 'seal',
      details: '查封',
      dueDate: addCalendarDays(clock.today(), 15),
    });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /toCourt/);
    const res = await as('xihu.judge', 'POST', '/api/v1/command/entrustments', {
      caseId,
      toCourt: '浙0203',
      matter: 'seal',
      details: '请查封被执行人位于海曙区的房产',
      dueDate: addCalendarDays(clock.today(), 15),
      documents: [{ name: '协助执行通知书' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'sent');
    assert.equal(res.body.toCourt.name, '宁波市海曙区人民法院');
    id = res.body.id;
  });

  test('the receiving court sees the matter and its documents, not the case; other courts see nothing', async () => {
    const seen = await as('haishu.judge', 'GET', `/api/v1/command/entrustments/${id}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.documents, [{ name: '协助执行通知书' }]);
    assert.equal((await as('haishu.judge', 'GET', `/api/v1/cases/${caseId}`)).status, 404);
    assert.equal((await as('shangcheng.judge', 'GET', `/api/v1/command/entrustments/${id}`)).status, 404);
    assert.equal(
      (await as('shangcheng.judge', 'POST', `/api/v1/command/entrustments/${id}/accept`)).status,
      404,
    );
    const incoming = await as('haishu.judge', 'GET', '/api/v1/command/entrustments?court=浙0203');
    assert.equal(incoming.body.items.find((e: { id: string }) => e.id === id).direction, 'incoming');
  });

  test('accepted, then completed with its result, which the sending team sees', async () => {
    assert.equal(
      (await as('haishu.judge', 'POST', `/api/v1/command/entrustments/${id}/complete`, { result: 'x' }))
        .status,
      409,
    );
    assert.equal((await as('xihu.judge', 'POST', `/api/v1/command/entrustments/${id}/accept`)).status, 404);
    const accepted = await as('haishu.judge', 'POST', `/api/v1/command/entrustments/${id}/accept`);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.state, 'accepted');
    assert.equal((await as('haishu.judge', 'POST', `/api/v1/command/entrustments/${id}/accept`)).status, 409);
    const done = await as('haishu.judge', 'POST', `/api/v1/command/entrustments/${id}/complete`, {
      result: '已查封海曙区房产一处，查封期限三年',
      receipts: [{ name: '查封登记回执' }],
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const seen = await as('xihu.judge', 'GET', `/api/v1/command/entrustments/${id}`);
    assert.equal(seen.body.state, 'completed');
    assert.equal(seen.body.result, '已查封海曙区房产一处，查封期限三年');
    assert.deepEqual(seen.body.receipts, [{ name: '查封登记回执' }]);
    const inbox = await as('xihu.judge', 'GET', '/api/v1/notify/inbox');
    assert.ok(JSON.stringify(inbox.body).includes('委托事项已办结'));
  });

  test('a matter not done by its date is told to the receiving court’s leader and the sender once', async () => {
    const res = await as('xihu.judge', 'POST', '/api/v1/command/entrustments', {
      caseId,
      toCourt: '浙0203',
      matter: 'investigate',
      details: '调查被执行人在海曙区的经营场所',
      dueDate: addCalendarDays(clock.today(), 2),
    });
    assert.equal(res.status, 201);
    await t.setClockOffset(4 * 86_400_000);
    const job = allJobs().find((j) => j.name === 'command.escalate-supervisions');
    assert.ok(job);
    const ctx = { database: t.appDatabase, logger: createLogger('silent') };
    await job.handle(ctx, { slot: 'a' });
    await job.handle(ctx, { slot: 'b' });
    const seen = await as('haishu.judge', 'GET', `/api/v1/command/entrustments/${res.body.id}`);
    assert.equal(seen.body.isOverdue, true);
    const rows = await t.database.sql<{ recipient: string }[]>`select recipient from notify.messages
      where kind = 'command.entrustment-overdue'`;
    // The sending judge (the demo's Haishu has no leader account; the fixture world adds one).
    assert.equal(rows.length, 1);
    await t.setClockOffset(0);
  });
});
