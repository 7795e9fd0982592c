import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, addMonths } from '../src/kernel/index.ts';
import { settlementRemindersJob } from '../src/modules/procedures/index.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Enforcement settlements (执行和解, DOMAIN §9) against the real PostgreSQL: recording one suspends
 * the case; payments to the applicant go to the earliest instalment and, once all are paid, the
 * settlement is performed and the case may be closed as fulfilled; default restores the original
 * enforcement with what was paid still deducted; the morning job reminds 3 days ahead (practice)
 * and of overdue instalments, once each; the 2-year limit (CPL art. 250) ends the applicant's
 * chance to restore. Every refusal writes nothing.
 */
let t: TestApp;
let judge: string;
let assistant: string;
let clerk: string;
let otherCourtJudge: string;
const day = 86_400_000;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  clerk = await t.login('xihu.clerk');
  otherCourtJudge = await t.login('shangcheng.judge');
});
after(() => t.close());

async function fileCase(): Promise<string> {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({
      applicants: [aPerson({ phone: '13700001111' })],
      respondents: [aPerson({ phone: '13700002222' })],
    }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

function plan(...offsets: [number, number][]) {
  const today = clock.today();
  return {
    terms: '被执行人分期履行，申请执行人放弃迟延履行利息。',
    instalments: offsets.map(([days, amountFen]) => ({ dueDate: addCalendarDays(today, days), amountFen })),
  };
}

async function settle(caseId: string, body = plan([10, 100_000], [40, 200_000]), token = judge) {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/settlements`, { token, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function caseOf(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.equal(res.status, 200);
  return res.body;
}

async function settlementsOf(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/settlements`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items;
}

/** Rows of everything a settlement request may write. */
async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.settlements where case_id = ${caseId}),
    (select count(*) from procedures.instalments i join procedures.settlements s on s.id = i.settlement_id where s.case_id = ${caseId}),
    (select count(*) from procedures.settlement_payments where case_id = ${caseId}),
    (select string_agg(status, ',') from procedures.settlements where case_id = ${caseId}),
    (select count(*) from cases.nodes where case_id = ${caseId}),
    (select status from cases.cases where id = ${caseId}),
    (select count(*) from audit.records)) as n`;
  return row?.n;
}

function assertNames(
  res: { status: number; body: { error?: { details?: { path: string }[] } } },
  path: string,
) {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.ok(
    res.body.error?.details?.some((d) => d.path === path),
    `expected an error naming ${path}: ${JSON.stringify(res.body)}`,
  );
}

describe('recording a settlement', () => {
  test('201 {id}; the case is suspended, its timeline has the settlement and the suspension', async () => {
    const caseId = await fileCase();
    const id = await settle(caseId);
    const c = await caseOf(caseId);
    assert.equal(c.status, 'suspended');
    const kinds = c.nodes.map((n: { kind: string }) => n.kind);
    assert.ok(kinds.includes('settlementReached'));
    assert.ok(kinds.includes('suspended'));
    const [s] = await settlementsOf(caseId);
    assert.equal(s.id, id);
    assert.equal(s.status, 'active');
    assert.equal(s.totalFen, 300_000);
    assert.equal(s.outstandingFen, 300_000);
    assert.deepEqual(
      s.instalments.map((i: { status: string; paidFen: number }) => [i.status, i.paidFen]),
      [
        ['pending', 0],
        ['pending', 0],
      ],
    );
    // CPL art. 250: 2 years from the settlement's last day of performance
    const lastDue = addCalendarDays(clock.today(), 40);
    assert.equal(s.limitationEndsOn, addMonths(lastDue, 24));
    assert.equal(s.mayRestore, false);
    const one = await t.request('GET', `/api/v1/settlements/${id}`, { token: clerk });
    assert.equal(one.status, 200);
    assert.equal(one.body.terms, '被执行人分期履行，申请执行人放弃迟延履行利息。');
  });

  test('by the case judge or assistant only; another court’s judge finds no such case', async () => {
    const caseId = await fileCase();
    const before = await footprint(caseId);
    const byClerk = await t.request('POST', `/api/v1/cases/${caseId}/settlements`, {
      token: clerk,
      body: plan([5, 1]),
    });
    assert.equal(byClerk.status, 403);
    const outside = await t.request('POST', `/api/v1/cases/${caseId}/settlements`, {
      token: otherCourtJudge,
      body: plan([5, 1]),
    });
    assert.equal(outside.status, 404);
    assert.equal(await footprint(caseId), before);
    await settle(caseId, plan([5, 1]), assistant);
  });

  test('validation names the field and writes nothing', async () => {
    const caseId = await fileCase();
    const before = await footprint(caseId);
    const today = clock.today();
    const send = (body: unknown) =>
      t.request('POST', `/api/v1/cases/${caseId}/settlements`, { token: judge, body });
    assertNames(await send({ ...plan([5, 100]), terms: '' }), 'terms');
    assertNames(await send({ ...plan([5, 100]), terms: '分期\u0000履行' }), 'terms');
    assertNames(await send({ ...plan([5, 100]), terms: '长'.repeat(4001) }), 'terms');
    assertNames(await send({ terms: '分期履行', instalments: [] }), 'instalments');
    assertNames(await send(plan([-1, 100])), 'instalments.0.dueDate');
    assertNames(await send(plan([5, 100], [5, 100])), 'instalments.1.dueDate');
    assertNames(await send(plan([9, 100], [5, 100])), 'instalments.1.dueDate');
    assertNames(await send(plan([5, 0])), 'instalments.0.amountFen');
    assertNames(await send(plan([5, 1.5])), 'instalments.0.amountFen');
    assertNames(
      await send({ terms: '分期履行', instalments: [{ dueDate: '2026-02-30', amountFen: 100 }] }),
      'instalments.0.dueDate',
    );
    // Due today is allowed (not before today).
    assert.equal(await footprint(caseId), before);
    const dueToday = await send({ terms: '当日履行', instalments: [{ dueDate: today, amountFen: 100 }] });
    assert.equal(dueToday.status, 201, JSON.stringify(dueToday.body));
  });

  test('409: a case already suspended or settled, or closed; nothing written', async () => {
    const settled = await fileCase();
    await settle(settled);
    const before = await footprint(settled);
    const again = await t.request('POST', `/api/v1/cases/${settled}/settlements`, {
      token: judge,
      body: plan([3, 1]),
    });
    assert.equal(again.status, 409);
    assert.equal(await footprint(settled), before);

    const suspended = await fileCase();
    const node = await t.request('POST', `/api/v1/cases/${suspended}/nodes`, {
      token: judge,
      body: { kind: 'suspended', note: '案外人异议' },
    });
    assert.equal(node.status, 201);
    const onSuspended = await t.request('POST', `/api/v1/cases/${suspended}/settlements`, {
      token: judge,
      body: plan([3, 1]),
    });
    assert.equal(onSuspended.status, 409);

    const closed = await fileCase();
    const close = await t.request('POST', `/api/v1/cases/${closed}/close`, {
      token: judge,
      body: { closingType: 'terminated', reason: '申请执行人撤回申请' },
    });
    assert.equal(close.status, 200, JSON.stringify(close.body));
    const beforeClosed = await footprint(closed);
    const onClosed = await t.request('POST', `/api/v1/cases/${closed}/settlements`, {
      token: judge,
      body: plan([3, 1]),
    });
    assert.equal(onClosed.status, 409);
    assert.equal(await footprint(closed), beforeClosed);
  });
});

describe('payments and performance', () => {
  test('payments go to the earliest instalment; all paid, the settlement is performed and the case may close as fulfilled', async () => {
    const caseId = await fileCase();
    const id = await settle(caseId);
    const today = clock.today();
    const pay = (body: unknown, token = judge) =>
      t.request('POST', `/api/v1/settlements/${id}/payments`, { token, body });
    const first = await pay({ paidOn: today, amountFen: 150_000, note: '申请执行人确认收到' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(
      [first.body.settlementStatus, first.body.paidFen, first.body.outstandingFen],
      ['active', 150_000, 150_000],
    );
    const [s] = await settlementsOf(caseId);
    assert.deepEqual(
      s.instalments.map((i: { status: string; paidFen: number }) => [i.status, i.paidFen]),
      [
        ['paid', 100_000],
        ['pending', 50_000],
      ],
    );
    const before = await footprint(caseId);
    assertNames(await pay({ paidOn: today, amountFen: 150_001 }), 'amountFen');
    assertNames(await pay({ paidOn: addCalendarDays(today, 1), amountFen: 1 }), 'paidOn');
    assertNames(await pay({ paidOn: addCalendarDays(today, -1), amountFen: 1 }), 'paidOn');
    assertNames(await pay({ paidOn: today, amountFen: 0 }), 'amountFen');
    assert.equal((await pay({ paidOn: today, amountFen: 1 }, clerk)).status, 403);
    assert.equal((await pay({ paidOn: today, amountFen: 1 }, otherCourtJudge)).status, 404);
    assert.equal(await footprint(caseId), before);

    const last = await pay({ paidOn: today, amountFen: 150_000 });
    assert.equal(last.status, 201);
    assert.equal(last.body.settlementStatus, 'performed');
    const [performed] = await settlementsOf(caseId);
    assert.equal(performed.status, 'performed');
    // 执行和解规定 art. 8: performed in full, the case is closed as fulfilled (执行完毕)
    assert.equal(performed.closingType, 'fulfilled');
    const c = await caseOf(caseId);
    assert.ok(
      c.nodes.some((n: { kind: string; note: string }) => n.kind === 'other' && n.note.includes('全部履行')),
    );
    assert.equal((await pay({ paidOn: today, amountFen: 1 })).status, 409);
    assert.equal(
      (await t.request('POST', `/api/v1/settlements/${id}/default`, { token: judge, body: {} })).status,
      409,
    );
    const close = await t.request('POST', `/api/v1/cases/${caseId}/close`, {
      token: judge,
      body: { closingType: 'fulfilled', reason: '执行和解协议已履行完毕' },
    });
    assert.equal(close.status, 200, JSON.stringify(close.body));
  });
});

describe('default', () => {
  test('200: the case is in progress again, the note says the original enforcement is restored and payments stay deducted', async () => {
    const caseId = await fileCase();
    const id = await settle(caseId);
    const paid = await t.request('POST', `/api/v1/settlements/${id}/payments`, {
      token: judge,
      body: { paidOn: clock.today(), amountFen: 100_000 },
    });
    assert.equal(paid.status, 201);
    const res = await t.request('POST', `/api/v1/settlements/${id}/default`, { token: assistant });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { id, status: 'defaulted', caseStatus: 'inProgress', deductedFen: 100_000 });
    const c = await caseOf(caseId);
    assert.equal(c.status, 'inProgress');
    const resumed = c.nodes.find((n: { kind: string }) => n.kind === 'resumed');
    assert.match(resumed?.note ?? '', /恢复执行原生效法律文书/);
    assert.match(resumed?.note ?? '', /已履行1,000\.00元予以扣除/);
    const [s] = await settlementsOf(caseId);
    assert.equal(s.status, 'defaulted');
    assert.equal(s.paidFen, 100_000);
    const before = await footprint(caseId);
    const again = await t.request('POST', `/api/v1/settlements/${id}/default`, { token: judge, body: {} });
    assert.equal(again.status, 409);
    assert.equal(await footprint(caseId), before);
    // Defaulted, a new settlement may be reached.
    await settle(caseId, plan([20, 5_000]));
  });

  test('404 for an unknown settlement or one of another court’s case; 403 for the clerk; nothing written', async () => {
    const caseId = await fileCase();
    const id = await settle(caseId);
    const before = await footprint(caseId);
    const unknown = await t.request(
      'POST',
      '/api/v1/settlements/00000000-0000-4000-8000-000000000000/default',
      {
        token: judge,
        body: {},
      },
    );
    assert.equal(unknown.status, 404);
    for (const url of [`/api/v1/settlements/${id}/default`, `/api/v1/settlements/${id}/payments`]) {
      const outside = await t.request('POST', url, {
        token: otherCourtJudge,
        body: url.endsWith('payments') ? { paidOn: clock.today(), amountFen: 1 } : {},
      });
      assert.equal(outside.status, 404, url);
    }
    assert.equal(
      (await t.request('GET', `/api/v1/settlements/${id}`, { token: otherCourtJudge })).status,
      404,
    );
    assert.equal(
      (await t.request('GET', `/api/v1/cases/${caseId}/settlements`, { token: otherCourtJudge })).status,
      404,
    );
    assert.equal(
      (await t.request('POST', `/api/v1/settlements/${id}/default`, { token: clerk, body: {} })).status,
      403,
    );
    assertNames(
      await t.request('POST', `/api/v1/settlements/${id}/default`, {
        token: judge,
        body: { note: '不\u001b履行' },
      }),
      'note',
    );
    assert.equal(await footprint(caseId), before);
  });
});

describe('reminders and the limit', () => {
  const logger = createLogger('silent');
  const runReminders = () =>
    settlementRemindersJob.handle({ database: t.appDatabase, logger }, { slot: 'test' });

  async function messagesOf(caseId: string) {
    return t.database.sql<{ channel: string; kind: string; recipient: string }[]>`
      select channel, kind, recipient from notify.messages where case_id = ${caseId} and kind like '%settlement%'
      order by seq`;
  }

  test('3 days before an instalment (practice) and once overdue, one reminder each; the applicant may then restore', async () => {
    const caseId = await fileCase();
    // Due in 3 days and in 4 days.
    await settle(caseId, plan([3, 10_000], [4, 20_000]));
    try {
      await runReminders();
      const dueSoon = await messagesOf(caseId);
      assert.deepEqual(
        dueSoon.map((m) => [m.channel, m.kind, m.recipient]),
        [
          ['sms', 'disclosure.settlementDue', '13700001111'],
          ['sms', 'procedures.settlementDue', '13700002222'],
        ],
      );
      const notices = await t.database.sql<{ kind: string }[]>`
        select kind from disclosure.notices where case_id = ${caseId}`;
      assert.deepEqual(
        notices.map((n) => n.kind),
        ['settlementDue'],
      );
      // The job runs again the same day: nothing new.
      await runReminders();
      assert.equal((await messagesOf(caseId)).length, 2);

      // Four days on: the first is overdue, the second due today.
      await t.setClockOffset(4 * day);
      await runReminders();
      const later = await messagesOf(caseId);
      const kinds = later.map((m) => `${m.channel}:${m.kind}`);
      assert.equal(kinds.filter((k) => k === 'sms:procedures.settlementOverdue').length, 1);
      assert.equal(kinds.filter((k) => k === 'sms:procedures.settlementDue').length, 2);
      assert.equal(
        kinds.filter((k) => k === 'inApp:procedures.settlementOverdue').length,
        2,
        'judge and assistant',
      );
      await runReminders();
      assert.equal((await messagesOf(caseId)).length, later.length);
      const [s] = await settlementsOf(caseId);
      assert.deepEqual(
        s.instalments.map((i: { status: string }) => i.status),
        ['overdue', 'pending'],
      );
      assert.equal(s.mayRestore, true);

      // CPL art. 250: past 2 years from the last due date, restoring is out of time.
      const lastDue = addCalendarDays(clock.today(), 0);
      const pastLimit = addCalendarDays(addMonths(lastDue, 24), 1);
      const days = (Date.parse(pastLimit) - Date.parse(clock.today())) / day;
      await t.setClockOffset((4 + days) * day);
      const [expired] = await settlementsOf(caseId);
      assert.equal(expired.limitationEndsOn, addMonths(lastDue, 24));
      assert.equal(expired.mayRestore, false);
    } finally {
      await t.setClockOffset(0);
    }
  });
});
