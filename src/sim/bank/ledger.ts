import { createHash } from 'node:crypto';
import { chinaDateOf, courtAccountOf, normaliseAccountNumber, startOfChinaDate } from '../../kernel/index.ts';
import type { BankJournalRecord, BankPaymentOrder } from '../journal.ts';
import {
  BankFailureReason,
  type TBankArrival,
  type TBankPayment,
  type TBankPaymentResult,
  type TBankStatement,
  type TBankStatementLine,
} from './contracts.ts';

/**
 * The court bank's books, with no I/O: court accounts, what came in (transfers), what went out
 * (payments), and the statement errors set up for reconciliation demos. Everything changes through
 * `applyBankRecord` only — live and when the journal is replayed — so a restart rebuilds the very
 * same books; the decisions (serials, outcomes) are made before, by the pure functions below.
 */
export type LineEntry = Omit<TBankStatementLine, 'valueAt'> & { valueAt: number };

export type CourtAccountState = { account: string; balanceFen: number; lines: LineEntry[] };

export type TransferState = Omit<Extract<BankJournalRecord, { t: 'bank.transfer' }>, 't'> & {
  isNotified: boolean;
};

export type Settlement = Omit<Extract<BankJournalRecord, { t: 'bank.settle' }>, 't' | 'instructionId'>;

export type PaymentState = {
  instructionId: string;
  bodyHash: string;
  order: BankPaymentOrder;
  acceptedAt: number;
  settlement: Settlement | undefined;
  isResultNotified: boolean;
};

export type Discrepancy = Omit<Extract<BankJournalRecord, { t: 'bank.discrepancy' }>, 't'>;

export type BankLedger = {
  notifyBaseUrl: string | undefined;
  accounts: Map<string, CourtAccountState>;
  transfers: Map<string, TransferState>;
  payments: Map<string, PaymentState>;
  /** Payee accounts (normalised) that refuse payments. */
  closed: Set<string>;
  discrepancies: Discrepancy[];
  /** Every serial in use: transfers, paid payments, extra statement lines. */
  serials: Set<string>;
  /** The highest number of the bank's own serials (`B` + date + 8 digits). */
  serialCounter: number;
};

export function createBankLedger(): BankLedger {
  return {
    notifyBaseUrl: undefined,
    accounts: new Map(),
    transfers: new Map(),
    payments: new Map(),
    closed: new Set(),
    discrepancies: [],
    serials: new Set(),
    serialCounter: 0,
  };
}

const OWN_SERIAL = /^B\d{8}(\d{8})$/;

/** A serial the bank has not used: `B` + China date + counter, e.g. B2026030200000017. */
export function nextSerial(ledger: BankLedger, now: number): string {
  const day = chinaDateOf(now).replaceAll('-', '');
  for (let n = ledger.serialCounter + 1; ; n++) {
    const serial = `B${day}${String(n).padStart(8, '0')}`;
    if (!ledger.serials.has(serial)) return serial;
  }
}

/** The subscribed court account a written account number pays into (its first 12 digits), if any. */
export function findCourtAccount(ledger: BankLedger, written: string): CourtAccountState | undefined {
  const court = courtAccountOf(written);
  return court === null ? undefined : ledger.accounts.get(court);
}

/** A payer's account when the admin API names none: 19 digits drawn from the serial (the same every time). */
export function derivePayerAccount(serial: string): string {
  const hex = createHash('sha256').update(serial).digest('hex');
  return `6217${[...hex.slice(0, 15)].map((c) => Number.parseInt(c, 16) % 10).join('')}`;
}

/**
 * How a payment settles now: a closed payee account first, then the failure knob (`isRejected`,
 * drawn by the caller), then the court account's balance at this moment.
 */
export function decideSettlement(
  ledger: BankLedger,
  payment: PaymentState,
  now: number,
  isRejected: boolean,
): Extract<BankJournalRecord, { t: 'bank.settle' }> {
  const base = { t: 'bank.settle', instructionId: payment.instructionId, settledAt: now } as const;
  const from = ledger.accounts.get(payment.order.fromAccount);
  if (ledger.closed.has(normaliseAccountNumber(payment.order.toAccount)))
    return { ...base, status: 'failed', reason: BankFailureReason.accountClosed };
  if (isRejected) return { ...base, status: 'failed', reason: BankFailureReason.rejected };
  if (!from || from.balanceFen < payment.order.amountFen)
    return { ...base, status: 'failed', reason: BankFailureReason.insufficientBalance };
  return { ...base, status: 'paid', bankSerial: nextSerial(ledger, now) };
}

function noteSerial(ledger: BankLedger, serial: string): void {
  ledger.serials.add(serial);
  const own = OWN_SERIAL.exec(serial);
  if (own) ledger.serialCounter = Math.max(ledger.serialCounter, Number(own[1]));
}

function openAccount(ledger: BankLedger, account: string): CourtAccountState {
  const existing = ledger.accounts.get(account);
  if (existing) return existing;
  const created: CourtAccountState = { account, balanceFen: 0, lines: [] };
  ledger.accounts.set(account, created);
  return created;
}

export function applyBankRecord(ledger: BankLedger, record: BankJournalRecord): void {
  switch (record.t) {
    case 'bank.subscription':
      ledger.notifyBaseUrl = record.notifyBaseUrl;
      for (const account of record.accounts) openAccount(ledger, account);
      return;
    case 'bank.transfer': {
      const { t: _t, ...transfer } = record;
      noteSerial(ledger, record.serial);
      ledger.transfers.set(record.serial, { ...transfer, isNotified: false });
      const account = openAccount(ledger, record.courtAccount);
      account.balanceFen += record.amountFen;
      account.lines.push({
        serial: record.serial,
        direction: 'in',
        amountFen: record.amountFen,
        toAccount: record.toAccount,
        counterpartyName: record.payerName,
        counterpartyAccount: record.payerAccount,
        valueAt: record.receivedAt,
      });
      return;
    }
    case 'bank.renotify': {
      const transfer = ledger.transfers.get(record.serial);
      if (transfer) transfer.isNotified = false;
      return;
    }
    case 'bank.payment':
      ledger.payments.set(record.instructionId, {
        instructionId: record.instructionId,
        bodyHash: record.bodyHash,
        order: record.order,
        acceptedAt: record.acceptedAt,
        settlement: undefined,
        isResultNotified: false,
      });
      return;
    case 'bank.settle': {
      const payment = ledger.payments.get(record.instructionId);
      if (!payment || payment.settlement) return;
      const { t: _t, instructionId: _id, ...settlement } = record;
      payment.settlement = settlement;
      if (record.status !== 'paid' || record.bankSerial === undefined) return;
      noteSerial(ledger, record.bankSerial);
      const account = openAccount(ledger, payment.order.fromAccount);
      account.balanceFen -= payment.order.amountFen;
      account.lines.push({
        serial: record.bankSerial,
        direction: 'out',
        amountFen: payment.order.amountFen,
        toAccount: payment.order.toAccount,
        counterpartyName: payment.order.toName,
        counterpartyAccount: payment.order.toAccount,
        valueAt: record.settledAt,
        instructionId: payment.instructionId,
      });
      return;
    }
    case 'bank.notified':
      for (const id of record.ids) {
        if (record.kind === 'arrival') {
          const transfer = ledger.transfers.get(id);
          if (transfer) transfer.isNotified = true;
        } else {
          const payment = ledger.payments.get(id);
          if (payment) payment.isResultNotified = true;
        }
      }
      return;
    case 'bank.closed':
      if (record.isClosed) ledger.closed.add(normaliseAccountNumber(record.account));
      else ledger.closed.delete(normaliseAccountNumber(record.account));
      return;
    case 'bank.discrepancy': {
      const { t: _t, ...discrepancy } = record;
      ledger.discrepancies.push(discrepancy);
      if (record.kind === 'extra') noteSerial(ledger, record.serial);
      return;
    }
  }
}

const signed = (line: { direction: 'in' | 'out'; amountFen: number }): number =>
  line.direction === 'in' ? line.amountFen : -line.amountFen;

/**
 * The statement of a court account for a China date, as the bank prints it: the true opening
 * balance, the day's lines in value order with the discrepancies set up for that day applied, and
 * a closing balance that adds up with those lines (so an error shows only against Zhixing's books).
 */
export function buildStatement(account: CourtAccountState, date: string, discrepancies: Discrepancy[]) {
  let openingFen = 0;
  let lines: LineEntry[] = [];
  for (const line of account.lines) {
    const day = chinaDateOf(line.valueAt);
    if (day < date) openingFen += signed(line);
    else if (day === date) lines.push({ ...line });
  }
  for (const d of discrepancies) {
    if (d.account !== account.account || d.date !== date) continue;
    if (d.kind === 'omit') lines = lines.filter((l) => l.serial !== d.serial);
    else if (d.kind === 'amount')
      lines = lines.map((l) => (l.serial === d.serial ? { ...l, amountFen: d.amountFen ?? l.amountFen } : l));
    else
      lines.push({
        serial: d.serial,
        direction: d.direction ?? 'in',
        amountFen: d.amountFen ?? 0,
        toAccount: account.account,
        counterpartyName: '（不明款项）',
        counterpartyAccount: '',
        valueAt: startOfChinaDate(date).getTime() + 12 * 3_600_000,
      });
  }
  lines.sort((a, b) => a.valueAt - b.valueAt || (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0));
  const statement: TBankStatement = {
    account: account.account,
    date,
    openingFen,
    closingFen: lines.reduce((sum, l) => sum + signed(l), openingFen),
    lines: lines.map((l) => ({ ...l, valueAt: new Date(l.valueAt).toISOString() })),
  };
  return statement;
}

/** The line of a serial in an account on a date (before any discrepancy), if there is one. */
export function findLine(account: CourtAccountState, date: string, serial: string): LineEntry | undefined {
  return account.lines.find((l) => l.serial === serial && chinaDateOf(l.valueAt) === date);
}

export function describePayment(payment: PaymentState, settlement: Settlement | undefined): TBankPayment {
  const base = { instructionId: payment.instructionId, amountFen: payment.order.amountFen };
  if (!settlement) return { ...base, status: 'accepted' };
  return {
    ...base,
    status: settlement.status,
    ...(settlement.bankSerial === undefined ? {} : { bankSerial: settlement.bankSerial }),
    settledAt: new Date(settlement.settledAt).toISOString(),
    ...(settlement.reason === undefined ? {} : { reason: settlement.reason }),
  };
}

export function toArrival(transfer: TransferState): TBankArrival {
  return {
    serial: transfer.serial,
    toAccount: transfer.toAccount,
    amountFen: transfer.amountFen,
    payerName: transfer.payerName,
    payerAccount: transfer.payerAccount,
    receivedAt: new Date(transfer.receivedAt).toISOString(),
  };
}

export function toPaymentResult(instructionId: string, settlement: Settlement): TBankPaymentResult {
  return {
    instructionId,
    status: settlement.status,
    ...(settlement.bankSerial === undefined ? {} : { bankSerial: settlement.bankSerial }),
    settledAt: new Date(settlement.settledAt).toISOString(),
    ...(settlement.reason === undefined ? {} : { reason: settlement.reason }),
  };
}
