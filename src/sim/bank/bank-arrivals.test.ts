import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { caseAccountNumber } from '../../kernel/index.ts';
import { ZErrorSchema } from '../contracts.ts';
import { type Simulator, startSimulator } from '../simulator.ts';
import { BANK_CODE, BankErrorCode, bankKey, ZBankAccountsSchema } from './contracts.ts';
import {
  createAdminCaller,
  createSignedCaller,
  eventually,
  type NotificationReceiver,
  startNotificationReceiver,
} from './test-support.ts';

const secret = 'bank-arrivals-secret';
const key = bankKey(secret);
const COURT = '330106100001';
const OTHER_COURT = '330106100002';

let sim: Simulator;
let receiver: NotificationReceiver;
let call: ReturnType<typeof createSignedCaller>;
let admin: ReturnType<typeof createAdminCaller>;

const balanceOf = async (account: string): Promise<number | undefined> => {
  const { accounts } = ZBankAccountsSchema.parse((await admin('/sim/bank/accounts')).json);
  return accounts.find((a) => a.account === account)?.balanceFen;
};
const arrivalsOf = (serial: string) => receiver.arrivals().filter((a) => a.serial === serial);
const errorOf = (json: unknown) => ZErrorSchema.parse(json).error;

before(async () => {
  sim = await startSimulator({
    secret,
    bank: { knobs: { settleLatencyMs: 5 }, notify: { baseDelayMs: 20, maxDelayMs: 200 } },
  });
  receiver = await startNotificationReceiver(key);
  call = createSignedCaller(sim.bankUrl, BANK_CODE, key);
  admin = createAdminCaller(sim);
  const subscribed = await call('/v1/subscription', {
    method: 'PUT',
    body: { notifyBaseUrl: receiver.url, accounts: [COURT, OTHER_COURT] },
  });
  assert.equal(subscribed.status, 200);
  assert.deepEqual(subscribed.json, { accounts: 2 });
});

after(async () => {
  await sim.close();
  await receiver.close();
});

describe('court bank: arrivals', () => {
  it('subscribing again changes nothing; a bad account is refused naming the field', async () => {
    const again = await call('/v1/subscription', {
      method: 'PUT',
      body: { notifyBaseUrl: receiver.url, accounts: [COURT] },
    });
    assert.deepEqual(again.json, { accounts: 2 });
    const bad = await call('/v1/subscription', {
      method: 'PUT',
      body: { notifyBaseUrl: receiver.url, accounts: ['1234'] },
    });
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad.json).details?.[0]?.path, 'accounts.0');
    const many = Array.from({ length: 10_000 }, (_, i) => String(440000000000 + i));
    const large = await call('/v1/subscription', {
      method: 'PUT',
      body: { notifyBaseUrl: receiver.url, accounts: many },
    });
    assert.equal(large.status, 200, large.text);
    assert.deepEqual(large.json, { accounts: 10_002 });
    const tooMany = await call('/v1/subscription', {
      method: 'PUT',
      body: { notifyBaseUrl: receiver.url, accounts: [...many, '450000000000'] },
    });
    assert.equal(tooMany.status, 400);
  });

  it('notifies a payment into a case account, signed, with the account as the payer wrote it', async () => {
    const written = caseAccountNumber(COURT, 34).replace(/(\d{4})(?=\d)/g, '$1 ');
    const paid = await admin('/sim/bank/transfers', 'POST', {
      toAccount: written,
      amountFen: 12_345,
      payerName: '张三',
    });
    assert.equal(paid.status, 202);
    const { serial } = z.object({ serial: z.string() }).parse(paid.json);
    const [arrival] = await eventually(
      () => (arrivalsOf(serial).length > 0 ? arrivalsOf(serial) : undefined),
      serial,
    );
    assert.equal(arrival?.toAccount, written);
    assert.equal(arrival?.amountFen, 12_345);
    assert.equal(arrival?.payerName, '张三');
    assert.match(arrival?.payerAccount ?? '', /^\d{19}$/);
    assert.ok(receiver.deliveries.every((d) => d.isSigned));
    assert.equal(await balanceOf(COURT), 12_345);
    assert.equal(await balanceOf(OTHER_COURT), 0);
  });

  it('notifies a repeated serial again but credits it once; a repeat naming another amount is a conflict', async () => {
    const toAccount = caseAccountNumber(OTHER_COURT, 7);
    const transfer = { toAccount, amountFen: 500, payerName: '李四', serial: 'S-REPEAT-1' };
    assert.equal((await admin('/sim/bank/transfers', 'POST', transfer)).status, 202);
    await eventually(() => (arrivalsOf('S-REPEAT-1').length === 1 ? true : undefined), 'first notice');
    const repeat = await admin('/sim/bank/transfers', 'POST', transfer);
    assert.equal(repeat.status, 202);
    assert.deepEqual(repeat.json, { serial: 'S-REPEAT-1' });
    await eventually(() => (arrivalsOf('S-REPEAT-1').length === 2 ? true : undefined), 'second notice');
    assert.equal(await balanceOf(OTHER_COURT), 500);
    const otherAmount = await admin('/sim/bank/transfers', 'POST', { ...transfer, amountFen: 501 });
    assert.equal(otherAmount.status, 409);
    const otherAccount = await admin('/sim/bank/transfers', 'POST', {
      ...transfer,
      toAccount: caseAccountNumber(OTHER_COURT, 8),
    });
    assert.equal(otherAccount.status, 409);
    assert.equal(await balanceOf(OTHER_COURT), 500);
  });

  it('refuses an account outside the subscribed court accounts (404) and names bad fields (400)', async () => {
    const outside = await admin('/sim/bank/transfers', 'POST', {
      toAccount: caseAccountNumber('999999999999', 1),
      amountFen: 1,
      payerName: '王五',
    });
    assert.equal(outside.status, 404);
    assert.equal(errorOf(outside.json).code, BankErrorCode.unknownAccount);
    const negative = await admin('/sim/bank/transfers', 'POST', {
      toAccount: caseAccountNumber(COURT, 1),
      amountFen: -1,
      payerName: '王五',
    });
    assert.equal(negative.status, 400);
    assert.equal(errorOf(negative.json).details?.[0]?.path, 'amountFen');
    const nameless = await admin('/sim/bank/transfers', 'POST', {
      toAccount: caseAccountNumber(COURT, 1),
      amountFen: 1,
    });
    assert.equal(errorOf(nameless.json).details?.[0]?.path, 'payerName');
  });

  it('retries a notification until the receiver answers 2xx', async () => {
    receiver.failNext(3);
    const paid = await admin('/sim/bank/transfers', 'POST', {
      toAccount: caseAccountNumber(COURT, 99),
      amountFen: 700,
      payerName: '赵六',
      serial: 'S-RETRY-1',
    });
    assert.equal(paid.status, 202);
    await eventually(() => (arrivalsOf('S-RETRY-1').length > 0 ? true : undefined), 'delivery after retries');
    const attempts = receiver.deliveries.filter((d) => JSON.stringify(d.body).includes('S-RETRY-1'));
    assert.deepEqual(
      attempts.map((d) => d.status),
      [503, 503, 503, 204],
    );
    await eventually(async () => {
      const { pendingNotifications } = ZBankAccountsSchema.parse((await admin('/sim/bank/accounts')).json);
      return pendingNotifications === 0 ? true : undefined;
    }, 'nothing left to deliver');
  });

  it('sends notifications twice when the duplicate knob says so', async () => {
    const knobs = await admin('/sim/bank/knobs', 'PUT', { duplicateRate: 1 });
    assert.equal(knobs.status, 200);
    await admin('/sim/bank/transfers', 'POST', {
      toAccount: caseAccountNumber(COURT, 5),
      amountFen: 1,
      payerName: '钱七',
      serial: 'S-DUP-1',
    });
    await eventually(() => (arrivalsOf('S-DUP-1').length === 2 ? true : undefined), 'a copy');
    await admin('/sim/bank/knobs', 'PUT', { duplicateRate: 0 });
    assert.equal((await admin('/sim/bank/knobs', 'PUT', { duplicateRate: 2 })).status, 400);
  });

  it('refuses a bad signature, a stale timestamp, another institution and a missing admin token', async () => {
    assert.equal((await call('/v1/payments/none')).status, 404);
    assert.equal((await call('/v1/payments/none', { key: bankKey('another secret') })).status, 401);
    assert.equal((await call('/v1/payments/none', { now: Date.now() - 6 * 60_000 })).status, 401);
    const asIcbc = createSignedCaller(sim.bankUrl, 'icbc', key);
    assert.equal((await asIcbc('/v1/payments/none')).status, 401);
    const unsigned = await fetch(`${sim.bankUrl}/v1/payments/none`);
    assert.equal(unsigned.status, 401);
    assert.equal((await fetch(`${sim.url}/sim/bank/accounts`)).status, 401);
  });

  it('is described in the OpenAPI document, notifications as webhooks', async () => {
    const doc = z
      .object({
        paths: z.record(z.string(), z.record(z.string(), z.unknown())),
        webhooks: z.record(z.string(), z.unknown()),
        components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
      })
      .parse(await (await fetch(`${sim.url}/openapi.json`)).json());
    for (const p of [
      '/bank/v1/subscription',
      '/bank/v1/payments',
      '/bank/v1/payments/{instructionId}',
      '/bank/v1/statements',
    ])
      assert.ok(doc.paths[p], p);
    assert.ok(doc.paths['/sms/v1/messages']?.post);
    assert.ok(doc.webhooks.bankArrivals && doc.webhooks.bankPaymentResults);
    assert.ok(doc.components.schemas.BankArrivalsNotification);
  });
});
