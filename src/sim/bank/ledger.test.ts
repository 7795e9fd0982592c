import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, caseAccountNumber, chinaDateOf } from '../../kernel/index.ts';
import type { BankJournalRecord } from '../journal.ts';
import { BankFailureReason } from './contracts.ts';
import {
  applyBankRecord,
  type BankLedger,
  buildStatement,
  createBankLedger,
  decideSettlement,
  nextSerial,
} from './ledger.ts';

const COURT_A = '330106000001';
const COURT_B = '330106000002';
const T0 = Date.parse('2026-03-02T01:00:00Z');
const HOUR = 3_600_000;

function subscribed(): {
  ledger: BankLedger;
  log: BankJournalRecord[];
  apply: (r: BankJournalRecord) => void;
} {
  const ledger = createBankLedger();
  const log: BankJournalRecord[] = [];
  const apply = (r: BankJournalRecord) => {
    applyBankRecord(ledger, r);
    log.push(r);
  };
  apply({ t: 'bank.subscription', notifyBaseUrl: 'http://zhixing.test/bank', accounts: [COURT_A, COURT_B] });
  return { ledger, log, apply };
}

function transfer(ledger: BankLedger, court: string, amountFen: number, at: number): BankJournalRecord {
  const serial = nextSerial(ledger, at);
  return {
    t: 'bank.transfer',
    serial,
    toAccount: caseAccountNumber(court, 3),
    courtAccount: court,
    amountFen,
    payerName: '张三',
    payerAccount: '6217000000000000001',
    receivedAt: at,
  };
}

function payment(id: string, from: string, amountFen: number, at: number): BankJournalRecord {
  return {
    t: 'bank.payment',
    instructionId: id,
    bodyHash: id,
    order: { fromAccount: from, toAccount: '6222020000000001', toName: '李四', amountFen, purpose: '' },
    acceptedAt: at,
  };
}

describe('court bank ledger', () => {
  it('credits a case account to its court account and pays out only what the balance holds', () => {
    const { ledger, apply } = subscribed();
    apply(transfer(ledger, COURT_A, 10_000, T0));
    apply(payment('p1', COURT_A, 6_000, T0 + HOUR));
    apply(payment('p2', COURT_A, 6_000, T0 + HOUR));
    const first = ledger.payments.get('p1');
    const second = ledger.payments.get('p2');
    assert.ok(first && second);
    apply(decideSettlement(ledger, first, T0 + 2 * HOUR, false));
    const refused = decideSettlement(ledger, second, T0 + 2 * HOUR, false);
    assert.equal(refused.status, 'failed');
    assert.equal(refused.reason, BankFailureReason.insufficientBalance);
    apply(refused);
    assert.equal(ledger.accounts.get(COURT_A)?.balanceFen, 4_000);
    assert.equal(ledger.accounts.get(COURT_B)?.balanceFen, 0);
  });

  it('fails a payment to a closed account, and one the failure knob rejects', () => {
    const { ledger, apply } = subscribed();
    apply(transfer(ledger, COURT_A, 10_000, T0));
    apply({ t: 'bank.closed', account: '6222 0200 0000 0001', isClosed: true });
    apply(payment('p1', COURT_A, 1, T0));
    const p1 = ledger.payments.get('p1');
    assert.ok(p1);
    assert.equal(decideSettlement(ledger, p1, T0, false).reason, BankFailureReason.accountClosed);
    apply({ t: 'bank.closed', account: '6222020000000001', isClosed: false });
    assert.equal(decideSettlement(ledger, p1, T0, true).reason, BankFailureReason.rejected);
    assert.equal(decideSettlement(ledger, p1, T0, false).status, 'paid');
  });

  it('prints a statement that differs as the discrepancies say, and adds up', () => {
    const { ledger, apply } = subscribed();
    const a = transfer(ledger, COURT_A, 1_000, T0);
    apply(a);
    const b = transfer(ledger, COURT_A, 2_000, T0 + HOUR);
    apply(b);
    const date = chinaDateOf(T0);
    assert.ok(a.t === 'bank.transfer' && b.t === 'bank.transfer');
    apply({ t: 'bank.discrepancy', account: COURT_A, date, kind: 'omit', serial: a.serial });
    apply({
      t: 'bank.discrepancy',
      account: COURT_A,
      date,
      kind: 'amount',
      serial: b.serial,
      amountFen: 2_500,
    });
    apply({ t: 'bank.discrepancy', account: COURT_A, date, kind: 'extra', serial: 'X1', amountFen: 7 });
    const account = ledger.accounts.get(COURT_A);
    assert.ok(account);
    const statement = buildStatement(account, date, ledger.discrepancies);
    assert.deepEqual(
      statement.lines.map((l) => [l.serial, l.amountFen]),
      [
        [b.serial, 2_500],
        ['X1', 7],
      ],
    );
    assert.equal(statement.openingFen, 0);
    assert.equal(statement.closingFen, 2_507);
    assert.equal(buildStatement(account, addCalendarDays(date, 1), ledger.discrepancies).openingFen, 3_000);
  });

  it('keeps the books consistent for any history, and a replay of the journal gives the same books', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('in' as const),
        court: fc.nat(1),
        amountFen: fc.integer({ min: 1, max: 50_000 }),
      }),
      fc.record({
        kind: fc.constant('pay' as const),
        court: fc.nat(1),
        amountFen: fc.integer({ min: 1, max: 50_000 }),
      }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), isRejected: fc.boolean() }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(op, fc.integer({ min: 0, max: 20 * HOUR })), { maxLength: 60 }),
        (ops) => {
          const { ledger, log, apply } = subscribed();
          let now = T0;
          let paymentCount = 0;
          for (const [o, step] of ops) {
            now += step;
            if (o.kind === 'in')
              apply(transfer(ledger, [COURT_A, COURT_B][o.court] ?? COURT_A, o.amountFen, now));
            else if (o.kind === 'pay')
              apply(payment(`p${++paymentCount}`, [COURT_A, COURT_B][o.court] ?? COURT_A, o.amountFen, now));
            else {
              const open = [...ledger.payments.values()].filter((p) => !p.settlement);
              const chosen = open[o.pick % Math.max(1, open.length)];
              if (chosen) apply(decideSettlement(ledger, chosen, now, o.isRejected));
            }
          }
          const replayed = createBankLedger();
          for (const r of log) applyBankRecord(replayed, r);
          assert.deepEqual(replayed, ledger);
          assert.equal(new Set([...ledger.serials]).size, ledger.serials.size);
          for (const account of ledger.accounts.values()) {
            assert.ok(account.balanceFen >= 0);
            const sum = account.lines.reduce(
              (s, l) => s + (l.direction === 'in' ? l.amountFen : -l.amountFen),
              0,
            );
            assert.equal(account.balanceFen, sum);
            const days = [...new Set(account.lines.map((l) => chinaDateOf(l.valueAt)))].sort();
            let carried = 0;
            for (const day of days) {
              const statement = buildStatement(account, day, []);
              assert.equal(statement.openingFen, carried);
              carried = statement.closingFen;
            }
            assert.equal(carried, account.balanceFen);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
