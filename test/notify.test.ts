import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { queueInApp, queueSms } from '../src/modules/notify/index.ts';
import { allJobs } from '../src/modules.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db.ts';
import { type AnyJobDefinition, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { protocolHeaders, signHeaders } from '../src/platform/signed-http.ts';
import { type Simulator, smsKey, startSimulator, ZSmsOutboxSchema } from '../src/sim/index.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The notify module against the real PostgreSQL and the simulated SMS gateway over HTTP
 * (docs/protocols/sms.md): an SMS is queued once per key inside the caller's transaction and sent
 * once however often its job runs — twice, after a crash between the call and its record, after
 * 503s — a 409 fails it, a wrong number fails it without failing the caller; the inbox is each
 * user's own; a case's delivery log masks phone numbers outside the case team.
 */
const secret = 'notify-test-secret';
const adminToken = 'notify-test-admin-token';
const logger = createLogger('silent');

let t: TestApp;
let sim: Simulator;
let config: ReturnType<typeof loadConfig>;
let sendJob: AnyJobDefinition;
let serial = 0;

before(async () => {
  // The simulator listens on loopback: allow-listed, as a deployment lists its gateway.
  allowPrivateHosts(['127.0.0.1']);
  t = await startTestApp();
  sim = await startSimulator({ secret, adminToken });
  config = loadConfig({
    ZHIXING_LOG_LEVEL: 'silent',
    ZHIXING_DATA_DIR: t.dataDir,
    ZHIXING_SIM_URL: sim.url,
    ZHIXING_SIM_SECRET: secret,
  });
  const found = allJobs().find((j) => j.name === 'notify.send-sms');
  assert.ok(found, 'notify.send-sms is among the jobs');
  sendJob = found;
});
after(async () => {
  await sim?.close();
  await t?.close();
});

function aKey(prefix = 'test.sms'): string {
  serial += 1;
  return `${prefix}:${serial}-${Date.now()}`;
}

/** A mobile number of its own per test: the gateway's outbox is read by number. */
function aMobile(): string {
  serial += 1;
  return `139${String(10_000_000 + serial * 7919).slice(-8)}`;
}

async function queue(input: Partial<Parameters<typeof queueSms>[1]> = {}) {
  return t.appDatabase.db.transaction((tx) =>
    queueSms(tx, {
      dedupeKey: aKey(),
      to: aMobile(),
      text: '【执行】执行款已到账。',
      kind: 'funds.arrived',
      ...input,
    }),
  );
}

type MessageRow = {
  state: string;
  attempts: number;
  recipient: string;
  lastError: string | null;
  sentAt: Date | null;
};

async function messageOf(id: string): Promise<MessageRow> {
  const [row] = await t.database.sql<MessageRow[]>`
    select state, attempts, recipient, last_error as "lastError", sent_at as "sentAt"
    from notify.messages where id = ${id}`;
  assert.ok(row, `message ${id}`);
  return row;
}

async function deliveriesOf(id: string) {
  const rows = await t.database.sql<{ attempt: number; outcome: string; httpStatus: number | null }[]>`
    select attempt, outcome, http_status as "httpStatus" from notify.deliveries
    where message_id = ${id} order by id`;
  return [...rows];
}

/** Runs the send job's handler once, as a worker would. */
function runSend(messageId: string, opts: { database?: Database; withConfig?: boolean } = {}) {
  return sendJob.handle(
    {
      database: opts.database ?? t.appDatabase,
      logger,
      ...(opts.withConfig === false ? {} : { config }),
    },
    { messageId },
  );
}

/** The SMS the gateway took for a number (its outbox). */
async function outboxOf(to: string): Promise<{ messageId: string; text: string }[]> {
  const res = await fetch(`${sim.url}/sim/sms?to=${to}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  assert.equal(res.status, 200);
  const body = ZSmsOutboxSchema.parse(await res.json());
  return body.items.map((i) => ({ messageId: i.messageId, text: i.text }));
}

async function setGatewayFailureRate(failureRate: number): Promise<void> {
  const res = await fetch(`${sim.url}/sim/sms/knobs`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ failureRate }),
  });
  assert.equal(res.status, 200);
}

/** Sends to the gateway directly, signed as Zhixing signs. */
async function postToGateway(message: { messageId: string; to: string; text: string }): Promise<number> {
  const url = new URL(`${sim.smsUrl}/v1/messages`);
  const body = JSON.stringify(message);
  const headers = signHeaders({
    institution: 'smsgw',
    key: smsKey(secret),
    method: 'POST',
    path: url.pathname,
    body,
    now: Date.now(),
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      [protocolHeaders.idempotencyKey]: message.messageId,
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** The database of a worker that dies right after the gateway answered, before recording it. */
function dyingAfterTheCall(database: Database): Database {
  let transactions = 0;
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver);
      const transaction: typeof target.transaction = (work, config) => {
        transactions += 1;
        if (transactions === 2) return Promise.reject(new Error('the worker died after the call'));
        return target.transaction(work, config);
      };
      return transaction;
    },
  });
  return { ...database, db };
}

describe('queueing an SMS', () => {
  test('queues once per dedupe key, with its send job, inside the caller’s transaction', async () => {
    const dedupeKey = aKey('funds.arrival');
    const to = aMobile();
    const first = await queue({ dedupeKey, to });
    const again = await queue({ dedupeKey, to, text: '另一条' });
    assert.equal(first.isNew, true);
    assert.deepEqual(again, { id: first.id, isNew: false });
    const rows = await t.database.sql`select id from notify.messages where dedupe_key = ${dedupeKey}`;
    assert.equal(rows.length, 1);
    const jobs = await t.database
      .sql`select id from pgboss.job where name = 'notify.send-sms' and id = ${first.id}`;
    assert.equal(jobs.length, 1, 'the send job carries the message’s id');
    assert.equal((await messageOf(first.id)).state, 'queued');

    const rolledBack = aKey();
    await assert.rejects(
      t.appDatabase.db.transaction(async (tx) => {
        await queueSms(tx, { dedupeKey: rolledBack, to, text: '不会发出', kind: 'funds.arrived' });
        throw new Error('the caller’s booking failed');
      }),
      /booking failed/,
    );
    const none = await t.database.sql`select 1 from notify.messages where dedupe_key = ${rolledBack}`;
    assert.equal(none.length, 0);
  });

  test('an urgent SMS (a sign-in code) is fetched before every notice queued ahead of it', async () => {
    const notices = [await queue(), await queue(), await queue()];
    const code = await queue({ text: '【执行】验证码123456', kind: 'disclosure.loginCode', isUrgent: true });
    const ids = `{${[...notices.map((n) => n.id), code.id].join(',')}}`;
    // The order a worker fetches in (pg-boss: priority, then age) puts the code first.
    const order = await t.database.sql<{ id: string }[]>`
      select id from pgboss.job where name = 'notify.send-sms' and id = any(${ids}::uuid[])
      order by priority desc, created_on, id`;
    assert.equal(order[0]?.id, code.id);
    assert.deepEqual(new Set(order.slice(1).map((r) => r.id)), new Set(notices.map((n) => n.id)));
  });

  test('a wrong or missing phone number is recorded as failed, and the caller’s transaction stands', async () => {
    const wrong = await queue({ to: '0571-88886666' });
    const missing = await queue({ to: null });
    for (const [{ id }, reason] of [
      [wrong, /invalid phone number/],
      [missing, /no phone number/],
    ] as const) {
      const m = await messageOf(id);
      assert.equal(m.state, 'failed');
      assert.match(m.lastError ?? '', reason);
      const jobs = await t.database.sql`select 1 from pgboss.job where id = ${id}`;
      assert.equal(jobs.length, 0, 'nothing to send');
    }
    assert.equal((await messageOf(wrong.id)).recipient, '0571-88886666');
    // A number as clerks type it is the mobile number.
    const typed = await queue({ to: '+86 139-0000-1111' });
    assert.equal((await messageOf(typed.id)).recipient, '13900001111');
  });

  test('a malformed kind or text is the caller’s bug, and throws', async () => {
    await assert.rejects(queue({ kind: 'Funds Arrived' }));
    await assert.rejects(queue({ text: '' }));
    await assert.rejects(queue({ text: '长'.repeat(501) }));
  });
});

describe('sending an SMS', () => {
  test('is one SMS at the gateway however often the job runs', async () => {
    const to = aMobile();
    const { id } = await queue({ to });
    await runSend(id);
    await runSend(id);
    const m = await messageOf(id);
    assert.equal(m.state, 'sent');
    assert.equal(m.attempts, 1, 'a sent message is not tried again');
    assert.ok(m.sentAt);
    assert.deepEqual(await outboxOf(to), [{ messageId: id, text: '【执行】执行款已到账。' }]);
    assert.deepEqual(await deliveriesOf(id), [{ attempt: 1, outcome: 'accepted', httpStatus: 202 }]);

    // Two workers at once (a resumed job beside the first): still one SMS.
    const other = aMobile();
    const second = await queue({ to: other });
    await Promise.all([runSend(second.id), runSend(second.id)]);
    assert.equal((await messageOf(second.id)).state, 'sent');
    assert.equal((await outboxOf(other)).length, 1);
  });

  test('a worker killed between the call and its record: the rerun sends nothing twice', async () => {
    const to = aMobile();
    const { id } = await queue({ to });
    await assert.rejects(runSend(id, { database: dyingAfterTheCall(t.appDatabase) }), /died/);
    const during = await messageOf(id);
    assert.equal(during.state, 'sending', 'the attempt was recorded before the call');
    assert.equal(during.attempts, 1);
    assert.equal((await outboxOf(to)).length, 1, 'the gateway has it');

    await runSend(id);
    assert.equal((await messageOf(id)).state, 'sent');
    assert.equal(
      (await outboxOf(to)).length,
      1,
      'asked again under the same id, the gateway sent nothing more',
    );
    assert.deepEqual(await deliveriesOf(id), [
      { attempt: 1, outcome: 'interrupted', httpStatus: null },
      { attempt: 2, outcome: 'accepted', httpStatus: 202 },
    ]);
  });

  test('a gateway answering 503 is retried until it accepts', async () => {
    const to = aMobile();
    const { id } = await queue({ to });
    await setGatewayFailureRate(1);
    try {
      await assert.rejects(runSend(id), /not sent yet/, 'the job throws, so pg-boss retries it');
      await assert.rejects(runSend(id), /not sent yet/);
      const waiting = await messageOf(id);
      assert.equal(waiting.state, 'queued');
      assert.equal(waiting.attempts, 2);
      assert.match(waiting.lastError ?? '', /503/);
    } finally {
      await setGatewayFailureRate(0);
    }
    await runSend(id);
    assert.equal((await messageOf(id)).state, 'sent');
    assert.equal((await outboxOf(to)).length, 1);
    assert.deepEqual(
      (await deliveriesOf(id)).map((d) => [d.outcome, d.httpStatus]),
      [
        ['unavailable', 503],
        ['unavailable', 503],
        ['accepted', 202],
      ],
    );
  });

  test('after the last attempt the message is failed, and the job stops', async () => {
    const { id } = await queue();
    await t.database.sql`update notify.messages set attempts = 8 where id = ${id}`;
    await setGatewayFailureRate(1);
    try {
      await runSend(id);
    } finally {
      await setGatewayFailureRate(0);
    }
    const m = await messageOf(id);
    assert.equal(m.state, 'failed');
    assert.equal(m.attempts, 9);
    assert.match(m.lastError ?? '', /after 9 attempts/);
    await runSend(id);
    assert.equal((await messageOf(id)).attempts, 9, 'a failed message is not tried again');
  });

  test('409 (the id was used for another text) fails the message without retrying', async () => {
    const to = aMobile();
    const { id } = await queue({ to });
    assert.equal(await postToGateway({ messageId: id, to, text: '另一条短信' }), 202);
    await runSend(id);
    const m = await messageOf(id);
    assert.equal(m.state, 'failed');
    assert.match(m.lastError ?? '', /409/);
    assert.deepEqual(await deliveriesOf(id), [{ attempt: 1, outcome: 'rejected', httpStatus: 409 }]);
    assert.deepEqual(await outboxOf(to), [{ messageId: id, text: '另一条短信' }]);
  });

  test('without a gateway configured the message waits, nothing spent, and is sent once there is one', async () => {
    const to = aMobile();
    const { id } = await queue({ to });
    await assert.rejects(runSend(id, { withConfig: false }), /not sent yet/);
    const waiting = await messageOf(id);
    assert.equal(waiting.state, 'queued');
    assert.equal(waiting.attempts, 0);
    assert.match(waiting.lastError ?? '', /no SMS gateway/);
    await runSend(id);
    assert.equal((await messageOf(id)).state, 'sent');
    assert.equal((await outboxOf(to)).length, 1);
  });

  test('an SMS whose job was lost is given one again, once however many workers sweep', async () => {
    const resume = allJobs().find((j) => j.name === 'notify.resume-sms');
    assert.ok(resume);
    const { id } = await queue();
    // Its job's retries spent while no gateway was configured, two hours ago.
    await t.database.sql`delete from pgboss.job where id = ${id}`;
    await t.database.sql`update notify.messages set updated_at = now() - interval '3 hours' where id = ${id}`;
    const sweep = () =>
      resume.handle({ database: t.appDatabase, logger }, { slot: new Date().toISOString() });
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const jobs = await t.database.sql`
      select id from pgboss.job where name = 'notify.send-sms' and data->>'messageId' = ${id}`;
    assert.equal(jobs.length, 1);
    await runSend(id);
    assert.equal((await messageOf(id)).state, 'sent');
  });

  test('the worker sends a queued SMS through the job queue', async () => {
    const runner = await startJobRunner({
      database: t.appDatabase,
      logger,
      jobs: allJobs().filter((j) => j.name.startsWith('notify.')),
      expireSeconds: 30,
      pollingIntervalSeconds: 0.5,
      config,
    });
    try {
      const to = aMobile();
      const { id } = await queue({ to });
      for (let i = 0; i < 100 && (await messageOf(id)).state !== 'sent'; i++)
        await new Promise((r) => setTimeout(r, 200));
      assert.equal((await messageOf(id)).state, 'sent');
      assert.equal((await outboxOf(to)).length, 1);
    } finally {
      await runner.stop();
    }
  });
});

describe('the inbox', () => {
  test('shows each user only their own messages, newest first, and marks them read', async () => {
    const judge = await t.login('xihu.judge');
    const assistant = await t.login('xihu.assistant');
    const me = await t.request('GET', '/api/v1/auth/me', { token: judge });
    const mate = await t.request('GET', '/api/v1/auth/me', { token: assistant });
    const judgeId: string = me.body.user.id;
    const assistantId: string = mate.body.user.id;
    const dedupeKey = aKey('funds.arrival');
    const queued = await t.appDatabase.db.transaction(async (tx) => {
      const both = await queueInApp(tx, {
        dedupeKey,
        userIds: [judgeId, assistantId],
        title: '执行款到账',
        body: '案件执行款 1,000.00 元已到账。',
        kind: 'funds.arrived',
      });
      const later = await queueInApp(tx, {
        dedupeKey: aKey('funds.payout'),
        userIds: [judgeId],
        title: '执行款已发放',
        body: '已发放给申请执行人。',
        kind: 'funds.paidOut',
      });
      return [...both, ...later];
    });
    assert.equal(queued.length, 3);
    const replay = await t.appDatabase.db.transaction((tx) =>
      queueInApp(tx, {
        dedupeKey,
        userIds: [judgeId],
        title: '执行款到账',
        body: '重放',
        kind: 'funds.arrived',
      }),
    );
    assert.deepEqual(
      replay.map((r) => r.isNew),
      [false],
    );
    assert.equal(replay[0]?.id, queued[0]?.id);

    const inbox = await t.request('GET', '/api/v1/notify/inbox', { token: judge });
    assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
    assert.deepEqual(
      inbox.body.items.map((i: { title: string }) => i.title),
      ['执行款已发放', '执行款到账'],
    );
    assert.equal(inbox.body.unread, 2);
    assert.equal(inbox.body.nextCursor, null);

    const page = await t.request('GET', '/api/v1/notify/inbox?limit=1', { token: judge });
    assert.equal(page.body.items.length, 1);
    assert.ok(page.body.nextCursor);
    const next = await t.request('GET', `/api/v1/notify/inbox?limit=1&cursor=${page.body.nextCursor}`, {
      token: judge,
    });
    assert.equal(next.body.items[0].title, '执行款到账');

    const theirs = queued.find((q) => q.userId === assistantId);
    const newest = inbox.body.items[0].id;
    assert.ok(theirs);
    const read = await t.request('POST', '/api/v1/notify/inbox/read', {
      token: judge,
      body: { ids: [newest, theirs.id] },
    });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(read.body, { read: 1 }, 'another user’s message is not marked');
    const unread = await t.request('GET', '/api/v1/notify/inbox?unreadOnly=true', { token: judge });
    assert.deepEqual(
      unread.body.items.map((i: { title: string }) => i.title),
      ['执行款到账'],
    );
    assert.equal(unread.body.unread, 1);
    const theirInbox = await t.request('GET', '/api/v1/notify/inbox', { token: assistant });
    assert.equal(theirInbox.body.unread, 1);
    assert.equal(theirInbox.body.items[0].readAt, null);

    const noSession = await t.request('GET', '/api/v1/notify/inbox');
    assert.equal(noSession.status, 401);
  });
});

describe('a case’s delivery log', () => {
  test('shows phone numbers whole to the team, masked to others in scope, and nothing outside the scope', async () => {
    const judge = await t.login('xihu.judge');
    const filed = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const caseId: string = filed.body.id;
    const to = aMobile();
    const { id } = await queue({ to, caseId, kind: 'funds.arrived' });
    await runSend(id);
    const url = `/api/v1/cases/${caseId}/notifications`;

    const team = await t.request('GET', url, { token: judge });
    assert.equal(team.status, 200, JSON.stringify(team.body));
    const [item] = team.body.items;
    assert.equal(item.to, to);
    assert.equal(item.state, 'sent');
    assert.equal(item.channel, 'sms');
    assert.deepEqual(
      item.deliveries.map((d: { outcome: string; httpStatus: number }) => [d.outcome, d.httpStatus]),
      [['accepted', 202]],
    );
    const audited = await t.database.sql`select 1 from audit.records
      where action = 'notify.case.personal-data.read' and object_id = ${caseId}`;
    assert.equal(audited.length, 1, 'the team’s read of phone numbers is audited');

    for (const username of ['xihu.judge2', 'hz.command']) {
      const other = await t.request('GET', url, { token: await t.login(username) });
      assert.equal(other.status, 200, `${username}: ${JSON.stringify(other.body)}`);
      assert.equal(other.body.items[0].to, `${to.slice(0, 3)}****${to.slice(-4)}`, username);
    }
    const outside = await t.request('GET', url, { token: await t.login('shangcheng.judge') });
    assert.equal(outside.status, 404);
    const unknown = await t.request(
      'GET',
      '/api/v1/cases/00000000-0000-4000-8000-000000000000/notifications',
      {
        token: judge,
      },
    );
    assert.equal(unknown.status, 404);
  });
});
