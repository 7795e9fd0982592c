import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createAdminCaller, createSignedCaller } from '../bank/test-support.ts';
import { ZErrorSchema } from '../contracts.ts';
import { type Simulator, startSimulator } from '../simulator.ts';
import { SMS_CODE, smsKey, ZSmsAcceptedSchema, ZSmsMessageSchema, ZSmsOutboxSchema } from './contracts.ts';

const secret = 'sms-test-secret';
const key = smsKey(secret);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-sms-'));
const journalPath = path.join(dir, 'journal.jsonl');

let sim: Simulator;
let call: ReturnType<typeof createSignedCaller>;
let admin: ReturnType<typeof createAdminCaller>;

const send = (body: { messageId: string; to?: string; text?: string }, idempotencyKey = body.messageId) =>
  call('/v1/messages', { body, idempotencyKey });
const outboxOf = async (to: string) => ZSmsOutboxSchema.parse((await admin(`/sim/sms?to=${to}`)).json).items;
const errorOf = (json: unknown) => ZErrorSchema.parse(json).error;

before(async () => {
  sim = await startSimulator({ secret, journalPath, adminToken: 'sms-admin' });
  call = createSignedCaller(sim.smsUrl, SMS_CODE, key);
  admin = createAdminCaller(sim);
});

after(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SMS gateway', () => {
  it('keeps a message once under its id, however often it is sent; another body is a conflict', async () => {
    const body = { messageId: 'SMS-1', to: '13800138000', text: '【执行】您的案件已立案。' };
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(body)));
    for (const a of answers) {
      assert.equal(a.status, 202);
      assert.deepEqual(ZSmsAcceptedSchema.parse(a.json), { messageId: 'SMS-1', status: 'accepted' });
    }
    const items = await outboxOf('13800138000');
    assert.deepEqual(
      items.map((i) => [i.messageId, i.text]),
      [['SMS-1', body.text]],
    );
    const polled = ZSmsMessageSchema.parse((await call('/v1/messages/SMS-1')).json);
    assert.equal(polled.status, 'delivered');
    assert.equal(polled.to, '13800138000');
    const other = await send({ ...body, text: '另一条' });
    assert.equal(other.status, 409);
    assert.equal((await call('/v1/messages/SMS-NONE')).status, 404);
  });

  it('lists the messages to a number, newest last', async () => {
    for (const n of [1, 2, 3]) {
      assert.equal(
        (await send({ messageId: `SMS-LIST-${n}`, to: '13900139000', text: `第${n}条` })).status,
        202,
      );
    }
    assert.deepEqual(
      (await outboxOf('13900139000')).map((i) => i.messageId),
      ['SMS-LIST-1', 'SMS-LIST-2', 'SMS-LIST-3'],
    );
    assert.equal((await admin('/sim/sms?to=12345')).status, 400);
    assert.equal((await fetch(`${sim.url}/sim/sms?to=13900139000`)).status, 401);
  });

  it('refuses numbers that are not mainland mobiles, empty or long texts, and a mismatched key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 14 }).filter((s) => !/^1[3-9]\d{9}$/.test(s)),
        async (to) => {
          const res = await send({ messageId: 'SMS-BAD-TO', to, text: 'x' });
          assert.equal(res.status, 400);
          assert.equal(errorOf(res.json).details?.[0]?.path, 'to');
        },
      ),
      { numRuns: 25 },
    );
    const empty = await send({ messageId: 'SMS-BAD-TEXT', to: '13800138000', text: '' });
    assert.equal(errorOf(empty.json).details?.[0]?.path, 'text');
    const long = await send({ messageId: 'SMS-BAD-TEXT', to: '13800138000', text: '字'.repeat(501) });
    assert.equal(errorOf(long.json).details?.[0]?.path, 'text');
    const mismatch = await send({ messageId: 'SMS-KEY', to: '13800138000', text: 'x' }, 'SMS-OTHER');
    assert.equal(errorOf(mismatch.json).details?.[0]?.path, 'idempotency-key');
  });

  it('answers 503 as the failure knob says, keeping nothing', async () => {
    assert.equal((await admin('/sim/sms/knobs', 'PUT', { failureRate: 1 })).status, 200);
    const refused = await send({ messageId: 'SMS-503', to: '13700137000', text: 'x' });
    assert.equal(refused.status, 503);
    assert.equal((await admin('/sim/sms/knobs', 'PUT', { failureRate: 0 })).status, 200);
    assert.deepEqual(await outboxOf('13700137000'), []);
    assert.equal((await send({ messageId: 'SMS-503', to: '13700137000', text: 'x' })).status, 202);
  });

  it('refuses a bad signature and a stale timestamp', async () => {
    assert.equal((await call('/v1/messages/SMS-1', { key: smsKey('another secret') })).status, 401);
    assert.equal((await call('/v1/messages/SMS-1', { now: Date.now() - 6 * 60_000 })).status, 401);
  });

  it('keeps the messages across a restart', async () => {
    await sim.close();
    sim = await startSimulator({ secret, journalPath, adminToken: 'sms-admin' });
    call = createSignedCaller(sim.smsUrl, SMS_CODE, key);
    admin = createAdminCaller(sim);
    assert.deepEqual(
      (await outboxOf('13900139000')).map((i) => i.messageId),
      ['SMS-LIST-1', 'SMS-LIST-2', 'SMS-LIST-3'],
    );
    assert.equal((await send({ messageId: 'SMS-1', to: '13800138000', text: '另一条' })).status, 409);
  });
});
