import type { Random } from '../../demo/random.ts';
import { chinaDateOf, normaliseAccountNumber, startOfChinaDate } from '../../kernel/index.ts';
import type { SimClock } from '../clock.ts';
import type { BankJournalRecord, JournalRecord } from '../journal.ts';
import { createScheduler } from '../scheduler.ts';
import {
  BANK_CODE,
  type TBankAccounts,
  type TBankArrival,
  type TBankDiscrepancyRequest,
  type TBankKnobs,
  type TBankPayment,
  type TBankPaymentRequest,
  type TBankPaymentResult,
  type TBankStatement,
  type TBankSubscriptionRequest,
  type TBankTransferRequest,
} from './contracts.ts';
import {
  applyBankRecord,
  buildStatement,
  createBankLedger,
  type Discrepancy,
  decideSettlement,
  derivePayerAccount,
  describePayment,
  findCourtAccount,
  findLine,
  nextSerial,
  toArrival,
  toPaymentResult,
} from './ledger.ts';
import { createNotifier, DEFAULT_NOTIFY_POLICY, type NotifyPolicy } from './notifier.ts';

/**
 * The simulated court bank's back office: keeps the books (ledger.ts), journals every change before
 * anyone hears of it, settles payments after the latency knob, and pushes arrivals and payment
 * results to Zhixing at least once. No HTTP routes here (routes.ts, admin-routes.ts).
 */
export type BankOptions = {
  knobs?: Partial<TBankKnobs>;
  /** Notification batching and retry (tests shorten the backoff). */
  notify?: Partial<NotifyPolicy>;
};

export const DEFAULT_BANK_KNOBS: TBankKnobs = { duplicateRate: 0, failureRate: 0, settleLatencyMs: 300 };

export type BankDeps = BankOptions & {
  key: string;
  clock: SimClock;
  journal: { append(record: JournalRecord): Promise<void> };
  random: Random;
  onJournalError: (err: unknown) => void;
};

export type PaymentOutcome = 'accepted' | 'conflict' | 'unknownAccount';
export type TransferOutcome =
  | { kind: 'accepted'; serial: string }
  | { kind: 'conflict'; serial: string }
  | { kind: 'unknownAccount' };
export type DiscrepancyOutcome =
  | { kind: 'added'; discrepancy: Discrepancy }
  | { kind: 'unknownAccount' | 'unknownLine' | 'conflict' };

export type Bank = {
  /** Opens the accounts and sets where notifications go; the number of accounts subscribed in all. */
  subscribe(request: TBankSubscriptionRequest): Promise<number>;
  submitPayment(request: TBankPaymentRequest, bodyHash: string): Promise<PaymentOutcome>;
  findPayment(instructionId: string): TBankPayment | undefined;
  statement(account: string, date: string): TBankStatement | 'unknownAccount' | 'notReady';
  /** Somebody pays into an account (admin); a known serial is notified again, not credited again. */
  transfer(request: TBankTransferRequest): Promise<TransferOutcome>;
  listAccounts(): TBankAccounts;
  setClosed(account: string, isClosed: boolean): Promise<void>;
  addDiscrepancy(request: TBankDiscrepancyRequest): Promise<DiscrepancyOutcome>;
  knobs(): TBankKnobs;
  patchKnobs(patch: Partial<TBankKnobs>): TBankKnobs;
  /** Feeds one journal record while starting up. */
  replay(record: JournalRecord): void;
  /** After replay: settles what was accepted and re-sends what was not acknowledged. */
  resume(): void;
  close(): Promise<void>;
};

const isBankRecord = (record: JournalRecord): record is BankJournalRecord => record.t.startsWith('bank.');

export function createBank(deps: BankDeps): Bank {
  const { clock, random } = deps;
  const ledger = createBankLedger();
  let knobs: TBankKnobs = { ...DEFAULT_BANK_KNOBS, ...deps.knobs };
  const policy: NotifyPolicy = { ...DEFAULT_NOTIFY_POLICY, ...deps.notify };
  /** Changes applied but not yet in the journal: their answers and notifications wait. */
  const durables = new Map<string, Promise<void>>();
  /** Settled payments whose outcome is not yet in the journal (polling still says `accepted`). */
  const unconfirmed = new Set<string>();
  let isClosed = false;

  const record = (r: BankJournalRecord, durableKey?: string): Promise<void> => {
    applyBankRecord(ledger, r);
    const durable = deps.journal.append(r);
    if (durableKey !== undefined) {
      durables.set(durableKey, durable);
      const forget = () => {
        if (durables.get(durableKey) === durable) durables.delete(durableKey);
      };
      durable.then(forget, forget);
    }
    return durable;
  };
  const afterDurable = async (key: string): Promise<void> => {
    await durables.get(key)?.catch(() => undefined);
  };

  const notified = (kind: 'arrival' | 'result') => (ids: string[]) => {
    if (!isClosed) record({ t: 'bank.notified', kind, ids }).catch(deps.onJournalError);
  };
  const common = {
    baseUrlOf: () => ledger.notifyBaseUrl,
    signer: { institution: BANK_CODE, key: deps.key },
    policy,
    random,
    duplicateRate: () => knobs.duplicateRate,
  };
  const arrivals = createNotifier<TBankArrival>({
    ...common,
    path: 'arrivals',
    field: 'notifications',
    idOf: (a) => a.serial,
    onDelivered: notified('arrival'),
  });
  const results = createNotifier<TBankPaymentResult>({
    ...common,
    path: 'payment-results',
    field: 'results',
    idOf: (r) => r.instructionId,
    onDelivered: notified('result'),
  });

  const settle = (instructionId: string): void => {
    const payment = ledger.payments.get(instructionId);
    if (!payment || payment.settlement || isClosed) return;
    const outcome = decideSettlement(ledger, payment, clock.now(), random.next() < knobs.failureRate);
    unconfirmed.add(instructionId);
    record(outcome).then(() => {
      unconfirmed.delete(instructionId);
      if (payment.settlement) results.add(toPaymentResult(instructionId, payment.settlement));
    }, deps.onJournalError);
  };
  const scheduler = createScheduler(settle);
  const scheduleSettlement = (instructionId: string): void =>
    scheduler.schedule(Date.now() + knobs.settleLatencyMs, instructionId);

  return {
    async subscribe(request) {
      const notifyBaseUrl = request.notifyBaseUrl.replace(/\/+$/, '');
      const isNew =
        ledger.notifyBaseUrl !== notifyBaseUrl || request.accounts.some((a) => !ledger.accounts.has(a));
      if (isNew)
        await record({ t: 'bank.subscription', notifyBaseUrl, accounts: [...new Set(request.accounts)] });
      return ledger.accounts.size;
    },

    async submitPayment(request, bodyHash) {
      const { instructionId } = request;
      const existing = ledger.payments.get(instructionId);
      if (existing) {
        await afterDurable(`payment:${instructionId}`);
        return existing.bodyHash === bodyHash ? 'accepted' : 'conflict';
      }
      if (!ledger.accounts.has(request.fromAccount)) return 'unknownAccount';
      const { fromAccount, toAccount, toName, amountFen, purpose } = request;
      await record(
        {
          t: 'bank.payment',
          instructionId,
          bodyHash,
          order: { fromAccount, toAccount, toName, amountFen, purpose },
          acceptedAt: clock.now(),
        },
        `payment:${instructionId}`,
      );
      scheduleSettlement(instructionId);
      return 'accepted';
    },

    findPayment(instructionId) {
      const payment = ledger.payments.get(instructionId);
      if (!payment) return undefined;
      return describePayment(payment, unconfirmed.has(instructionId) ? undefined : payment.settlement);
    },

    statement(account, date) {
      const state = ledger.accounts.get(account);
      if (!state) return 'unknownAccount';
      if (date >= chinaDateOf(clock.now())) return 'notReady';
      return buildStatement(state, date, ledger.discrepancies);
    },

    async transfer(request) {
      const court = findCourtAccount(ledger, request.toAccount);
      if (!court) return { kind: 'unknownAccount' };
      const known = request.serial === undefined ? undefined : ledger.transfers.get(request.serial);
      if (known) {
        const isSame =
          known.amountFen === request.amountFen &&
          normaliseAccountNumber(known.toAccount) === normaliseAccountNumber(request.toAccount);
        if (!isSame) return { kind: 'conflict', serial: known.serial };
        await afterDurable(`transfer:${known.serial}`);
        await record({ t: 'bank.renotify', serial: known.serial });
        arrivals.add(toArrival(known));
        return { kind: 'accepted', serial: known.serial };
      }
      if (request.serial !== undefined && ledger.serials.has(request.serial))
        return { kind: 'conflict', serial: request.serial };
      const now = clock.now();
      const serial = request.serial ?? nextSerial(ledger, now);
      await record(
        {
          t: 'bank.transfer',
          serial,
          toAccount: request.toAccount,
          courtAccount: court.account,
          amountFen: request.amountFen,
          payerName: request.payerName,
          payerAccount: request.payerAccount ?? derivePayerAccount(serial),
          receivedAt: now,
        },
        `transfer:${serial}`,
      );
      const transfer = ledger.transfers.get(serial);
      if (transfer) arrivals.add(toArrival(transfer));
      return { kind: 'accepted', serial };
    },

    listAccounts() {
      return {
        notifyBaseUrl: ledger.notifyBaseUrl ?? null,
        pendingNotifications: arrivals.pending() + results.pending(),
        accounts: [...ledger.accounts.values()]
          .map((a) => ({ account: a.account, balanceFen: a.balanceFen }))
          .sort((a, b) => (a.account < b.account ? -1 : 1)),
      };
    },

    async setClosed(account, isAccountClosed) {
      if (ledger.closed.has(normaliseAccountNumber(account)) === isAccountClosed) return;
      await record({ t: 'bank.closed', account, isClosed: isAccountClosed });
    },

    async addDiscrepancy(request) {
      const account = ledger.accounts.get(request.account);
      if (!account) return { kind: 'unknownAccount' };
      const { kind, date, amountFen } = request;
      let serial = request.serial;
      if (kind === 'extra') {
        if (serial !== undefined && ledger.serials.has(serial)) return { kind: 'conflict' };
        serial ??= nextSerial(ledger, startOfChinaDate(date).getTime());
      } else if (serial === undefined || !findLine(account, date, serial)) {
        return { kind: 'unknownLine' };
      }
      const discrepancy: Discrepancy = {
        account: request.account,
        date,
        kind,
        serial,
        ...(amountFen === undefined ? {} : { amountFen }),
        ...(kind === 'extra' ? { direction: request.direction ?? 'in' } : {}),
      };
      await record({ t: 'bank.discrepancy', ...discrepancy });
      return { kind: 'added', discrepancy };
    },

    knobs: () => knobs,
    patchKnobs(patch) {
      knobs = { ...knobs, ...patch };
      return knobs;
    },

    replay(r) {
      if (isBankRecord(r)) applyBankRecord(ledger, r);
    },

    resume() {
      for (const transfer of ledger.transfers.values())
        if (!transfer.isNotified) arrivals.add(toArrival(transfer));
      for (const payment of ledger.payments.values()) {
        if (!payment.settlement) scheduleSettlement(payment.instructionId);
        else if (!payment.isResultNotified)
          results.add(toPaymentResult(payment.instructionId, payment.settlement));
      }
    },

    async close() {
      isClosed = true;
      scheduler.stop();
      await Promise.all([arrivals.close(), results.close()]);
    },
  };
}
