import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCalendarDays, addMonths } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Deputies' suggestions and CPPCC members' proposals (人大代表建议、政协委员提案, seed 003 item 46): a
 * court leader registers one — due three months from its assignment unless the court sets fewer days,
 * never past six — and assigns it to an officer of the court, who answers; the replies the court may
 * publish are on the public portal with the proposer's name and the title and nothing else.
 */
let t: TestApp;
let president: string;
let judge: string;
let judgeId: string;
let counter = 0;

before(async () => {
  t = await startTestApp();
  president = await t.login('xihu.president');
  judge = await t.login('xihu.judge');
  judgeId = (await t.request('GET', '/api/v1/auth/me', { token: judge })).body.user.id;
});

after(async () => {
  await t?.close();
});

function aDeputyProposal(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'deputySuggestion',
    number: `2026-执-${counter}`,
    proposer: '周建华',
    title: `关于规范执行款发放的建议${counter}`,
    content: '建议执行款到账后及时通知申请执行人。\n联系电话：13900009999',
    receivedOn: addCalendarDays(clock.today(), -10),
    ...overrides,
  };
}

async function register(body: Record<string, unknown>, token = president) {
  return t.request('POST', '/api/v1/service/proposals', { token, body });
}

test('registered by a court leader, due three months from its assignment; a shorter period in days, never past six months', async () => {
  const receivedOn = addCalendarDays(clock.today(), -10);
  const res = await register(aDeputyProposal({ receivedOn }));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.state, 'registered');
  // 代表建议处理办法: three months from assignment.
  assert.equal(res.body.dueOn, addMonths(receivedOn, 3));
  assert.equal(res.body.isLate, false);
  const short = await register(aDeputyProposal({ kind: 'committeeProposal', receivedOn, replyDays: 30 }));
  assert.equal(short.status, 201);
  assert.equal(short.body.dueOn, addCalendarDays(receivedOn, 30));
  const tooLong = await register(aDeputyProposal({ receivedOn: '2026-03-10', replyDays: 185 }));
  assert.equal(tooLong.status, 400);
  assert.equal(tooLong.body.error.details[0].path, 'replyDays');
  const future = await register(aDeputyProposal({ receivedOn: addCalendarDays(clock.today(), 1) }));
  assert.equal(future.status, 400);
  assert.equal(future.body.error.details[0].path, 'receivedOn');
  const twice = await register({ ...aDeputyProposal(), number: res.body.number });
  assert.equal(twice.status, 400);
  assert.equal(twice.body.error.details[0].path, 'number');
  const notLeader = await register(aDeputyProposal(), judge);
  assert.equal(notLeader.status, 403);
});

test('assigned to an officer of the court, who finds it in the inbox and answers; nobody else may', async () => {
  const p = (await register(aDeputyProposal())).body;
  const todo = async (token: string) =>
    ((await t.request('GET', '/api/v1/inbox', { token })).body.items as { id: string; title: string }[]).find(
      (i) => i.id === `proposal:${p.id}`,
    );
  // Registered, it waits in the leaders' to-do to be assigned.
  assert.match((await todo(president))?.title ?? '', /代表建议待交办/);
  assert.equal(await todo(judge), undefined);
  const notOfCourt = await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
    token: president,
    body: {
      userId: (await t.request('GET', '/api/v1/auth/me', { token: await t.login('haishu.judge') })).body.user
        .id,
    },
  });
  assert.equal(notOfCourt.status, 400);
  assert.equal(notOfCourt.body.error.details[0].path, 'userId');
  const gridWorker = await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
    token: president,
    body: {
      userId: (await t.request('GET', '/api/v1/auth/me', { token: await t.login('xihu.grid') })).body.user.id,
    },
  });
  assert.equal(gridWorker.status, 400, 'a grid worker is not an officer who answers for the court');
  const byJudge = await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
    token: judge,
    body: { userId: judgeId },
  });
  assert.equal(byJudge.status, 403);

  const assigned = await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
    token: president,
    body: { userId: judgeId },
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  assert.equal(assigned.body.state, 'assigned');
  assert.equal(assigned.body.assignee.id, judgeId);
  // Assigned, it is the assignee's to answer by its due date.
  assert.match((await todo(judge))?.title ?? '', /代表建议待答复/);
  assert.equal(await todo(president), undefined);
  const inbox = await t.request('GET', '/api/v1/notify/inbox', { token: judge });
  assert.ok(
    inbox.body.items.some(
      (m: { kind: string; title: string }) => m.kind === 'service.proposal' && m.title.includes(p.number),
    ),
  );

  const byOther = await t.request('POST', `/api/v1/service/proposals/${p.id}/answer`, {
    token: president,
    body: { reply: '已研究办理', isPublishable: true },
  });
  assert.equal(byOther.status, 404, 'addressed to its assignee only');
  const answered = await t.request('POST', `/api/v1/service/proposals/${p.id}/answer`, {
    token: judge,
    body: { reply: '感谢您的建议，本院已实行一案一账号，到账即告知。', isPublishable: true },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  assert.equal(answered.body.state, 'answered');
  assert.equal(answered.body.answeredOn, clock.today());
  const again = await t.request('POST', `/api/v1/service/proposals/${p.id}/answer`, {
    token: judge,
    body: { reply: '再次答复', isPublishable: false },
  });
  assert.equal(again.status, 409);
  const reassign = await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
    token: president,
    body: { userId: judgeId },
  });
  assert.equal(reassign.status, 409);
});

test('an unanswered proposal past its day is late; the list shows the court’s proposals, the nearest day first', async () => {
  const late = (
    await register(aDeputyProposal({ receivedOn: addCalendarDays(clock.today(), -40), replyDays: 30 }))
  ).body;
  assert.equal(late.isLate, true);
  const list = await t.request('GET', '/api/v1/service/proposals', { token: judge });
  assert.equal(list.status, 200);
  const dues = list.body.items.map((p: { dueOn: string }) => p.dueOn);
  assert.deepEqual(dues, [...dues].sort());
  assert.ok(list.body.items.some((p: { id: string; isLate: boolean }) => p.id === late.id && p.isLate));
  const registered = await t.request('GET', '/api/v1/service/proposals?state=registered', { token: judge });
  assert.ok(registered.body.items.every((p: { state: string }) => p.state === 'registered'));
  const haishu = await t.request('GET', '/api/v1/service/proposals', {
    token: await t.login('haishu.judge'),
  });
  assert.deepEqual(haishu.body.items, [], 'another court’s proposals are its own');
  const grid = await t.request('GET', '/api/v1/service/proposals', { token: await t.login('xihu.grid') });
  assert.equal(grid.status, 403);
});

test('the portal publishes answered replies the court may publish: proposer’s name and title, nothing more', async () => {
  const published = (await register(aDeputyProposal({ title: '公开答复的建议' }))).body;
  const withheld = (await register(aDeputyProposal({ title: '不公开答复的建议' }))).body;
  const unanswered = (await register(aDeputyProposal({ title: '尚未答复的建议' }))).body;
  for (const [p, isPublishable] of [
    [published, true],
    [withheld, false],
  ] as const) {
    await t.request('POST', `/api/v1/service/proposals/${p.id}/assign`, {
      token: president,
      body: { userId: judgeId },
    });
    const res = await t.request('POST', `/api/v1/service/proposals/${p.id}/answer`, {
      token: judge,
      body: { reply: `答复：${p.title}`, isPublishable },
    });
    assert.equal(res.status, 200);
  }
  const page = await t.request('GET', '/api/v1/public/proposal-replies');
  assert.equal(page.status, 200, JSON.stringify(page.body));
  const titles = page.body.items.map((r: { title: string }) => r.title);
  assert.ok(titles.includes('公开答复的建议'));
  assert.ok(!titles.includes('不公开答复的建议'));
  assert.ok(!titles.includes(unanswered.title));
  const item = page.body.items.find((r: { id: string }) => r.id === published.id);
  assert.deepEqual(Object.keys(item).sort(), [
    'answeredOn',
    'court',
    'id',
    'kind',
    'number',
    'proposer',
    'reply',
    'title',
  ]);
  assert.equal(item.proposer, '周建华');
  assert.equal(item.court, '杭州市西湖区人民法院');
  assert.ok(
    !JSON.stringify(page.body).includes('13900009999'),
    'the content (and what it holds) stays inside',
  );
});
