import { addCalendarDays } from '../../src/kernel/index.ts';
import { computeSignature, signHeaders } from '../../src/platform/signed-http.ts';
import { bankKey, type Simulator, startSimulator } from '../../src/sim/index.ts';
import { aCaseBody } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import { aCompany, type CourtKey, type World } from './world.ts';

const simSecret = 'route-fixtures-sim-secret';
let sim: Simulator | null = null;

/**
 * The outside world of the generated tests: the real simulator (its settlement bank answers the
 * funds routes that ask it). Returns the app's environment and the way to stop it.
 */
export async function startOutsideWorld(): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  sim = await startSimulator({ port: 0, secret: simSecret });
  const started = sim;
  return {
    env: { ZHIXING_SIM_URL: started.url, ZHIXING_SIM_SECRET: simSecret },
    close: () => started.close(),
  };
}

const fixtureBank = { code: 'courtbank', key: bankKey(simSecret) };

/** Opens the court account at the simulated bank, as the subscription job does. */
async function subscribeAtBank(courtAccount: string): Promise<void> {
  if (!sim) throw new Error('startOutsideWorld first');
  const path = '/bank/v1/subscription';
  const body = JSON.stringify({
    notifyBaseUrl: 'http://127.0.0.1:9/api/v1/funds/bank',
    accounts: [courtAccount],
  });
  const res = await fetch(`${sim.url}${path}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...signHeaders({
        institution: fixtureBank.code,
        key: fixtureBank.key,
        method: 'PUT',
        path,
        body,
        now: Date.now(),
      }),
    },
    body,
  });
  if (res.status !== 200) throw new Error(`bank subscription: ${res.status} ${await res.text()}`);
}

let serial = 0;
const nextSerial = () => {
  serial += 1;
  return `FIXTURE-${process.pid}-${Date.now()}-${serial}`;
};

/** Arrivals notified by the bank, through the signed route as the bank sends them. */
async function notify(world: World, notifications: unknown[]) {
  const path = '/api/v1/funds/bank/arrivals';
  const req = signed(path, { notifications });
  const res = await world.t.request('POST', path, { headers: req.headers, body: req.rawBody });
  if (res.status !== 200) throw new Error(`arrivals: ${res.status} ${JSON.stringify(res.body)}`);
  // Recorded now, booked by the court's booker a moment later (docs/decisions/0015).
  const serials = notifications.map((n) => String((n as { serial: string }).serial));
  for (let i = 0; ; i++) {
    const [left] = await world.t.database.sql<{ n: number }[]>`
      select count(*)::int as n from funds.arrival_inbox where serial = any(${serials})`;
    if (left?.n === 0) return;
    if (i > 3000) throw new Error('arrivals were not booked within a minute');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A new case with its account open, money booked for its applicant and the applicant's bank account on file. */
async function aCaseWithMoney(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const payee = onCase.c.applicants[0]?.id;
  if (!payee) throw new Error('the case has no applicant');
  const judge = `${court}.judge`;
  const funds = await world.call(judge, 'GET', `/api/v1/cases/${onCase.caseId}/funds`, undefined, 200);
  const accountNumber = String(funds.body.accountNumber);
  await notify(world, [
    {
      serial: nextSerial(),
      toAccount: accountNumber,
      amountFen: 50_000_000,
      payerName: '被执行人',
      payerAccount: '6222000000000000',
      receivedAt: new Date().toISOString(),
    },
  ]);
  await world.call(
    judge,
    'PUT',
    `/api/v1/cases/${onCase.caseId}/funds/payee-accounts/${payee}`,
    { accountNumber: '6217000011112222333', accountName: '申请执行人', bankName: '建设银行' },
    200,
  );
  return { ...onCase, payee, accountNumber };
}

async function aPendingDisbursement(world: World, court: CourtKey) {
  const onCase = await aCaseWithMoney(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    '/api/v1/funds/disbursements',
    { caseId: onCase.caseId, payeePartyId: onCase.payee, amountFen: 1_000 },
    201,
  );
  return { params: { id: String(res.body.id) }, caseId: onCase.caseId };
}

/** A case with money waiting and a payout delay its judge requested (执行款物管理规定 art. 15). */
async function aPendingPayoutDelay(world: World, court: CourtKey) {
  const onCase = await aCaseWithMoney(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/funds/payout-delays`,
    { reason: 'applicantNotCollecting', note: '申请执行人暂未领取' },
    201,
  );
  return { params: { id: String(res.body.id) }, caseId: onCase.caseId };
}

/** The same delay approved by a leader of the case's court. */
async function anApprovedPayoutDelay(world: World, court: CourtKey) {
  const pending = await aPendingPayoutDelay(world, court);
  await world.call(
    `${court}.president`,
    'POST',
    `/api/v1/funds/payout-delays/${pending.params.id}/approve`,
    undefined,
    200,
  );
  return pending;
}

function signed(path: string, body: unknown) {
  const rawBody = JSON.stringify(body);
  const timestamp = String(Date.now());
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-zx-institution': fixtureBank.code,
      'x-zx-timestamp': timestamp,
      'x-zx-signature': computeSignature(fixtureBank.key, 'POST', path, timestamp, rawBody),
    },
  };
}

/**
 * Funds: the case's money, payee accounts, disbursements and their approval, payout delays, the
 * claim queue, the bank's notices.
 */
export const fundsFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/cases/{id}/funds': { build: (world, court) => onNewCase(world, court) },
  'PUT /api/v1/cases/{id}/funds/payee-accounts/{partyId}': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        ...onCase,
        params: { id: onCase.caseId, partyId: onCase.c.applicants[0]?.id ?? '' },
        body: { accountNumber: '6217000011112222333', accountName: '申请执行人', bankName: '建设银行' },
      };
    },
  },
  'POST /api/v1/funds/disbursements': {
    build: async (world, court) => {
      const onCase = await aCaseWithMoney(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: {
          caseId: onCase.caseId,
          payeePartyId: onCase.payee,
          amountFen: 1_000,
          purpose: '执行款发放',
          payeeAccount: {
            accountNumber: '6217000011112222333',
            accountName: '申请执行人',
            bankName: '建设银行',
          },
        },
      };
    },
  },
  'GET /api/v1/funds/disbursements/{id}': { build: aPendingDisbursement },
  'POST /api/v1/funds/disbursements/{id}/approve': { build: aPendingDisbursement },
  'POST /api/v1/funds/disbursements/{id}/reject': {
    build: async (world, court) => ({
      ...(await aPendingDisbursement(world, court)),
      body: { reason: '金额有误' },
    }),
  },
  'POST /api/v1/funds/allocations': {
    build: async (world, court) => {
      // Two applicants: the money waits unallocated for the court's decision.
      const filed = await world.call(
        `${court}.judge`,
        'POST',
        '/api/v1/cases',
        aCaseBody({ applicants: [aCompany(), aCompany()] }),
        201,
      );
      const c = await world.caseFacts(String(filed.body.id));
      const funds = await world.call(`${court}.judge`, 'GET', `/api/v1/cases/${c.id}/funds`, undefined, 200);
      await notify(world, [
        {
          serial: nextSerial(),
          toAccount: String(funds.body.accountNumber),
          amountFen: 50_000_000,
          payerName: '被执行人',
          payerAccount: '',
          receivedAt: new Date().toISOString(),
        },
      ]);
      const [first, second] = c.applicants;
      return {
        caseId: c.id,
        namedBy: 'caseId',
        body: {
          caseId: c.id,
          shares: [
            { payeePartyId: first?.id ?? '', amountFen: 1_000_000 },
            { payeePartyId: second?.id ?? '', amountFen: 500_000 },
          ],
          refundFen: 0,
        },
      };
    },
  },
  'POST /api/v1/funds/escrows': {
    build: async (world, court) => {
      const onCase = await aCaseWithMoney(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: {
          caseId: onCase.caseId,
          payeePartyId: onCase.payee,
          amountFen: 1_000,
          ground: 'refused',
          note: '拒绝领取',
        },
      };
    },
  },
  'POST /api/v1/cases/{id}/funds/payout-delays': {
    build: async (world, court) => {
      const onCase = await aCaseWithMoney(world, court);
      return {
        params: { id: onCase.caseId },
        caseId: onCase.caseId,
        body: { reason: 'frozenInAnotherCase', note: '执行款被（2026）浙0106执99号案冻结' },
      };
    },
  },
  'POST /api/v1/funds/payout-delays/{id}/approve': { build: aPendingPayoutDelay },
  'POST /api/v1/funds/payout-delays/{id}/reject': {
    build: async (world, court) => ({
      ...(await aPendingPayoutDelay(world, court)),
      body: { reason: '理由不充分' },
    }),
  },
  'POST /api/v1/funds/payout-delays/{id}/end': { build: anApprovedPayoutDelay },
  'GET /api/v1/funds/payout-delays': {
    build: async (world, court) => {
      await aPendingPayoutDelay(world, court);
      return { query: { state: 'pendingApproval' } };
    },
  },
  'GET /api/v1/funds/unmatched': { build: async () => ({}) },
  'GET /api/v1/funds/disbursements': {
    build: async (world, court) => {
      await aPendingDisbursement(world, court);
      return { query: { state: 'pendingApproval' } };
    },
  },
  'GET /api/v1/funds/reconciliations': { build: async () => ({}) },
  'POST /api/v1/funds/reconciliations': {
    build: async (world) => {
      // Every court holds its enforcement account at the bank (as the subscription job arranges).
      await world.t.database.sql`insert into funds.court_accounts (court_id, account_number, bank_name)
        select c.id, funds.court_account_number(nextval('funds.court_account_no')), '中国工商银行 / ICBC'
          from identity.courts c on conflict (court_id) do nothing`;
      const accounts = await world.t.database.sql<
        { n: string }[]
      >`select account_number as n from funds.court_accounts`;
      for (const a of accounts) await subscribeAtBank(a.n);
      const now = await world.call(null, 'GET', '/api/v1/clock', undefined, 200);
      return { body: { date: addCalendarDays(String(now.body.today), -1) } };
    },
  },
  'GET /api/v1/funds/reports/monthly': {
    build: async () => ({ query: { month: '2026-11', format: 'json' } }),
  },
  'POST /api/v1/funds/unmatched/{id}/claim': {
    build: async (world, court) => {
      const onCase = await aCaseWithMoney(world, court);
      const s = nextSerial();
      await notify(world, [
        {
          serial: s,
          toAccount: `${onCase.accountNumber.slice(0, 12)}99999990`,
          amountFen: 20_000,
          payerName: '某某',
          payerAccount: '',
          receivedAt: new Date().toISOString(),
        },
      ]);
      const [row] = await world.t.database.sql<
        { id: string }[]
      >`select id from funds.receipts where serial = ${s}`;
      return {
        params: { id: row?.id ?? '' },
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: { caseId: onCase.caseId },
      };
    },
  },
  'POST /api/v1/funds/bank/arrivals': {
    build: async (world, court) => {
      const onCase = await aCaseWithMoney(world, court);
      return signed('/api/v1/funds/bank/arrivals', {
        notifications: [
          {
            serial: nextSerial(),
            toAccount: onCase.accountNumber,
            amountFen: 10_000,
            payerName: '被执行人',
            payerAccount: '6222000000000000',
            receivedAt: new Date().toISOString(),
          },
        ],
      });
    },
  },
  'POST /api/v1/funds/bank/payment-results': {
    build: async () =>
      signed('/api/v1/funds/bank/payment-results', {
        results: [
          {
            instructionId: nextSerial(),
            status: 'paid',
            bankSerial: 'B1',
            settledAt: new Date().toISOString(),
          },
        ],
      }),
  },
};
