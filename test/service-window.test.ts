import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addCalendarDays, addWorkingDays, isWorkingDay } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The service window (执行事务中心, seed 003 item 48) against the real PostgreSQL: a visitor registered
 * with the case found by its number in the court's scope; materials received into the case with a
 * numbered receipt and a step on its timeline; progress read as the party portal shows it; a meeting
 * with the judge on a working day, in the judge's inbox; the visit closed; the day's log and counts.
 */
let t: TestApp;
let judge: string;
let clerk: string;
let judge2: string;
let president: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  clerk = await t.login('xihu.clerk');
  judge2 = await t.login('xihu.judge2');
  president = await t.login('xihu.president');
});

after(async () => {
  await t?.close();
});

const applicant = aPerson();

async function fileCase(token = judge, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({ applicants: [applicant], respondents: [aCompany()], ...overrides }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: String(res.body.id), caseNumber: String(res.body.caseNumber) };
}

async function registerVisit(token: string, body: Record<string, unknown>) {
  return t.request('POST', '/api/v1/service/visits', { token, body });
}

const visitor = {
  name: applicant.name,
  idNumber: applicant.idNumber,
  phone: '13900001111',
  role: 'applicant',
};

function fieldsOf(body: { error?: { details?: { path: string }[] } }): string[] {
  return (body.error?.details ?? []).map((d) => d.path);
}

async function countRows(table: string): Promise<number> {
  const rows = await t.database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return rows[0]?.n ?? 0;
}

describe('registering a visit', () => {
  test('the case is found by its number (half-width parentheses too); the visitor’s ID number and phone are masked', async () => {
    const c = await fileCase();
    const typed = c.caseNumber.replace('（', '(').replace('）', ')');
    const res = await registerVisit(clerk, {
      visitor,
      purpose: 'materials',
      caseNumber: typed,
      note: '交材料',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.case, { id: c.id, caseNumber: c.caseNumber });
    assert.equal(res.body.visitedOn, clock.today());
    assert.equal(res.body.state, 'open');
    assert.equal(
      res.body.visitor.idNumber,
      `${applicant.idNumber.slice(0, 10)}****${applicant.idNumber.slice(14)}`,
    );
    assert.equal(res.body.visitor.phone, '139****1111');
    assert.equal(res.body.receivedByName.length > 0, true);
  });

  test('an unknown case number, one of another court, or a malformed one: 400 naming caseNumber', async () => {
    const before = await countRows('service.visits');
    const haishu = await fileCase(await t.login('haishu.judge'));
    for (const caseNumber of ['（2026）浙0106执999999号', haishu.caseNumber, '第一百号']) {
      const res = await registerVisit(clerk, { visitor, purpose: 'progress', caseNumber });
      assert.equal(res.status, 400, `${caseNumber}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(fieldsOf(res.body), ['caseNumber']);
    }
    const badId = await registerVisit(clerk, {
      visitor: {
        ...visitor,
        idNumber: `${applicant.idNumber.slice(0, 17)}${applicant.idNumber.endsWith('0') ? '1' : '0'}`,
      },
      purpose: 'consultation',
    });
    assert.equal(badId.status, 400);
    assert.deepEqual(fieldsOf(badId.body), ['visitor.idNumber']);
    assert.equal(await countRows('service.visits'), before, 'a refused registration writes nothing');
  });

  test('only officers of the bureau work the counter', async () => {
    for (const username of ['xihu.grid', 'admin', 'xihu.procurator']) {
      const res = await registerVisit(await t.login(username), { visitor, purpose: 'consultation' });
      assert.equal(res.status, 403, username);
    }
  });
});

describe('materials, progress, meetings', () => {
  test('materials go into the case: a numbered receipt and a step on its timeline', async () => {
    const c = await fileCase();
    const visit = await registerVisit(clerk, { visitor, purpose: 'materials', caseNumber: c.caseNumber });
    const res = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/materials`, {
      token: clerk,
      body: {
        items: [
          { title: '财产线索材料', pages: 3 },
          { title: '授权委托书', pages: 1 },
        ],
        note: '车辆在杭州',
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const year = clock.today().slice(0, 4);
    assert.match(res.body.receiptNumber, new RegExp(`^（${year}）浙0106执事收\\d+号$`));
    assert.equal(res.body.caseId, c.id);
    assert.equal(res.body.caseNumber, c.caseNumber);
    assert.equal(res.body.courtName, '杭州市西湖区人民法院');
    assert.deepEqual(res.body.items, [
      { title: '财产线索材料', pages: 3 },
      { title: '授权委托书', pages: 1 },
    ]);
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const node = detail.body.nodes.find((n: { id: string }) => n.id === res.body.nodeId);
    assert.ok(node, 'the step is on the case timeline');
    assert.match(node.note, new RegExp(res.body.receiptNumber.replace(/[()（）]/g, '.')));
    assert.deepEqual(
      node.documents.map((d: { name: string }) => d.name),
      ['财产线索材料（3页）', '授权委托书（1页）'],
    );

    // A second receipt of the court and year takes the next number.
    const second = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/materials`, {
      token: clerk,
      body: { items: [{ title: '补充材料', pages: 2 }] },
    });
    assert.equal(second.status, 201);
    const seq = (n: string) => Number(/执事收(\d+)号/.exec(n)?.[1]);
    assert.equal(seq(second.body.receiptNumber), seq(res.body.receiptNumber) + 1);

    // The progress tells the visitor what the window received; the bare "other" step is not read out.
    const progress = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, {
      token: clerk,
    });
    assert.equal(progress.status, 200);
    assert.deepEqual(
      progress.body.receipts.map((r: { receiptNumber: string }) => r.receiptNumber),
      [second.body.receiptNumber, res.body.receiptNumber],
    );
    assert.ok(progress.body.latestNodes.every((n: { kind: string }) => n.kind !== 'other'));
    assert.ok(
      progress.body.script.some((line: string) => line.includes(`执行事务中心已收取本案材料2次`)),
      JSON.stringify(progress.body.script),
    );
  });

  test('an officer not on the case team files the step in the judge’s name, saying who received it', async () => {
    const c = await fileCase();
    const visit = await registerVisit(judge2, { visitor, purpose: 'materials', caseNumber: c.caseNumber });
    const res = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/materials`, {
      token: judge2,
      body: { items: [{ title: '执行申请书', pages: 2 }] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const node = detail.body.nodes.find((n: { id: string }) => n.id === res.body.nodeId);
    assert.equal(node.actor.id, detail.body.team.judge.id);
    assert.match(node.note, /经办）$/);
  });

  test('progress as the parties may hear it: no notes of the team, the visitor’s side recognised', async () => {
    const c = await fileCase();
    const noted = await t.request('POST', `/api/v1/cases/${c.id}/nodes`, {
      token: judge,
      body: { kind: 'onSiteInquiryDone', note: '内部备注：被执行人可能转移车辆' },
    });
    assert.equal(noted.status, 201, JSON.stringify(noted.body));
    const visit = await registerVisit(clerk, { visitor, purpose: 'progress', caseNumber: c.caseNumber });
    const res = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, { token: clerk });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.caseNumber, c.caseNumber);
    assert.equal(res.body.visitorSeat, 'applicant');
    assert.equal(res.body.latestNodes[0].kind, 'onSiteInquiryDone');
    assert.equal(res.body.claimFen, 12_345_600);
    assert.ok(res.body.nextDeadline, 'the next deadline is told');
    assert.ok(!JSON.stringify(res.body).includes('内部备注'), 'the team’s notes stay inside');
    assert.match(res.body.script[0], new RegExp(`目前状态：${res.body.statusLabel.zh}`));
    assert.match(res.body.script[1], /申请执行标的123,456.00元/);
    assert.deepEqual(res.body.receipts, []);
    const audited = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit.records where action = 'service.visit.progress' and object_id = ${c.id}`,
    );
    assert.equal(audited[0]?.n, 1, 'the read is audited');

    const noCase = await registerVisit(clerk, { visitor, purpose: 'progress' });
    const refused = await t.request('GET', `/api/v1/service/visits/${noCase.body.id}/progress`, {
      token: clerk,
    });
    assert.equal(refused.status, 409);
  });

  test('a meeting with the judge on a working day lands in the judge’s inbox; a holiday or weekend is refused', async () => {
    const c = await fileCase();
    const visit = await registerVisit(clerk, { visitor, purpose: 'meeting', caseNumber: c.caseNumber });
    let offDay = addCalendarDays(clock.today(), 1);
    while (isWorkingDay(offDay)) offDay = addCalendarDays(offDay, 1);
    const refused = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/meetings`, {
      token: clerk,
      body: { on: offDay, slot: 'am' },
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.deepEqual(fieldsOf(refused.body), ['on']);

    const on = addWorkingDays(clock.today(), 1);
    const booked = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/meetings`, {
      token: clerk,
      body: { on, slot: 'pm', note: '面谈财产线索' },
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal(booked.body.on, on);
    assert.equal(booked.body.judgeName.length > 0, true);
    const twice = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/meetings`, {
      token: clerk,
      body: { on, slot: 'pm' },
    });
    assert.equal(twice.status, 409);
    const inbox = await t.request('GET', '/api/v1/notify/inbox', { token: judge });
    const message = inbox.body.items.find(
      (m: { kind: string; caseId: string }) => m.kind === 'service.meeting' && m.caseId === c.id,
    );
    assert.ok(message, 'the judge has it to do');
    assert.match(message.title, new RegExp(on));
    assert.match(message.body, new RegExp(applicant.name));
    // And in the judge's to-do (待办), dated by the meeting, linked to the case.
    const todo = await t.request('GET', '/api/v1/inbox', { token: judge });
    const item = todo.body.items.find((i: { id: string }) => i.id === `meeting:${booked.body.id}`);
    assert.ok(item, JSON.stringify(todo.body.items.map((i: { id: string }) => i.id)));
    assert.equal(item.kind, 'meeting');
    assert.equal(item.link, `/cases/${c.id}`);
    assert.match(item.title, new RegExp(`${on}下午`));
  });

  test('a closed visit takes nothing more; a closed case takes no materials', async () => {
    const c = await fileCase();
    const visit = await registerVisit(clerk, { visitor, purpose: 'materials', caseNumber: c.caseNumber });
    const closed = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/close`, { token: clerk });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.state, 'closed');
    const again = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/close`, { token: clerk });
    assert.equal(again.status, 409);
    const late = await t.request('POST', `/api/v1/service/visits/${visit.body.id}/materials`, {
      token: clerk,
      body: { items: [{ title: '补充材料', pages: 1 }] },
    });
    assert.equal(late.status, 409);

    const other = await fileCase();
    const open = await registerVisit(clerk, { visitor, purpose: 'materials', caseNumber: other.caseNumber });
    const shut = await t.request('POST', `/api/v1/cases/${other.id}/close`, {
      token: judge,
      body: { closingType: 'withdrawn', reason: '申请执行人撤回申请' },
    });
    assert.equal(shut.status, 200, JSON.stringify(shut.body));
    const receipts = await countRows('service.receipts');
    const refused = await t.request('POST', `/api/v1/service/visits/${open.body.id}/materials`, {
      token: clerk,
      body: { items: [{ title: '补充材料', pages: 1 }] },
    });
    assert.equal(refused.status, 409);
    assert.equal(await countRows('service.receipts'), receipts, 'nothing written');
  });

  test('a visit of another court does not exist for its officers; the court above sees it', async () => {
    const c = await fileCase();
    const visit = await registerVisit(clerk, { visitor, purpose: 'progress', caseNumber: c.caseNumber });
    const haishu = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, {
      token: await t.login('haishu.judge'),
    });
    assert.equal(haishu.status, 404);
    const grid = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, {
      token: await t.login('xihu.grid'),
    });
    assert.equal(grid.status, 403);
    const above = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, {
      token: await t.login('hz.command'),
    });
    assert.equal(above.status, 200, JSON.stringify(above.body));
    const leader = await t.request('GET', `/api/v1/service/visits/${visit.body.id}/progress`, {
      token: president,
    });
    assert.equal(leader.status, 200);
  });
});

describe('the day’s log and the counts', () => {
  test('the log lists the day’s visits in order; the statistics count them by purpose and by day', async () => {
    const today = clock.today();
    const log = await t.request('GET', '/api/v1/service/visits', { token: clerk });
    assert.equal(log.status, 200);
    assert.equal(log.body.on, today);
    assert.ok(log.body.items.length >= 5);
    const arrivals = log.body.items.map((v: { arrivedAt: string }) => v.arrivedAt);
    assert.deepEqual(arrivals, [...arrivals].sort());
    assert.ok(
      log.body.items.every(
        (v: { visitor: { idNumber: string | null } }) => !v.visitor.idNumber?.includes(applicant.idNumber),
      ),
    );
    const withReceipts = log.body.items.find((v: { receipts: unknown[] }) => v.receipts.length === 2);
    assert.ok(withReceipts, 'a visit shows its receipts');
    const yesterday = await t.request('GET', `/api/v1/service/visits?on=${addCalendarDays(today, -1)}`, {
      token: clerk,
    });
    assert.deepEqual(yesterday.body.items, []);
    const haishu = await t.request('GET', '/api/v1/service/visits', { token: await t.login('haishu.judge') });
    assert.deepEqual(haishu.body.items, [], 'another court’s log is its own');

    const stats = await t.request(
      'GET',
      `/api/v1/service/statistics?from=${addCalendarDays(today, -6)}&to=${today}`,
      {
        token: president,
      },
    );
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    assert.equal(stats.body.byDay.length, 7);
    const day = stats.body.byDay.at(-1);
    assert.equal(day.on, today);
    assert.equal(day.total, log.body.items.length);
    assert.equal(stats.body.total, log.body.items.length);
    const counted = (purpose: string) =>
      stats.body.byPurpose.find((p: { purpose: string }) => p.purpose === purpose).count;
    const listed = (purpose: string) =>
      log.body.items.filter((v: { purpose: string }) => v.purpose === purpose).length;
    for (const purpose of ['materials', 'progress', 'meeting', 'consultation', 'other'])
      assert.equal(counted(purpose), listed(purpose), purpose);
    assert.ok(stats.body.receipts >= 3);
    assert.ok(stats.body.meetings >= 1);

    const backwards = await t.request(
      'GET',
      `/api/v1/service/statistics?from=${today}&to=${addCalendarDays(today, -1)}`,
      {
        token: president,
      },
    );
    assert.equal(backwards.status, 400);
    assert.deepEqual(fieldsOf(backwards.body), ['from']);
  });
});
