import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCalendarDays, addMonths } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Procuratorial supervision (检察监督; CPL art. 246; 监督规定 (2016)) against the real PostgreSQL: a
 * procurator is outside every court's data scope and sees no case until a court leader or the
 * command centre places one under their procuratorate's supervision (art. 4: the procuratorate of
 * the enforcing court's level, or one above); then they read it — read-only, personal data masked,
 * each read audited with its purpose — and send recommendations, which the case judge or a court
 * leader answers within 3 months (art. 13); overdue replies come first. Court users of other courts
 * see nothing of it, and every refusal writes nothing.
 */
let t: TestApp;
let judge: string;
let judge2: string;
let assistant: string;
let president: string;
let procurator: string;
let procuratorId: string;
let otherCourtJudge: string;
const courtIds = new Map<string, string>();
const day = 86_400_000;

async function userIdOf(token: string): Promise<string> {
  const me = await t.request('GET', '/api/v1/auth/me', { token });
  assert.equal(me.status, 200);
  return me.body.user.id;
}

/** A procurator made by the administrator, attached to the court of `courtKey`'s code. */
async function aProcurator(username: string, courtCode: string): Promise<{ id: string; token: string }> {
  const admin = await t.login('admin');
  const res = await t.request('POST', '/api/v1/users', {
    token: admin,
    body: {
      username,
      displayName: '测试检察官',
      password: 'zhixing-demo',
      courtId: courtIds.get(courtCode),
      roles: ['procurator'],
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id, token: await t.login(username) };
}

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  judge2 = await t.login('xihu.judge2');
  assistant = await t.login('xihu.assistant');
  president = await t.login('xihu.president');
  procurator = await t.login('xihu.procurator');
  procuratorId = await userIdOf(procurator);
  otherCourtJudge = await t.login('shangcheng.judge');
  const courts = await t.request('GET', '/api/v1/courts', { token: await t.login('admin') });
  for (const c of courts.body.items as { id: string; courtCode: string; level: string }[]) {
    if (c.level !== 'detachedTribunal') courtIds.set(c.courtCode, c.id);
  }
});
after(() => t.close());

async function fileCase(token = judge): Promise<string> {
  const res = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({ respondents: [aPerson({ phone: '13700002222' })] }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function place(caseId: string, body: Record<string, unknown> = {}, token = president) {
  return t.request('POST', `/api/v1/cases/${caseId}/supervision`, {
    token,
    body: { procuratorId, reason: '当事人申请监督：执行法院怠于执行', ...body },
  });
}

async function recommend(caseId: string, token = procurator, body: Record<string, unknown> = {}) {
  return t.request('POST', `/api/v1/supervision/cases/${caseId}/recommendations`, {
    token,
    body: { text: '建议依法查控被执行人名下车辆。', issuedOn: clock.today(), ...body },
  });
}

/** Rows of everything supervision may write, and the case's timeline. */
async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.supervisions where case_id = ${caseId}),
    (select count(*) from procedures.recommendations where case_id = ${caseId}),
    (select count(*) from procedures.recommendations where case_id = ${caseId} and replied_at is not null),
    (select count(*) from cases.nodes where case_id = ${caseId}),
    (select count(*) from audit.records where object_id = ${caseId})) as n`;
  return row?.n;
}

test('a procurator sees no case, and no supervised case, until one is placed under supervision', async () => {
  const caseId = await fileCase();
  const before = await footprint(caseId);
  const list = await t.request('GET', '/api/v1/cases?pageSize=200', { token: procurator });
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 0);
  assert.equal((await t.request('GET', `/api/v1/cases/${caseId}`, { token: procurator })).status, 404);
  const view = await t.request('GET', `/api/v1/supervision/cases/${caseId}`, { token: procurator });
  assert.equal(view.status, 404);
  assert.equal((await recommend(caseId)).status, 404);
  const mine = await t.request('GET', '/api/v1/supervision/cases', { token: procurator });
  assert.equal(mine.status, 200);
  assert.ok(!mine.body.items.some((s: { caseId: string }) => s.caseId === caseId));
  // Court staff do not use the procurator's view.
  assert.equal((await t.request('GET', `/api/v1/supervision/cases/${caseId}`, { token: judge })).status, 403);
  assert.equal(await footprint(caseId), before);
});

test('who may place a case under supervision, and under which procuratorate (监督规定 art. 4)', async () => {
  const caseId = await fileCase();
  const before = await footprint(caseId);
  // The case judge is not a court leader; another court's judge does not see the case.
  assert.equal((await place(caseId, {}, judge)).status, 403);
  assert.equal((await place(caseId, {}, otherCourtJudge)).status, 404);
  // A judge is no procurator; a procuratorate of another district has no jurisdiction.
  const notProcurator = await place(caseId, { procuratorId: await userIdOf(judge) });
  assert.equal(notProcurator.status, 400);
  assert.equal(notProcurator.body.error.details[0].path, 'procuratorId');
  const haishu = await aProcurator('haishu.procurator', '浙0203');
  const elsewhere = await place(caseId, { procuratorId: haishu.id });
  assert.equal(elsewhere.status, 400);
  assert.equal(elsewhere.body.error.details[0].path, 'procuratorId');
  assert.equal(await footprint(caseId), before);

  const placed = await place(caseId, { procuratorateCaseNumber: '杭西检民（行）执监〔2026〕7号' });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.procuratorate.name, '杭州市西湖区人民检察院');
  assert.equal(placed.body.procurator.id, procuratorId);
  assert.equal((await place(caseId)).status, 409);
  // A higher procuratorate may take a case over: the command centre above places it for Hangzhou's.
  const hz = await aProcurator('hz.procurator', '浙01');
  const above = await place(caseId, { procuratorId: hz.id }, await t.login('hz.command'));
  assert.equal(above.status, 201, JSON.stringify(above.body));
  assert.equal(above.body.procuratorate.name, '杭州市人民检察院');
  // The procurator is told in their inbox.
  const [told] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from notify.messages
    where recipient = ${procuratorId} and kind = 'procedures.supervisionPlaced'`;
  assert.ok((told?.n ?? 0) >= 1);
  // Haishu's procurator still sees nothing of it.
  assert.equal(
    (await t.request('GET', `/api/v1/supervision/cases/${caseId}`, { token: haishu.token })).status,
    404,
  );
});

test('the procurator reads the supervised case read-only, masked, each read audited with its purpose', async () => {
  const caseId = await fileCase();
  const node = await t.request('POST', `/api/v1/cases/${caseId}/nodes`, {
    token: judge,
    body: { kind: 'enforcementNoticeSent', note: '已送达执行通知书', documents: [{ name: '执行通知书' }] },
  });
  assert.equal(node.status, 201);
  assert.equal((await place(caseId)).status, 201);

  const purpose = '审查当事人监督申请';
  const view = await t.request('GET', `/api/v1/supervision/cases/${caseId}`, {
    token: procurator,
    headers: { 'x-zhixing-purpose': encodeURIComponent(purpose) },
  });
  assert.equal(view.status, 200, JSON.stringify(view.body));
  assert.equal(view.body.case.id, caseId);
  assert.equal(view.body.purpose, purpose);
  assert.match(view.body.case.respondents[0].idNumber, /\*{4}/);
  assert.ok(view.body.nodes.some((n: { kind: string }) => n.kind === 'enforcementNoticeSent'));
  assert.deepEqual(view.body.documents, []);
  assert.deepEqual(view.body.measures, { controlled: [], frozenFen: 0 });
  const audited = await t.database.sql<{ purpose: string; actor_id: string }[]>`
    select purpose, actor_id from audit.records
    where action = 'procedures.supervision.read' and object_id = ${caseId} order by id`;
  assert.deepEqual([...audited], [{ purpose, actor_id: procuratorId }]);
  // Without a purpose stated, the read is audited as supervision.
  await t.request('GET', `/api/v1/supervision/cases/${caseId}`, { token: procurator });
  const [last] = await t.database.sql<{ purpose: string }[]>`select purpose from audit.records
    where action = 'procedures.supervision.read' and object_id = ${caseId} order by id desc limit 1`;
  assert.match(last?.purpose ?? '', /检察监督/);
  // The list read is audited too.
  const mine = await t.request('GET', '/api/v1/supervision/cases', { token: procurator });
  assert.ok(mine.body.items.some((s: { caseId: string }) => s.caseId === caseId));
  const [listed] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from audit.records
    where action = 'procedures.supervision.list' and actor_id = ${procuratorId}`;
  assert.ok((listed?.n ?? 0) >= 1);

  // Read-only: every write on the case is refused as if the case did not exist.
  const before = await footprint(caseId);
  const writes = await Promise.all([
    t.request('POST', `/api/v1/cases/${caseId}/nodes`, { token: procurator, body: { kind: 'other' } }),
    t.request('POST', `/api/v1/cases/${caseId}/close`, {
      token: procurator,
      body: { closingType: 'terminated', reason: '撤回' },
    }),
    place(caseId, {}, procurator),
    t.request('GET', `/api/v1/cases/${caseId}/supervision`, { token: procurator }),
    t.request('GET', `/api/v1/cases/${caseId}/documents`, { token: procurator }),
  ]);
  assert.deepEqual(
    writes.map((w) => w.status),
    [404, 404, 404, 404, 404],
  );
  assert.equal(await footprint(caseId), before);
});

test('a recommendation is answered within 3 months by the case judge or a court leader; others cannot', async () => {
  const caseId = await fileCase();
  assert.equal((await place(caseId)).status, 201);
  const future = await recommend(caseId, procurator, { issuedOn: addCalendarDays(clock.today(), 1) });
  assert.equal(future.status, 400);
  assert.equal(future.body.error.details[0].path, 'issuedOn');
  assert.equal((await recommend(caseId, judge)).status, 403);

  const sent = await recommend(caseId, procurator, { documentNumber: '杭西检民（行）执监〔2026〕8号' });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.receivedOn, clock.today());
  assert.equal(sent.body.replyDueOn, addMonths(clock.today(), 3));
  assert.equal(sent.body.status, 'awaitingReply');
  const [told] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from notify.messages
    where case_id = ${caseId} and kind = 'procedures.recommendationReceived'`;
  assert.ok((told?.n ?? 0) >= 2, 'the case judge and the court leader are told');

  // The court side sees it on the case; another court does not.
  const onCase = await t.request('GET', `/api/v1/cases/${caseId}/supervision`, { token: assistant });
  assert.equal(onCase.status, 200);
  assert.equal(onCase.body.items[0].recommendations[0].id, sent.body.id);
  assert.equal(onCase.body.items[0].awaitingReplies, 1);
  assert.equal(
    (await t.request('GET', `/api/v1/cases/${caseId}/supervision`, { token: otherCourtJudge })).status,
    404,
  );
  const otherList = await t.request('GET', '/api/v1/supervision/cases', { token: otherCourtJudge });
  assert.equal(otherList.status, 200);
  assert.ok(!otherList.body.items.some((s: { caseId: string }) => s.caseId === caseId));

  const reply = (token: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/api/v1/supervision/recommendations/${sent.body.id}/reply`, {
      token,
      body: { text: '经审查，已查封被执行人名下车辆。', ...body },
    });
  const before = await footprint(caseId);
  assert.equal((await reply(otherCourtJudge)).status, 404);
  assert.equal((await reply(procurator)).status, 404);
  assert.equal((await reply(judge2)).status, 403);
  assert.equal((await reply(assistant)).status, 403);
  const early = await reply(judge, { repliedOn: addCalendarDays(clock.today(), -1) });
  assert.equal(early.status, 400);
  assert.equal(early.body.error.details[0].path, 'repliedOn');
  assert.equal(await footprint(caseId), before);

  const answered = await reply(judge);
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  assert.equal(answered.body.status, 'replied');
  assert.equal(answered.body.reply.repliedOn, clock.today());
  assert.equal((await reply(president)).status, 409);
  // The procurator reads the reply.
  const view = await t.request('GET', `/api/v1/supervision/cases/${caseId}`, { token: procurator });
  assert.equal(view.body.supervision.recommendations[0].reply.text, '经审查，已查封被执行人名下车辆。');
});

test('a reply not made within 3 months is overdue and listed first; a reply after it is late', async () => {
  const caseId = await fileCase();
  assert.equal((await place(caseId)).status, 201);
  const sent = await recommend(caseId);
  assert.equal(sent.status, 201);
  const dueOn = sent.body.replyDueOn;
  const daysToDue = Math.round((Date.parse(dueOn) - Date.parse(clock.today())) / day);
  try {
    await t.setClockOffset(daysToDue * day);
    const onDue = await t.request('GET', `/api/v1/cases/${caseId}/supervision`, { token: president });
    assert.equal(onDue.body.items[0].recommendations[0].status, 'awaitingReply');
    await t.setClockOffset((daysToDue + 1) * day);
    const listed = await t.request('GET', '/api/v1/supervision/cases', { token: president });
    assert.equal(listed.status, 200);
    assert.equal(listed.body.items[0].caseId, caseId, 'the overdue supervision comes first');
    assert.equal(listed.body.items[0].overdueReplies, 1);
    assert.equal(listed.body.items[0].recommendations[0].status, 'overdue');
    const late = await t.request('POST', `/api/v1/supervision/recommendations/${sent.body.id}/reply`, {
      token: president,
      body: { text: '已纠正。' },
    });
    assert.equal(late.status, 200, JSON.stringify(late.body));
    assert.equal(late.body.status, 'repliedLate');
  } finally {
    await t.setClockOffset(0);
  }
});
