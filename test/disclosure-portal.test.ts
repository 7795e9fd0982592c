import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { type Simulator, startSimulator, ZSmsOutboxSchema } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The party portal and the public search against the real PostgreSQL, with the simulated SMS
 * gateway over signed HTTP: a party signs in with the code the gateway delivered; every refusal
 * (a person without an ID number, a wrong code, the lock-out, an expired code, another's case)
 * answers as the contract says and writes nothing it should not.
 */
const secret = 'disclosure-test-secret';
const logger = createLogger('silent');
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let judge: string;
let serial = 0;

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({ secret });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs().filter((j) => j.name.startsWith('notify.')),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config: t.config,
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
  judge = await t.login('xihu.judge');
});

after(async () => {
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

function aMobile(): string {
  serial += 1;
  return `137${String(20_000_000 + serial * 7919).slice(-8)}`;
}

async function fileCase(applicant: Record<string, unknown>, respondent: Record<string, unknown> = aPerson()) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [applicant], respondents: [respondent] }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id as string, caseNumber: res.body.caseNumber as string };
}

async function smsTo(phone: string): Promise<string[]> {
  const res = await fetch(`${sim.url}/sim/sms?to=${phone}`, {
    headers: { authorization: `Bearer ${sim.adminToken}` },
  });
  return ZSmsOutboxSchema.parse(await res.json()).items.map((m) => m.text);
}

async function codeFor(phone: string, before = 0): Promise<string> {
  const text = await waitFor(async () => {
    const texts = (await smsTo(phone)).filter((m) => m.includes('验证码'));
    return texts.length > before ? texts.at(-1) : null;
  }, `a sign-in code SMS to ${phone}`);
  const code = /(\d{6})/.exec(text)?.[1];
  assert.ok(code, text);
  return code;
}

async function signIn(caseNumber: string, idNumber: string, phone: string): Promise<string> {
  const asked = await t.request('POST', '/api/v1/party/login/code', { body: { caseNumber, idNumber } });
  assert.equal(asked.status, 202);
  const code = await codeFor(phone);
  const res = await t.request('POST', '/api/v1/party/login', { body: { caseNumber, idNumber, code } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.token as string;
}

const portal = (token: string) => ({ authorization: `Bearer ${token}` });
// The smallest PNG there is: a 1×1 transparent pixel.
const pixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('public search', () => {
  test('a person by name with ID number: open and 终本 cases, ID numbers masked', async () => {
    const debtor = aPerson({ name: '公开查询甲' });
    const open = await fileCase(aCompany(), debtor);
    const closed = await fileCase(aCompany(), debtor);
    // Arranged as a 终本 closure with ¥300 recovered of the claim.
    await t.database.db.execute(sql`update cases.cases set status = 'closed', closing_type = 'terminatedThisRound',
      closed_on = '2026-03-01', recovered_fen = 30000 where id = ${closed.id}::uuid`);
    const res = await t.request(
      'GET',
      `/api/v1/public/search?name=${encodeURIComponent(debtor.name)}&idNumber=${debtor.idNumber}&purpose=${encodeURIComponent('交易前核实')}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.cases.map((c: { caseNumber: string }) => c.caseNumber),
      [open.caseNumber],
    );
    assert.equal(res.body.terminated.length, 1);
    const [terminated] = res.body.terminated;
    assert.equal(terminated.caseNumber, closed.caseNumber);
    assert.equal(terminated.unperformedFen, aCaseBody().claimAmountFen - 30000);
    // 失信规定 art. 6 (practice): digits 11–14 hidden
    assert.equal(terminated.idNumber, `${debtor.idNumber.slice(0, 10)}****${debtor.idNumber.slice(14)}`);
    assert.deepEqual(res.body.dishonest, []);
    assert.deepEqual(res.body.restrictions, []);
    assert.match(String(res.headers['cache-control']), /public/);
    const [logged] = await t.database.db.execute<{ purpose: string }>(
      sql`select purpose from disclosure.search_log order by id desc limit 1`,
    );
    assert.equal(logged?.purpose, '交易前核实');
  });

  test('no enumeration: a person without an ID number, no name, a wrong ID → 400 naming the field', async () => {
    const person = await t.request('GET', `/api/v1/public/search?name=${encodeURIComponent('公开查询甲')}`);
    assert.equal(person.status, 400);
    assert.ok(person.body.error.details.some((d: { path: string }) => d.path === 'idNumber'));
    assert.equal((await t.request('GET', '/api/v1/public/search')).status, 400);
    assert.equal((await t.request('GET', '/api/v1/public/search?idNumber=330106199001011234')).status, 400);
    const wrong = await t.request(
      'GET',
      `/api/v1/public/search?name=${encodeURIComponent('公开查询甲')}&idNumber=330106199001011235`,
    );
    assert.equal(wrong.status, 400);
    assert.ok(wrong.body.error.details.some((d: { path: string }) => d.path === 'idNumber'));
  });

  test('an organisation by its exact name alone', async () => {
    const company = aCompany();
    const filed = await fileCase(aCompany(), company);
    const exact = await t.request('GET', `/api/v1/public/search?name=${encodeURIComponent(company.name)}`);
    assert.equal(exact.status, 200, JSON.stringify(exact.body));
    assert.deepEqual(
      exact.body.cases.map((c: { caseNumber: string }) => c.caseNumber),
      [filed.caseNumber],
    );
    const partial = await t.request(
      'GET',
      `/api/v1/public/search?name=${encodeURIComponent(company.name.replace('有限公司', '公司'))}`,
    );
    assert.equal(partial.status, 200);
    assert.deepEqual(partial.body.cases, []);
  });
});

describe('party sign-in', () => {
  test('the code goes by SMS to the phone on file; the same 202 for a pair that does not exist', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const known = await t.request('POST', '/api/v1/party/login/code', {
      body: { caseNumber: c.caseNumber, idNumber: applicant.idNumber },
    });
    const unknown = await t.request('POST', '/api/v1/party/login/code', {
      body: { caseNumber: c.caseNumber, idNumber: aPerson().idNumber },
    });
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.deepEqual(known.body, unknown.body);
    const code = await codeFor(phone);
    const wrong = await t.request('POST', '/api/v1/party/login', {
      body: {
        caseNumber: c.caseNumber,
        idNumber: applicant.idNumber,
        code: code === '000000' ? '111111' : '000000',
      },
    });
    assert.equal(wrong.status, 401);
    const right = await t.request('POST', '/api/v1/party/login', {
      body: { caseNumber: c.caseNumber, idNumber: applicant.idNumber, code },
    });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.match(right.body.token, /^zxp_/);
    // A code signs in once: again, it is refused as used.
    const again = await t.request('POST', '/api/v1/party/login', {
      body: { caseNumber: c.caseNumber, idNumber: applicant.idNumber, code },
    });
    assert.equal(again.status, 409);
  });

  test('5 wrong codes lock the pair for 15 minutes, the right code included', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const body = { caseNumber: c.caseNumber, idNumber: applicant.idNumber };
    await t.request('POST', '/api/v1/party/login/code', { body });
    const code = await codeFor(phone);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/v1/party/login', { body: { ...body, code: wrongCode } });
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const locked = await t.request('POST', '/api/v1/party/login', { body: { ...body, code } });
    assert.equal(locked.status, 429);
    // While locked no new code is sent.
    const sent = (await smsTo(phone)).length;
    assert.equal((await t.request('POST', '/api/v1/party/login/code', { body })).status, 202);
    const [queued] = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notify.messages where recipient = ${phone} and kind = 'disclosure.loginCode'`,
    );
    assert.equal(queued?.n, 1);
    assert.equal((await smsTo(phone)).length, sent);
  });

  test('a code expires after 5 minutes', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const body = { caseNumber: c.caseNumber, idNumber: applicant.idNumber };
    await t.request('POST', '/api/v1/party/login/code', { body });
    const code = await codeFor(phone);
    await t.setClockOffset(5 * 60_000 + 1000);
    try {
      const late = await t.request('POST', '/api/v1/party/login', { body: { ...body, code } });
      assert.equal(late.status, 401);
    } finally {
      await t.setClockOffset(0);
    }
  });
});

describe('the party portal', () => {
  test('a party sees only their own cases; another case does not exist; no token → 401', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const mine = await fileCase(applicant);
    const other = await fileCase(aPerson({ phone: aMobile() }));
    const token = await signIn(mine.caseNumber, applicant.idNumber, phone);
    const list = await t.request('GET', '/api/v1/party/cases', { headers: portal(token) });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((c: { id: string }) => c.id),
      [mine.id],
    );
    assert.equal(list.body.items[0].role, 'applicant');
    assert.ok(Array.isArray(list.body.items[0].nodes));
    assert.equal(
      (await t.request('GET', `/api/v1/party/cases/${mine.id}`, { headers: portal(token) })).status,
      200,
    );
    assert.equal(
      (await t.request('GET', `/api/v1/party/cases/${other.id}`, { headers: portal(token) })).status,
      404,
    );
    assert.equal(
      (
        await t.request('POST', `/api/v1/party/cases/${other.id}/clues`, {
          headers: portal(token),
          body: { text: 'x' },
        })
      ).status,
      404,
    );
    assert.equal((await t.request('GET', '/api/v1/party/cases')).status, 401);
    // A court user's session opens nothing of the portal.
    assert.equal((await t.request('GET', '/api/v1/party/cases', { token: judge })).status, 401);
  });

  test('a clue with a photo reaches the team, due in 7 days; the answer reaches the party', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const token = await signIn(c.caseNumber, applicant.idNumber, phone);
    const sent = await t.request('POST', `/api/v1/party/cases/${c.id}/clues`, {
      headers: portal(token),
      body: {
        text: '被执行人在西湖区文三路有一辆白色轿车，车牌浙A12345。',
        attachments: [{ name: '车辆照片.png', contentType: 'image/png', dataBase64: pixelPng }],
      },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const today = (
      await t.database.db.execute<{ d: string }>(
        sql`select to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d`,
      )
    )[0]?.d;
    assert.ok(today);
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 7);
    assert.equal(sent.body.dueOn, due.toISOString().slice(0, 10));
    const clues = await t.request('GET', `/api/v1/cases/${c.id}/clues`, { token: judge });
    assert.equal(clues.status, 200);
    const [clue] = clues.body.items;
    assert.equal(clue.id, sent.body.id);
    assert.equal(clue.state, 'open');
    assert.ok(clue.submittedAt);
    assert.equal(clue.attachments.length, 1);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/party-requests/${clue.id}/attachments/${clue.attachments[0].id}`,
      headers: { authorization: `Bearer ${judge}` },
    });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.deepEqual(file.rawPayload, Buffer.from(pixelPng, 'base64'));
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    assert.ok(detail.body.nodes.some((n: { kind: string }) => n.kind === 'leadProvided'));
    const answer = { answer: '已核查，车辆已查封。', outcome: 'accepted' };
    const answered = await t.request('POST', `/api/v1/cases/${c.id}/party-requests/${clue.id}/answer`, {
      token: judge,
      body: answer,
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(answered.body.state, 'answered');
    assert.equal(
      (
        await t.request('POST', `/api/v1/cases/${c.id}/party-requests/${clue.id}/answer`, {
          token: judge,
          body: answer,
        })
      ).status,
      409,
    );
    const mine = await t.request('GET', `/api/v1/party/cases/${c.id}/requests`, { headers: portal(token) });
    assert.equal(mine.body.items[0].answer, answer.answer);
    // Another court's judge does not see the case at all.
    const haishu = await t.login('haishu.judge');
    assert.equal((await t.request('GET', `/api/v1/cases/${c.id}/clues`, { token: haishu })).status, 404);
  });

  test('a forged attachment is refused naming it, and nothing is written', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const token = await signIn(c.caseNumber, applicant.idNumber, phone);
    const res = await t.request('POST', `/api/v1/party/cases/${c.id}/clues`, {
      headers: portal(token),
      body: {
        text: '线索',
        attachments: [
          { name: 'x.png', contentType: 'image/png', dataBase64: Buffer.from('<svg/>').toString('base64') },
        ],
      },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details[0].path, 'attachments.0.dataBase64');
    const [row] = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from disclosure.requests where case_id = ${c.id}::uuid`,
    );
    assert.equal(row?.n, 0);
  });

  test('a message and an application become tasks on the team’s to-do with their due dates', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const token = await signIn(c.caseNumber, applicant.idNumber, phone);
    const message = await t.request('POST', `/api/v1/party/cases/${c.id}/messages`, {
      headers: portal(token),
      body: { text: '请问何时发放执行款？' },
    });
    assert.equal(message.status, 201);
    const applied = await t.request('POST', `/api/v1/party/cases/${c.id}/applications`, {
      headers: portal(token),
      body: { kind: 'dishonestListing', text: '被执行人有能力履行而拒不履行，申请纳入失信名单。' },
    });
    assert.equal(applied.status, 201);
    const inbox = await t.request('GET', '/api/v1/party-requests/inbox', { token: judge });
    assert.equal(inbox.status, 200);
    const ids = inbox.body.items.map((i: { id: string }) => i.id);
    assert.ok(ids.includes(message.body.id) && ids.includes(applied.body.id));
    const kinds = await t.request('GET', `/api/v1/cases/${c.id}/party-requests`, { token: judge });
    assert.deepEqual(
      kinds.body.items.map((i: { kind: string }) => i.kind),
      ['message', 'dishonestListing'],
    );
  });

  test('a key node reaches the applicant in the portal and by SMS', async () => {
    const phone = aMobile();
    const applicant = aPerson({ phone });
    const c = await fileCase(applicant);
    const token = await signIn(c.caseNumber, applicant.idNumber, phone);
    const node = await t.request('POST', `/api/v1/cases/${c.id}/nodes`, {
      token: judge,
      body: { kind: 'enforcementNoticeSent', note: '' },
    });
    assert.equal(node.status, 201, JSON.stringify(node.body));
    const notices = await waitFor(async () => {
      const res = await t.request('GET', '/api/v1/party/notices', { headers: portal(token) });
      return res.body.items.length > 0 ? res.body : null;
    }, 'the in-app notice');
    assert.equal(notices.unread, 1);
    assert.match(notices.items[0].text, /执行通知书/);
    await waitFor(async () => (await smsTo(phone)).some((m) => m.includes('执行通知书')), 'the SMS');
    const log = await t.request('GET', `/api/v1/party/cases/${c.id}/deliveries`, { headers: portal(token) });
    assert.ok(log.body.items.some((d: { channel: string }) => d.channel === 'sms'));
    assert.ok(log.body.items.every((d: { text: string }) => !d.text.includes('验证码')));
  });
});

describe('lawyers', () => {
  test('a lawyer registered by the court sees the cases of the parties who named them', async () => {
    const admin = await t.login('admin');
    const licenceNumber = `1330120181${String(1_000_000 + serial++).slice(-7)}`;
    const registered = await t.request('POST', '/api/v1/lawyers', {
      token: admin,
      body: {
        name: '测试律师',
        lawFirm: '测试律师事务所',
        licenceNumber,
        phone: '13900009999',
        password: 'lawyer-pass-123',
      },
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const c = await fileCase(
      aPerson({
        agents: [
          { name: '测试律师', kind: 'lawyer', lawFirm: '测试律师事务所', licenseNumber: licenceNumber },
        ],
      }),
    );
    await fileCase(aPerson());
    const wrong = await t.request('POST', '/api/v1/lawyer/login', {
      body: { licenceNumber, password: 'nope' },
    });
    assert.equal(wrong.status, 401);
    const login = await t.request('POST', '/api/v1/lawyer/login', {
      body: { licenceNumber, password: 'lawyer-pass-123' },
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const list = await t.request('GET', '/api/v1/party/cases', { headers: portal(login.body.token) });
    assert.deepEqual(
      list.body.items.map((i: { id: string; role: string }) => [i.id, i.role]),
      [[c.id, 'lawyer']],
    );
  });
});
