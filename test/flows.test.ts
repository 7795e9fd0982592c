import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { inquiryCaseNodes } from '../src/flows/inquiry-case-nodes.ts';
import { caseInquiryCompleted, measureTookEffect } from '../src/modules/inquiry/index.ts';
import { clock } from '../src/platform/clock.ts';
import { defineSubscriber, type EventHandler, on, publishEvent } from '../src/platform/events.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The inquiry → cases flow is one outbox subscriber: the node is written in the delivery's
 * transaction, keyed by what caused it. A crash after the node is written and before the delivery
 * is marked leaves nothing behind; redelivering an event records nothing twice.
 */
const logger = createLogger('silent');
let t: TestApp;
let judgeId: string;

before(async () => {
  t = await startTestApp();
  const me = await t.request('GET', '/api/v1/auth/me', { token: await t.login('xihu.judge') });
  judgeId = me.body.user.id;
});
after(() => t.close());

async function fileCase(): Promise<string> {
  const res = await t.request('POST', '/api/v1/cases', {
    token: await t.login('xihu.judge'),
    body: aCaseBody(),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function nodesOf(caseId: string, kind: string): Promise<number> {
  const rows = await t.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from cases.nodes where case_id = ${caseId}::uuid and kind = ${kind}`,
  );
  return rows[0]?.n ?? 0;
}

async function announceInquiryDone(caseId: string, caseInquiryId: string): Promise<void> {
  await publishEvent(
    t.database.db,
    caseInquiryCompleted,
    {
      caseInquiryId,
      caseId,
      kind: 'case',
      requestedBy: judgeId,
      answeredCount: 26,
      foundCount: 3,
      completedOn: clock.today(),
    },
    { aggregateId: caseId },
  );
}

/** The flow as a worker that dies after the node is written, before its transaction commits. */
const crashing = defineSubscriber(
  inquiryCaseNodes.name,
  ...inquiryCaseNodes.handlers.map(
    (h): EventHandler => ({
      event: h.event,
      async handle(tx, payload, meta) {
        await h.handle(tx, payload, meta);
        throw new Error('worker died before commit');
      },
    }),
  ),
);

test('a crash between writing the node and marking the delivery leaves no node; the retry records one', async () => {
  const caseId = await fileCase();
  await announceInquiryDone(caseId, randomUUID());
  await createOutboxDispatcher(t.database, [crashing], logger).runOnce();
  assert.equal(await nodesOf(caseId, 'onlineInquiryDone'), 0, 'the crashed delivery wrote nothing');
  const [pending] = await t.database.db.execute<{ state: string; attempts: number }>(
    sql`select d.state, d.attempts from platform.outbox_deliveries d join platform.outbox_events e on e.id = d.event_id
      where e.aggregate_id = ${caseId} and d.subscriber = ${inquiryCaseNodes.name}`,
  );
  assert.equal(pending?.state, 'pending');
  assert.equal(pending?.attempts, 1);
  // The retry is due after its back-off; make it due now rather than wait.
  await t.database.db.execute(sql`update platform.outbox_deliveries set next_attempt_at = now()
    where subscriber = ${inquiryCaseNodes.name} and state = 'pending'`);
  await createOutboxDispatcher(t.database, [inquiryCaseNodes], logger).runOnce();
  assert.equal(await nodesOf(caseId, 'onlineInquiryDone'), 1);
});

test('the same event delivered again (or published twice) records its node once', async () => {
  const caseId = await fileCase();
  const caseInquiryId = randomUUID();
  await announceInquiryDone(caseId, caseInquiryId);
  await announceInquiryDone(caseId, caseInquiryId);
  const measureId = randomUUID();
  for (let i = 0; i < 2; i++) {
    await publishEvent(
      t.database.db,
      measureTookEffect,
      {
        measureId,
        caseId,
        kind: 'freeze',
        state: 'inForce',
        requestedBy: judgeId,
        documentName: '协助冻结存款通知书',
      },
      { aggregateId: caseId },
    );
  }
  const dispatcher = createOutboxDispatcher(t.database, [inquiryCaseNodes], logger);
  await dispatcher.runOnce();
  // At-least-once delivery: the deliveries are made pending again and run once more.
  await t.database.db.execute(sql`update platform.outbox_deliveries set state = 'pending', next_attempt_at = now()
    where subscriber = ${inquiryCaseNodes.name}`);
  await dispatcher.runOnce();
  assert.equal(await nodesOf(caseId, 'onlineInquiryDone'), 1);
  assert.equal(await nodesOf(caseId, 'assetControlled'), 1);
});

test('an event whose payload breaks its schema is refused when published and never delivered', async () => {
  const caseId = await fileCase();
  await assert.rejects(
    publishEvent(t.database.db, caseInquiryCompleted, {
      caseInquiryId: 'not-a-uuid',
      caseId,
      kind: 'case',
      requestedBy: judgeId,
      answeredCount: -1,
      foundCount: 0,
      completedOn: '2026-13-01',
    }),
    /invalid payload/,
  );
  const rows = await t.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from platform.outbox_events where aggregate_id = ${caseId} and event_type = 'inquiry.case-inquiry-completed'`,
  );
  assert.equal(rows[0]?.n, 0);
});

test('a stored payload that no longer matches the schema is parked, not handed to the subscriber', async () => {
  const caseId = await fileCase();
  await t.database.db.execute(sql`insert into platform.outbox_events (event_type, aggregate_id, payload)
    values ('inquiry.case-inquiry-completed', ${caseId}, ${JSON.stringify({ caseId })}::jsonb)`);
  const seen: string[] = [];
  const spy = defineSubscriber(
    'test.spy',
    on(caseInquiryCompleted, async (_tx, p) => {
      seen.push(p.caseId);
    }),
  );
  await createOutboxDispatcher(t.database, [spy], logger).runOnce();
  assert.deepEqual(seen, []);
  const [delivery] = await t.database.db.execute<{ state: string; last_error: string }>(
    sql`select state, last_error from platform.outbox_deliveries where subscriber = 'test.spy'`,
  );
  assert.equal(delivery?.state, 'pending');
  assert.match(delivery?.last_error ?? '', /does not match its schema/);
});
