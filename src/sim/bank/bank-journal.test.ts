import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import { caseAccountNumber } from '../../kernel/index.ts';
import { type Simulator, startSimulator } from '../simulator.ts';
import { BANK_CODE, bankKey, ZBankAccountsSchema, ZBankPaymentSchema } from './contracts.ts';
import {
  createAdminCaller,
  createSignedCaller,
  eventually,
  startNotificationReceiver,
} from './test-support.ts';

const secret = 'bank-journal-secret';
const key = bankKey(secret);
const COURT = '330106300001';
const PAYEE = '6222020300000000001';
const CLOSED_PAYEE = '6222020300000000999';
const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-bank-journal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const FAST_NOTIFY = { baseDelayMs: 20, maxDelayMs: 200 };
const start = (journalPath: string, settleLatencyMs: number) =>
  startSimulator({
    secret,
    journalPath,
    adminToken: 'bank-journal-admin',
    bank: { knobs: { settleLatencyMs }, notify: FAST_NOTIFY },
  });
const order = (instructionId: string, amountFen: number, toAccount = PAYEE) => ({
  instructionId,
  fromAccount: COURT,
  toAccount,
  toName: '申请执行人乙',
  amountFen,
  purpose: '发还执行款',
});

async function stateOf(sim: Simulator) {
  const admin = createAdminCaller(sim);
  return ZBankAccountsSchema.parse((await admin('/sim/bank/accounts')).json);
}

describe('court bank: restart from the journal', () => {
  it('keeps balances, payments, transfers and the subscription; settles and notifies what was left', async () => {
    const journalPath = path.join(dir, 'journal.jsonl');
    const receiver = await startNotificationReceiver(key);
    const first = await start(journalPath, 5);
    const call1 = createSignedCaller(first.bankUrl, BANK_CODE, key);
    const admin1 = createAdminCaller(first);
    await call1('/v1/subscription', {
      method: 'PUT',
      body: { notifyBaseUrl: receiver.url, accounts: [COURT] },
    });
    const caseAccount = caseAccountNumber(COURT, 12);
    const transfer = { toAccount: caseAccount, amountFen: 80_000, payerName: '张三', serial: 'J-IN-1' };
    assert.equal((await admin1('/sim/bank/transfers', 'POST', transfer)).status, 202);
    assert.equal(
      (await call1('/v1/payments', { body: order('J-PAY-1', 30_000), idempotencyKey: 'J-PAY-1' })).status,
      202,
    );
    const paid = await eventually(async () => {
      const p = ZBankPaymentSchema.parse((await call1('/v1/payments/J-PAY-1')).json);
      return p.status === 'paid' ? p : undefined;
    }, 'J-PAY-1 paid');
    await eventually(() => (receiver.results().length > 0 ? true : undefined), 'J-PAY-1 notified');
    assert.equal((await admin1(`/sim/bank/closed-accounts/${CLOSED_PAYEE}`, 'PUT')).status, 204);

    // Left undone at the stop: an arrival the receiver refuses, a payment not yet settled.
    receiver.failNext(1_000_000);
    assert.equal(
      (
        await admin1('/sim/bank/transfers', 'POST', {
          toAccount: caseAccount,
          amountFen: 1_000,
          payerName: '李四',
          serial: 'J-IN-2',
        })
      ).status,
      202,
    );
    await eventually(
      () => (receiver.deliveries.some((d) => d.status === 503) ? true : undefined),
      'a refusal',
    );
    await first.close();
    const stopped = await start(journalPath, 600_000);
    const before = await stateOf(stopped);
    assert.deepEqual(before.accounts, [{ account: COURT, balanceFen: 51_000 }]);
    const callStopped = createSignedCaller(stopped.bankUrl, BANK_CODE, key);
    assert.equal(
      (await callStopped('/v1/payments', { body: order('J-PAY-2', 50_000), idempotencyKey: 'J-PAY-2' }))
        .status,
      202,
    );
    await stopped.close();

    receiver.failNext(0);
    const second = await start(journalPath, 5);
    const call2 = createSignedCaller(second.bankUrl, BANK_CODE, key);
    const admin2 = createAdminCaller(second);
    try {
      const state = await stateOf(second);
      assert.equal(state.notifyBaseUrl, receiver.url);
      // J-PAY-2 settles after the restart: 51 000 − 50 000.
      const pay2 = await eventually(async () => {
        const p = ZBankPaymentSchema.parse((await call2('/v1/payments/J-PAY-2')).json);
        return p.status === 'accepted' ? undefined : p;
      }, 'J-PAY-2 settled after the restart');
      assert.equal(pay2.status, 'paid');
      assert.notEqual(pay2.bankSerial, paid.bankSerial);
      assert.deepEqual(ZBankPaymentSchema.parse((await call2('/v1/payments/J-PAY-1')).json), paid);
      // The same instruction again pays nothing; the same serial again credits nothing.
      assert.equal(
        (await call2('/v1/payments', { body: order('J-PAY-1', 30_000), idempotencyKey: 'J-PAY-1' })).status,
        202,
      );
      assert.equal(
        (await call2('/v1/payments', { body: order('J-PAY-1', 1), idempotencyKey: 'J-PAY-1' })).status,
        409,
      );
      assert.equal((await admin2('/sim/bank/transfers', 'POST', transfer)).status, 202);
      await eventually(
        () => (receiver.arrivals().some((a) => a.serial === 'J-IN-2') ? true : undefined),
        'J-IN-2 sent again',
      );
      await eventually(
        () => (receiver.arrivals().filter((a) => a.serial === 'J-IN-1').length >= 2 ? true : undefined),
        'J-IN-1 notified again',
      );
      await eventually(
        () => (receiver.results().some((r) => r.instructionId === 'J-PAY-2') ? true : undefined),
        'J-PAY-2 notified',
      );
      assert.deepEqual((await stateOf(second)).accounts, [{ account: COURT, balanceFen: 1_000 }]);
      const toClosed = order('J-PAY-3', 1, CLOSED_PAYEE);
      assert.equal((await call2('/v1/payments', { body: toClosed, idempotencyKey: 'J-PAY-3' })).status, 202);
      const pay3 = await eventually(async () => {
        const p = ZBankPaymentSchema.parse((await call2('/v1/payments/J-PAY-3')).json);
        return p.status === 'accepted' ? undefined : p;
      }, 'J-PAY-3 settled');
      assert.equal(pay3.reason, 'account closed');
      const fresh = await admin2('/sim/bank/transfers', 'POST', {
        toAccount: caseAccount,
        amountFen: 1,
        payerName: '王五',
      });
      const freshSerial = z.object({ serial: z.string() }).parse(fresh.json).serial;
      assert.ok(![paid.bankSerial, pay2.bankSerial, 'J-IN-1', 'J-IN-2'].includes(freshSerial));
    } finally {
      await second.close();
      await receiver.close();
    }
  });
});
