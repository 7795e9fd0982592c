import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allJobs } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Warnings (预警): the daily scan of every open case's next deadline and last node, yellow before
 * and red after, climbing from the team to the leader to the command centre, and passive cases —
 * sooner for the special ones; each step told once.
 */
let t: TestApp;
let judge: string;
let president: string;
let ordinary: string;
let special: string;

async function setToday(date: string): Promise<void> {
  await t.setClockOffset(Date.parse(`${date}T12:00:00+08:00`) - Date.now());
  assert.equal(clock.today(), date);
}

async function scan(): Promise<void> {
  const job = allJobs().find((j) => j.name === 'command.scan-warnings');
  assert.ok(job);
  await job.handle(
    { database: t.appDatabase, logger: createLogger('silent') },
    { slot: clock.now().toISOString() },
  );
}

async function warnings(query = '') {
  const res = await t.request('GET', `/api/v1/command/warnings?court=浙0106${query}`, { token: president });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function messages(caseId: string): Promise<{ title: string; recipient: string }[]> {
  return t.database.sql<{ title: string; recipient: string }[]>`select title, recipient from notify.messages
    where kind = 'command.warning' and case_id = ${caseId} order by created_at, recipient`;
}

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
  // Filed on Monday 2031-03-03: the enforcement notice is due on 03-13 (CPL-I art. 480, 10 days).
  await setToday('2031-03-03');
  const body = (flags: string[]) =>
    aCaseBody({
      flags,
      basis: {
        kind: 'judgment',
        documentNumber: '（2030）浙0106民初2号',
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2030-12-01',
      },
    });
  const a = await t.request('POST', '/api/v1/cases', { token: judge, body: body([]) });
  const b = await t.request('POST', '/api/v1/cases', { token: judge, body: body(['livelihood']) });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  ordinary = a.body.id;
  special = b.body.id;
  // The applicant is asked for leads at once (3 days): the next deadline is the notice.
  for (const id of [ordinary, special]) {
    const res = await t.request('POST', `/api/v1/cases/${id}/nodes`, {
      token: judge,
      body: { kind: 'applicantAskedForLeads', note: '' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
});
after(async () => {
  await t.close();
});

test('yellow three working days before the notice is due, to the team', async () => {
  await setToday('2031-03-07');
  await scan();
  assert.deepEqual((await warnings()).items, []);
  await setToday('2031-03-10');
  await scan();
  const list = await warnings();
  const mine = list.items.find((w: { caseId: string }) => w.caseId === ordinary);
  assert.equal(mine.level, 'yellow');
  assert.equal(mine.escalation, 'team');
  assert.equal(mine.deadlineKind, 'enforcementNotice');
  assert.equal(mine.dueOn, '2031-03-13');
  assert.equal(list.statistics.yellow, 2);
  const told = await messages(ordinary);
  assert.equal(told.length, 2, 'the judge and the assistant of the team, once each');
  await scan();
  assert.equal((await messages(ordinary)).length, 2, 'a second scan tells nobody again');
});

test('red after the due date, and up to the leader; the special case climbs first and is listed first', async () => {
  await setToday('2031-03-15');
  await scan();
  const list = await warnings('&level=red');
  // Overdue 2 days: the ordinary case stays with the team; the livelihood case (twice as fast) reached the leader.
  assert.equal(list.items[0].caseId, special);
  assert.equal(list.items[0].escalation, 'courtLeader');
  assert.equal(list.items[0].isSpecial, true);
  assert.equal(list.items.find((w: { caseId: string }) => w.caseId === ordinary).escalation, 'team');
  const specials = await warnings('&special=true');
  assert.deepEqual(specials.items.map((w: { caseId: string }) => w.caseId).sort(), [special]);
  const leaderId = (await t.request('GET', '/api/v1/auth/me', { token: president })).body.user.id;
  assert.ok(
    (await messages(special)).some((m) => m.recipient === leaderId),
    'the leader is told',
  );
});

test('met deadlines drop their warning; a case without a node for its court’s threshold is flagged as passive', async () => {
  await setToday('2031-03-17');
  for (const kind of ['enforcementNoticeSent', 'propertyReportOrderIssued']) {
    const res = await t.request('POST', `/api/v1/cases/${ordinary}/nodes`, {
      token: judge,
      body: { kind, note: '' },
    });
    assert.equal(res.status, 201);
  }
  await scan();
  assert.ok(
    !(await warnings()).items.some(
      (w: { caseId: string; kind: string; level: string }) =>
        w.caseId === ordinary && w.kind === 'deadline' && w.level === 'red',
    ),
  );
  const bad = await t.request('PUT', '/api/v1/command/settings', {
    token: judge,
    body: { court: '浙0106', passiveDays: 10 },
  });
  assert.equal(bad.status, 403);
  const set = await t.request('PUT', '/api/v1/command/settings', {
    token: president,
    body: { court: '浙0106', passiveDays: 10 },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  await setToday('2031-03-28');
  await scan();
  const passive = await warnings('&kind=passive');
  const flagged = passive.items.find((w: { caseId: string }) => w.caseId === ordinary);
  assert.equal(flagged.level, 'red');
  assert.equal(flagged.days, 11);
  assert.equal(flagged.escalation, 'courtLeader');
});

test('a closed case has no warnings', async () => {
  const res = await t.request('POST', `/api/v1/cases/${special}/close`, {
    token: judge,
    body: { closingType: 'withdrawn', reason: '申请执行人撤回申请' },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  await scan();
  assert.ok(!(await warnings()).items.some((w: { caseId: string }) => w.caseId === special));
});
