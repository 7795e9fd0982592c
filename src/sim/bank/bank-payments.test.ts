import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { caseAccountNumber, chinaDateOf } from '../../kernel/index.ts';
import { ZErrorSchema } from '../contracts.ts';
import { type Simulator, startSimulator } from '../simulator.ts';
import {
  BANK_CODE,
  BankErrorCode,
  BankFailureReason,
  bankKey,
  type TBankPayment,
  type TBankStatementLine,
  ZBankAccountsSchema,
  ZBankPaymentAcceptedSchema,
  ZBankPaymentSchema,
  ZBankStatementSchema,
} from './contracts.ts';
import {
  createAdminCaller,
  createSignedCaller,
  eventually,
  type NotificationReceiver,
  startNotificationReceiver,
} from './test-support.ts';

const secret = 'bank-payments-secret';
const key = bankKey(secret);
const COURT = '330106200001';
const STATEMENT_COURT = '330106200002';
const PAYEE = '6222020200000000001';

let sim: Simulator;
let receiver: NotificationReceiver;
let call: ReturnType<typeof createSignedCaller>;
let admin: ReturnType<typeof createAdminCaller>;

const errorOf = (json: unknown) => ZErrorSchema.parse(json).error;
const balanceOf = async (account: string): Promise<number | undefined> => {
  const { accounts } = ZBankAccountsSchema.parse((await admin('/sim/bank/accounts')).json);
  return accounts.find((a) => a.account === account)?.balanceFen;
};
const payIn = async (toAccount: string, amountFen: number, serial?: string): Promise<string> => {
  const res = await admin('/sim/bank/transfers', 'POST', {
    toAccount,
    amountFen,
    payerName: '张三',
    ...(serial ? { serial } : {}),
  });
  assert.equal(res.status, 202, res.text);
  return z.object({ serial: z.string() }).parse(res.json).serial;
};
const order = (instructionId: string, amountFen: number, extra: Record<string, unknown> = {}) => ({
  instructionId,
  fromAccount: COURT,
  toAccount: PAYEE,
  toName: '申请执行人甲',
  amountFen,
  purpose: '发还执行款',
  ...extra,
});
const pay = (body: { instructionId: string }, idempotencyKey = body.instructionId) =>
  call('/v1/payments', { body, idempotencyKey });
const settled = (instructionId: string): Promise<TBankPayment> =>
  eventually(async () => {
    const res = await call(`/v1/payments/${instructionId}`);
    const payment = ZBankPaymentSchema.parse(res.json);
    return payment.status === 'accepted' ? undefined : payment;
  }, `settlement of ${instructionId}`);

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
    body: { notifyBaseUrl: receiver.url, accounts: [COURT, STATEMENT_COURT] },
  });
  assert.equal(subscribed.status, 200);
  await payIn(caseAccountNumber(COURT, 1), 100_000);
});

after(async () => {
  await sim.close();
  await receiver.close();
});

describe('court bank: payments', () => {
  it('pays once however often the instruction is sent; another body under the same id is a conflict', async () => {
    const body = order('PAY-ONCE-1', 30_000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => pay(body)));
    for (const a of answers) {
      assert.equal(a.status, 202);
      assert.deepEqual(ZBankPaymentAcceptedSchema.parse(a.json), {
        instructionId: 'PAY-ONCE-1',
        status: 'accepted',
      });
    }
    const payment = await settled('PAY-ONCE-1');
    assert.equal(payment.status, 'paid');
    assert.match(payment.bankSerial ?? '', /^B\d{16}$/);
    assert.equal((await pay(body)).status, 202);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    assert.equal((await call('/v1/payments', { body: reordered, idempotencyKey: 'PAY-ONCE-1' })).status, 202);
    const other = await pay(order('PAY-ONCE-1', 30_001));
    assert.equal(other.status, 409);
    assert.equal(errorOf(other.json).code, 'CONFLICT');
    const result = await eventually(
      () => receiver.results().find((r) => r.instructionId === 'PAY-ONCE-1'),
      'the result notification',
    );
    assert.equal(result.status, 'paid');
    assert.equal(result.bankSerial, payment.bankSerial);
    assert.equal(await balanceOf(COURT), 70_000);
    const keyMismatch = await pay(order('PAY-ONCE-2', 1), 'PAY-ONCE-3');
    assert.equal(keyMismatch.status, 400);
    assert.equal(errorOf(keyMismatch.json).details?.[0]?.path, 'idempotency-key');
  });

  it('fails a payment larger than the balance, and one to a closed account until it reopens', async () => {
    assert.equal((await pay(order('PAY-BIG', 70_001))).status, 202);
    const big = await settled('PAY-BIG');
    assert.equal(big.status, 'failed');
    assert.equal(big.reason, BankFailureReason.insufficientBalance);
    assert.equal(big.bankSerial, undefined);
    assert.equal((await admin(`/sim/bank/closed-accounts/${PAYEE}`, 'PUT')).status, 204);
    assert.equal((await pay(order('PAY-CLOSED', 100))).status, 202);
    const closed = await settled('PAY-CLOSED');
    assert.equal(closed.status, 'failed');
    assert.equal(closed.reason, BankFailureReason.accountClosed);
    assert.equal((await admin(`/sim/bank/closed-accounts/${PAYEE}`, 'DELETE')).status, 204);
    assert.equal((await pay(order('PAY-REOPENED', 100))).status, 202);
    assert.equal((await settled('PAY-REOPENED')).status, 'paid');
    const failed = await eventually(() => {
      const found = receiver.results().filter((r) => r.status === 'failed');
      return found.length >= 2 ? found : undefined;
    }, 'failure notifications');
    assert.deepEqual(failed.map((r) => r.instructionId).sort(), ['PAY-BIG', 'PAY-CLOSED']);
    assert.equal(await balanceOf(COURT), 69_900);
  });

  it('fails payments as the failure knob says', async () => {
    await admin('/sim/bank/knobs', 'PUT', { failureRate: 1 });
    assert.equal((await pay(order('PAY-KNOB', 1))).status, 202);
    const payment = await settled('PAY-KNOB');
    await admin('/sim/bank/knobs', 'PUT', { failureRate: 0 });
    assert.equal(payment.status, 'failed');
    assert.equal(payment.reason, BankFailureReason.rejected);
  });

  it('refuses an unknown court account (404) and names bad fields (400)', async () => {
    const unknown = await pay(order('PAY-UNKNOWN', 1, { fromAccount: '999999999999' }));
    assert.equal(unknown.status, 404);
    assert.equal(errorOf(unknown.json).code, BankErrorCode.unknownAccount);
    const bad = await pay(order('PAY-BAD', 0, { toAccount: '12' }));
    assert.equal(bad.status, 400);
    assert.deepEqual(
      errorOf(bad.json)
        .details?.map((d) => d.path)
        .sort(),
      ['amountFen', 'toAccount'],
    );
    const badId = await pay(order('not ok!', 1));
    assert.equal(errorOf(badId.json).details?.[0]?.path, 'instructionId');
    assert.equal((await call('/v1/payments/PAY-NEVER')).status, 404);
  });

  it('prints statements of ended days that match what happened, and shows a discrepancy', async () => {
    const first = caseAccountNumber(STATEMENT_COURT, 1);
    const second = `${caseAccountNumber(STATEMENT_COURT, 2).slice(0, 10)}-${caseAccountNumber(STATEMENT_COURT, 2).slice(10)}`;
    const inA = await payIn(first, 5_000);
    const inB = await payIn(second, 3_000);
    const body = order('PAY-STATEMENT', 6_000, { fromAccount: STATEMENT_COURT });
    assert.equal((await pay(body)).status, 202);
    const out = await settled('PAY-STATEMENT');
    assert.equal(out.status, 'paid');
    const today = chinaDateOf(Date.now());
    const notReady = await call(`/v1/statements?account=${STATEMENT_COURT}&date=${today}`);
    assert.equal(notReady.status, 409);
    assert.equal(errorOf(notReady.json).code, BankErrorCode.statementNotReady);

    await sim.setClockOffset(2 * 86_400_000);
    // The lines fall on the China date of their instants (two, if the test ran across midnight).
    const arrivals = await eventually(() => {
      const found = receiver.arrivals().filter((a) => a.serial === inA || a.serial === inB);
      return found.length === 2 ? found : undefined;
    }, 'both arrivals');
    const dates = [
      ...new Set(
        [...arrivals.map((a) => a.receivedAt), out.settledAt ?? ''].map((at) => chinaDateOf(Date.parse(at))),
      ),
    ].sort();
    const lines: TBankStatementLine[] = [];
    let opening: number | undefined;
    let closing = 0;
    for (const date of dates) {
      const res = await call(`/v1/statements?account=${STATEMENT_COURT}&date=${date}`);
      assert.equal(res.status, 200, res.text);
      const statement = ZBankStatementSchema.parse(res.json);
      opening ??= statement.openingFen;
      closing = statement.closingFen;
      lines.push(...statement.lines);
    }
    assert.equal(opening, 0);
    assert.equal(closing, 2_000);
    assert.deepEqual(
      lines.map((l) => [l.serial, l.direction, l.amountFen, l.toAccount, l.instructionId]),
      [
        [inA, 'in', 5_000, first, undefined],
        [inB, 'in', 3_000, second, undefined],
        [out.bankSerial, 'out', 6_000, PAYEE, 'PAY-STATEMENT'],
      ],
    );
    assert.equal(lines[2]?.counterpartyName, '申请执行人甲');

    const date = chinaDateOf(Date.parse(arrivals.find((a) => a.serial === inA)?.receivedAt ?? ''));
    const omit = await admin('/sim/bank/discrepancies', 'POST', {
      account: STATEMENT_COURT,
      date,
      kind: 'omit',
      serial: inA,
    });
    assert.equal(omit.status, 201);
    const extra = await admin('/sim/bank/discrepancies', 'POST', {
      account: STATEMENT_COURT,
      date,
      kind: 'extra',
      amountFen: 42,
    });
    assert.equal(extra.status, 201);
    const extraSerial = z.object({ serial: z.string() }).parse(extra.json).serial;
    const changed = ZBankStatementSchema.parse(
      (await call(`/v1/statements?account=${STATEMENT_COURT}&date=${date}`)).json,
    );
    assert.ok(!changed.lines.some((l) => l.serial === inA));
    assert.ok(changed.lines.some((l) => l.serial === extraSerial && l.amountFen === 42));
    assert.equal(
      changed.closingFen,
      changed.lines.reduce(
        (s, l) => s + (l.direction === 'in' ? l.amountFen : -l.amountFen),
        changed.openingFen,
      ),
    );
    const missing = await admin('/sim/bank/discrepancies', 'POST', {
      account: STATEMENT_COURT,
      date,
      kind: 'amount',
      serial: 'NOPE',
      amountFen: 1,
    });
    assert.equal(missing.status, 404);
    const incomplete = await admin('/sim/bank/discrepancies', 'POST', {
      account: STATEMENT_COURT,
      date,
      kind: 'amount',
      serial: inB,
    });
    assert.equal(errorOf(incomplete.json).details?.[0]?.path, 'amountFen');
    const unknown = await call(`/v1/statements?account=999999999999&date=${date}`);
    assert.equal(unknown.status, 404);
    assert.equal(errorOf(unknown.json).code, BankErrorCode.unknownAccount);
    const badDate = await call(`/v1/statements?account=${STATEMENT_COURT}&date=2026-02-30`);
    assert.equal(errorOf(badDate.json).details?.[0]?.path, 'date');
  });
});
