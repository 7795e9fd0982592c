import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addWorkingDays } from '../src/kernel/index.ts';
import { deadlineInboxWorkingDays } from '../src/modules/cases/index.ts';
import { anAdult, fileCaseWith } from './credit-support.ts';
import { aCaseBody, aCompany } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The to-do inbox (`GET /api/v1/inbox`) against the real database: items come from the modules
 * that own the work and go when the work is done; opening one is kept per user.
 */
let t: TestApp;
let judge: string;
let president: string;

type Item = {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  link: string;
  dueAt?: string;
  createdAt: string;
  isRead: boolean;
};

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
});
after(() => t.close());

/** A court leader of another court (Haishu), made by the administrator. */
async function haishuLeader(): Promise<string> {
  const admin = await t.login('admin');
  const courts = await t.request('GET', '/api/v1/courts', { token: admin });
  const haishu = (courts.body.items ?? courts.body).find((c: { name: string }) => c.name.includes('海曙'));
  assert.ok(haishu, JSON.stringify(courts.body).slice(0, 300));
  const username = `haishu.leader${Date.now() % 100_000}`;
  const made = await t.request('POST', '/api/v1/users', {
    token: admin,
    body: {
      username,
      displayName: '海曙院领导',
      password: 'a-long-password-1',
      courtId: haishu.id,
      roles: ['courtLeader'],
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const login = await t.request('POST', '/api/v1/auth/login', {
    body: { username, password: 'a-long-password-1' },
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.token;
}

async function inbox(token: string): Promise<{ items: Item[]; unread: number }> {
  const res = await t.request('GET', '/api/v1/inbox', { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

describe('GET /api/v1/inbox', () => {
  test("a listing waiting for approval is in the president's inbox, read once opened, gone once signed", async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const listed = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId: c.respondents[0]?.id, ground: 2, facts: '以虚假证据对抗执行' },
    });
    assert.equal(listed.status, 201, JSON.stringify(listed.body));
    const before = await inbox(president);
    const item = before.items.find((i) => i.id === `creditApproval:${listed.body.id}`);
    assert.ok(item, JSON.stringify(before.items.map((i) => i.id)));
    assert.equal(item.kind, 'creditApproval');
    assert.equal(item.link, `/cases/${c.id}?tab=credit`);
    assert.match(item.title, new RegExp(c.respondents[0]?.name ?? 'x'));
    assert.ok(!Number.isNaN(Date.parse(item.createdAt)));
    assert.equal(item.isRead, false);
    // Not the judge's to sign; not another court's leader's either.
    assert.ok(!(await inbox(judge)).items.some((i) => i.id === item.id));
    assert.ok(!(await inbox(await haishuLeader())).items.some((i) => i.id === item.id));

    const marked = await t.request('POST', '/api/v1/inbox/read', {
      token: president,
      body: { ids: [item.id] },
    });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    assert.equal(marked.body.unread, before.unread - 1);
    const again = await t.request('POST', '/api/v1/inbox/read', {
      token: president,
      body: { ids: [item.id] },
    });
    assert.equal(again.body.unread, before.unread - 1, 'marking twice changes nothing');
    assert.equal((await inbox(president)).items.find((i) => i.id === item.id)?.isRead, true);

    const approved = await t.request('POST', `/api/v1/credit/entries/${listed.body.id}/approve`, {
      token: president,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.ok(!(await inbox(president)).items.some((i) => i.id === item.id), 'done work leaves the inbox');
  });

  test("a deadline within three working days is in the team's inbox, dated; none further off", async () => {
    const filed = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
    assert.equal(filed.status, 201);
    const detail = await t.request('GET', `/api/v1/cases/${filed.body.id}`, { token: judge });
    const open = (detail.body.deadlines as { kind: string; dueOn: string; state: string }[])
      .filter((d) => d.state === 'open')
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const next = open[0];
    assert.ok(next, 'a new case has an open node deadline');
    // Move to the day three working days before it: the deadline is near now.
    let day = next.dueOn;
    for (let i = 0; i < 40 && addWorkingDays(day, deadlineInboxWorkingDays) > next.dueOn; i++)
      day = new Date(Date.parse(`${day}T12:00:00+08:00`) - 86_400_000).toISOString().slice(0, 10);
    try {
      await t.setClockOffset(Math.max(0, Date.parse(`${day}T12:00:00+08:00`) - Date.now()));
      const today: string = (await t.request('GET', '/api/v1/clock')).body.today;
      const items = (await inbox(judge)).items.filter((i) => i.kind === 'deadline');
      const mine = items.find((i) => i.link === `/cases/${filed.body.id}`);
      assert.ok(mine, `the deadline of ${next.dueOn} is near on ${today}`);
      assert.equal(mine.dueAt, new Date(`${next.dueOn}T23:59:59.999+08:00`).toISOString());
      assert.match(mine.title, /期限将至|已超期/);
      const horizon = new Date(
        `${addWorkingDays(today, deadlineInboxWorkingDays)}T23:59:59.999+08:00`,
      ).toISOString();
      for (const i of items) assert.ok((i.dueAt ?? '') <= horizon, `${i.id} is due by ${horizon}`);
      // Items with a deadline come first, by deadline.
      const dues = (await inbox(judge)).items.filter((i) => i.dueAt).map((i) => i.dueAt ?? '');
      assert.deepEqual(dues, [...dues].sort());
      // Someone off the team does not see it.
      const other = await t.login('shangcheng.judge');
      assert.ok(!(await inbox(other)).items.some((i) => i.link === `/cases/${filed.body.id}`));
    } finally {
      await t.setClockOffset(0);
    }
  });

  test('bad input names the field and writes nothing; no sign-in is 401', async () => {
    const anonymous = await t.request('GET', '/api/v1/inbox');
    assert.equal(anonymous.status, 401);
    for (const body of [{ ids: [] }, { ids: ['no id'] }, { ids: 'x' }, {}]) {
      const res = await t.request('POST', '/api/v1/inbox/read', { token: judge, body });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok(
        res.body.error.details.some((d: { path: string }) => d.path.startsWith('ids')),
        JSON.stringify(res.body),
      );
    }
  });
});

describe('GET /api/v1/cases?idNumber=', () => {
  test('finds the cases in scope where that person or company is a party, and no others', async () => {
    const person = anAdult();
    const company = aCompany();
    const c = await fileCaseWith(t, judge, [person], { applicants: [company] });
    const byId = await t.request('GET', `/api/v1/cases?idNumber=${person.idNumber}`, { token: judge });
    assert.equal(byId.status, 200, JSON.stringify(byId.body));
    assert.deepEqual(
      byId.body.items.map((i: { id: string }) => i.id),
      [c.id],
    );
    const lower = String(company.creditCode).toLowerCase();
    const byCode = await t.request('GET', `/api/v1/cases?idNumber=${lower}`, { token: judge });
    assert.deepEqual(
      byCode.body.items.map((i: { id: string }) => i.id),
      [c.id],
      'a credit code finds the case too, in either case of letters',
    );
    const outside = await t.request('GET', `/api/v1/cases?idNumber=${person.idNumber}`, {
      token: await t.login('haishu.judge'),
    });
    assert.equal(outside.status, 200);
    assert.equal(outside.body.items.length, 0, "another court's judge does not see the case");
    const bad = await t.request('GET', '/api/v1/cases?idNumber=12%27%20or%201=1', { token: judge });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'idNumber');
  });
});

describe('answers arrived', () => {
  test("an online inquiry answered in the last three days is in its officer's to-do; older ones are not", async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const me = (await t.request('GET', '/api/v1/auth/me', { token: judge })).body.user.id as string;
    const recent = crypto.randomUUID();
    const old = crypto.randomUUID();
    for (const [id, daysAgo] of [
      [recent, 1],
      [old, 4],
    ] as const) {
      const batchId = crypto.randomUUID();
      await t.database
        .sql`insert into inquiry.batches (id, kind, court_id, requested_by, purpose, case_count, request_count)
        select ${batchId}, 'case', court_id, ${me}, '测试', 1, 26 from cases.cases where id = ${c.id}`;
      await t.database
        .sql`insert into inquiry.case_inquiries (id, batch_id, case_id, court_id, case_number, kind,
          requested_by, purpose, done_at, answered_count, found_count)
        select ${id}, ${batchId}, id, court_id, case_number, 'case', ${me}, '测试',
          now() - make_interval(days => ${daysAgo}), 26, 3 from cases.cases where id = ${c.id}`;
    }
    const items = (await inbox(judge)).items;
    const item = items.find((i) => i.id === `inquiryAnswered:${recent}`);
    assert.ok(item, JSON.stringify(items.map((i) => i.id)));
    assert.equal(item.link, `/cases/${c.id}?tab=inquiry`);
    assert.match(item.title, /26 项反馈，发现财产 3 项/);
    assert.ok(
      !items.some((i) => i.id === `inquiryAnswered:${old}`),
      'after three days it has left the to-do',
    );
  });
});
