import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { caseAccountNumber, luhnCheckDigit } from '../src/kernel/index.ts';
import {
  type Arrival,
  type ArrivalOutcome,
  approveDisbursement,
  bookArrivals,
  claimUnmatched,
  proposeDisbursement,
  rejectDisbursement,
  settlePayment,
  verifyLedger,
} from '../src/modules/funds/index.ts';
import { type Actor, loadActorByUsername } from '../src/modules/identity/index.ts';
import { allJobs } from '../src/modules.ts';
import type { Config } from '../src/platform/config.ts';
import type { Database, Db } from '../src/platform/db.ts';
import { AppError, ErrorCode } from '../src/platform/errors.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The ledger's invariants under any interleaving (docs/decisions/0014-case-funds-ledger.md), on the
 * real PostgreSQL: the bank's notices duplicated, reordered and delivered concurrently, claims,
 * proposals racing for the same money, approvals, rejections, instructions to a dead bank and
 * payment results replayed in any order. After every step the ledger balances, no bucket is below
 * zero, each serial is booked once and each disbursement paid at most once. FUNDS_PROPERTY_RUNS
 * sets the number of runs (20 keeps the file well under a minute on a busy two-core machine).
 */
const secret = 'funds-property-secret';
const logger = createLogger('silent');
let sim: Simulator;
let t: TestApp;
let db: Db;
let judge: Actor;
let president: Actor;
let config: Config;
/** A configuration whose bank refuses connections: an instruction is marked, then fails to leave. */
let deadBankConfig: Config;

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    bank: { knobs: { settleLatencyMs: 300 }, notify: { flushMs: 10, baseDelayMs: 50, maxDelayMs: 500 } },
  });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  config = { ...t.config, publicUrl: `http://127.0.0.1:${port}` };
  deadBankConfig = { ...config, bankUrl: `http://127.0.0.1:${await closedPort()}/bank`, bankKey: 'dead' };
  db = t.appDatabase.db;
  const j = await loadActorByUsername(db, 'xihu.judge');
  const p = await loadActorByUsername(db, 'xihu.president');
  if (!j || !p) throw new Error('demo organisation missing');
  judge = j;
  president = p;
});

after(async () => {
  await sim?.close();
  await t?.close();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

type CaseFixture = { caseId: string; accountNumber: string; applicantIds: string[] };

/** A case filed by xihu.judge (so the judge is on its team), its account open, its applicants' bank accounts on file. */
async function aCase(applicants: number, claimAmountFen: number): Promise<CaseFixture> {
  const token = await t.login('xihu.judge');
  const filed = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({
      applicants: Array.from({ length: applicants }, () => aCompany()),
      respondents: [aPerson()],
      claimAmountFen,
    }),
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const caseId = String(filed.body.id);
  // Reading the case's money opens its account, as the filing subscriber would.
  const funds = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token });
  assert.equal(funds.status, 200, JSON.stringify(funds.body));
  const payees: { partyId: string; name: string }[] = funds.body.payees;
  for (const p of payees) {
    const saved = await t.request('PUT', `/api/v1/cases/${caseId}/funds/payee-accounts/${p.partyId}`, {
      token,
      body: { accountNumber: '6217000011112222333', accountName: p.name, bankName: '建设银行' },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  }
  return {
    caseId,
    accountNumber: String(funds.body.accountNumber),
    applicantIds: payees.map((p) => p.partyId),
  };
}

/** A job's handler run as a worker runs it (payload validated), with the given configuration. */
async function runJob(name: string, payload: unknown, jobConfig: Config): Promise<void> {
  const job = allJobs().find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  const database: Database = t.appDatabase;
  await job.handle({ database, logger, config: jobConfig }, job.payload.parse(payload));
}

const isAppError = (err: unknown, ...codes: string[]) => err instanceof AppError && codes.includes(err.code);

// ——— The operations, generated ———

type Target = 'single' | 'joint' | 'stray';
type PaymentSpec = { target: Target; amountFen: number; day: number; isSpaced: boolean };
type Settlement = 'paid' | 'failed';
type Op =
  | { kind: 'deliver'; groups: number[][]; isConcurrent: boolean }
  | { kind: 'claim'; pick: number; to: 'single' | 'joint'; racers: number }
  | { kind: 'propose'; payee: number; perMille: number[] }
  | { kind: 'approve'; pick: number }
  | { kind: 'reject'; pick: number }
  | { kind: 'instruct'; pick: number }
  | { kind: 'settle'; pick: number; results: Settlement[]; isConcurrent: boolean }
  | { kind: 'flow'; perMille: number; isInstructed: boolean; results: Settlement[]; isConcurrent: boolean }
  | { kind: 'together'; ops: Op[] };

const paymentArb: fc.Arbitrary<PaymentSpec> = fc.record({
  target: fc.constantFrom<Target>('single', 'single', 'joint', 'stray'),
  amountFen: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 400_000 })),
  day: fc.integer({ min: 0, max: 300 }),
  isSpaced: fc.boolean(),
});
const deliverArb = fc.record({
  kind: fc.constant('deliver' as const),
  groups: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
  isConcurrent: fc.boolean(),
});
const claimArb = fc.record({
  kind: fc.constant('claim' as const),
  pick: fc.nat(),
  to: fc.constantFrom<'single' | 'joint'>('single', 'joint'),
  racers: fc.integer({ min: 1, max: 3 }),
});
const proposeArb = fc.record({
  kind: fc.constant('propose' as const),
  payee: fc.constantFrom(0, 0, 0, 1, 2),
  perMille: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
});
const approveArb = fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() });
const rejectArb = fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() });
const instructArb = fc.record({ kind: fc.constant('instruct' as const), pick: fc.nat() });
const settleArb = fc.record({
  kind: fc.constant('settle' as const),
  pick: fc.nat(),
  results: fc.array(fc.constantFrom<Settlement>('paid', 'failed'), { minLength: 1, maxLength: 4 }),
  isConcurrent: fc.boolean(),
});
/** One payout from proposal to its (replayed) result, so that runs reach the later states often. */
const flowArb = fc.record({
  kind: fc.constant('flow' as const),
  perMille: fc.integer({ min: 1, max: 1000 }),
  isInstructed: fc.boolean(),
  results: fc.array(fc.constantFrom<Settlement>('paid', 'failed'), { minLength: 1, maxLength: 4 }),
  isConcurrent: fc.boolean(),
});
const togetherArb = fc.record({
  kind: fc.constant('together' as const),
  ops: fc.array(fc.oneof(deliverArb, claimArb, proposeArb, approveArb, rejectArb, settleArb, flowArb), {
    minLength: 2,
    maxLength: 4,
  }),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: deliverArb, weight: 4 },
  { arbitrary: claimArb, weight: 1 },
  { arbitrary: proposeArb, weight: 3 },
  { arbitrary: approveArb, weight: 3 },
  { arbitrary: rejectArb, weight: 1 },
  { arbitrary: instructArb, weight: 1 },
  { arbitrary: settleArb, weight: 3 },
  { arbitrary: flowArb, weight: 3 },
  { arbitrary: togetherArb, weight: 3 },
);

// ——— Running them against the real use cases ———

type Payment = PaymentSpec & { serial: string; caseId: string | null; arrival: Arrival };
type Disbursement = { id: string; instructionId: string };
type World = {
  single: CaseFixture;
  joint: CaseFixture;
  payments: Payment[];
  /** Serials the bank has notified at least once. */
  delivered: Set<string>;
  /** How many times each serial was answered other than `duplicate` (must stay 1). */
  fresh: Map<string, number>;
  /** Money claimed from the queue, by case. */
  claimedFen: Map<string, number>;
  disbursements: Disbursement[];
  secondApprovalFromFen: number;
};

let runs = 0;
const day0 = Date.parse('2026-01-10T02:00:00Z');

async function newWorld(specs: PaymentSpec[]): Promise<World> {
  runs += 1;
  const single = await aCase(1, 500_000);
  const joint = await aCase(2, 800_000);
  const courtAccount = single.accountNumber.slice(0, 12);
  const payments = specs.map((s, i) => {
    const serial = `PROP-${process.pid}-${runs}-${i}`;
    const number =
      s.target === 'single'
        ? single.accountNumber
        : s.target === 'joint'
          ? joint.accountNumber
          : `${courtAccount}99999990`;
    // Payers write account numbers with spaces; the bank passes them on as written.
    const toAccount = s.isSpaced ? (number.match(/.{1,4}/g) ?? [number]).join(' ') : number;
    const caseId = s.target === 'single' ? single.caseId : s.target === 'joint' ? joint.caseId : null;
    return {
      ...s,
      serial,
      caseId,
      arrival: {
        serial,
        toAccount,
        amountFen: s.amountFen,
        payerName: '被执行人',
        payerAccount: '6222000000000000',
        receivedAt: new Date(day0 + s.day * 86_400_000 + i * 60_000).toISOString(),
      },
    };
  });
  return {
    single,
    joint,
    payments,
    delivered: new Set(),
    fresh: new Map(),
    claimedFen: new Map(),
    disbursements: [],
    secondApprovalFromFen: 300_000,
  };
}

async function stateOf(id: string): Promise<{ state: string; approvals: number; requiredApprovals: number }> {
  const [row] = await t.database.sql<{ state: string; approvals: number; requiredApprovals: number }[]>`
    select state, required_approvals as "requiredApprovals",
      (select count(*)::int from funds.approvals a where a.disbursement_id = d.id) as approvals
    from funds.disbursements d where id = ${id}`;
  if (!row) throw new Error(`disbursement ${id} missing`);
  return row;
}

async function leftToPay(caseId: string, partyId: string): Promise<{ left: number; reserved: number }> {
  const [row] = await t.database.sql<{ left: number; reserved: number }[]>`
    select (payable_fen - reserved_fen)::float8 as left, reserved_fen::float8 as reserved
    from funds.payables where case_id = ${caseId} and party_id = ${partyId}`;
  return row ?? { left: 0, reserved: 0 };
}

async function deliver(w: World, op: Extract<Op, { kind: 'deliver' }>): Promise<void> {
  const groups = op.groups.map((g) =>
    g.map((i) => w.payments[i % w.payments.length]).filter((p): p is Payment => p !== undefined),
  );
  const book = (g: Payment[]) =>
    db.transaction((tx) =>
      bookArrivals(
        tx,
        g.map((p) => p.arrival),
      ),
    );
  const outcomes: Map<string, ArrivalOutcome>[] = [];
  if (op.isConcurrent) outcomes.push(...(await Promise.all(groups.map(book))));
  else for (const g of groups) outcomes.push(await book(g));
  for (const [k, g] of groups.entries()) {
    const answer = outcomes[k];
    assert.ok(answer);
    assert.equal(answer.size, new Set(g.map((p) => p.serial)).size, 'one outcome per serial of the group');
    for (const p of new Set(g)) {
      w.delivered.add(p.serial);
      const outcome = answer.get(p.serial);
      if (outcome === 'duplicate') continue;
      assert.equal(outcome, p.target === 'stray' ? 'unmatched' : 'booked', p.serial);
      w.fresh.set(p.serial, (w.fresh.get(p.serial) ?? 0) + 1);
    }
  }
}

async function claim(w: World, op: Extract<Op, { kind: 'claim' }>, isStrict: boolean): Promise<void> {
  const strays = w.payments.filter((p) => p.target === 'stray').map((p) => p.serial);
  const queued = await t.database.sql<{ id: string; amountFen: number }[]>`
    select id, amount_fen::float8 as "amountFen" from funds.receipts
    where serial = any(${strays}) and state = 'unmatched' order by serial`;
  const r = queued[op.pick % Math.max(1, queued.length)];
  if (!r) return;
  const to = op.to === 'single' ? w.single : w.joint;
  const answers = await Promise.allSettled(
    Array.from({ length: op.racers }, () => claimUnmatched(db, judge, r.id, { caseId: to.caseId })),
  );
  const won = answers.filter((a) => a.status === 'fulfilled').length;
  for (const a of answers)
    if (a.status === 'rejected') assert.ok(isAppError(a.reason, ErrorCode.conflict), String(a.reason));
  if (isStrict) assert.equal(won, 1, 'a queued payment is claimed once');
  if (won > 0) w.claimedFen.set(to.caseId, (w.claimedFen.get(to.caseId) ?? 0) + r.amountFen);
}

async function propose(
  w: World,
  op: { payee: number; perMille: number[] },
  isStrict: boolean,
): Promise<Disbursement[]> {
  const [c, partyId] =
    op.payee === 0
      ? [w.single, w.single.applicantIds[0]]
      : [w.joint, w.joint.applicantIds[op.payee === 1 ? 0 : 1]];
  if (!partyId) throw new Error('applicant missing');
  const before = await leftToPay(c.caseId, partyId);
  const amounts = op.perMille.map((p) =>
    before.left > 0 ? Math.max(1, Math.ceil((before.left * p) / 1000)) : p,
  );
  const answers = await Promise.allSettled(
    amounts.map((amountFen) =>
      proposeDisbursement(
        db,
        judge,
        { caseId: c.caseId, payeePartyId: partyId, amountFen },
        { secondApprovalFromFen: w.secondApprovalFromFen },
      ),
    ),
  );
  let accepted = 0;
  const created: Disbursement[] = [];
  for (const [i, a] of answers.entries()) {
    if (a.status === 'rejected') {
      assert.ok(isAppError(a.reason, ErrorCode.conflict), String(a.reason));
      continue;
    }
    accepted += amounts[i] ?? 0;
    const [row] = await t.database.sql<{ instructionId: string }[]>`
      select instruction_id as "instructionId" from funds.disbursements where id = ${a.value.id}`;
    created.push({ id: a.value.id, instructionId: row?.instructionId ?? '' });
  }
  w.disbursements.push(...created);
  if (!isStrict) return created;
  // Concurrent proposals never overdraw: together they reserve at most what was left.
  assert.ok(accepted <= before.left, `reserved ${accepted} of ${before.left}`);
  const afterwards = await leftToPay(c.caseId, partyId);
  assert.equal(afterwards.reserved - before.reserved, accepted);
  return created;
}

async function approve(d: Disbursement, isStrict: boolean): Promise<void> {
  const s = await stateOf(d.id);
  try {
    const after = await approveDisbursement(db, president, d.id);
    if (isStrict) {
      assert.equal(s.state, 'pendingApproval');
      assert.equal(after.state, s.approvals + 1 >= s.requiredApprovals ? 'approved' : 'pendingApproval');
    }
  } catch (err) {
    assert.ok(isAppError(err, ErrorCode.conflict), String(err));
    // The court has one leader, who approves once; a second approval needs another leader.
    if (isStrict) assert.ok(s.state !== 'pendingApproval' || s.approvals > 0, s.state);
  }
}

async function reject(d: Disbursement, isStrict: boolean): Promise<void> {
  const s = await stateOf(d.id);
  try {
    const after = await rejectDisbursement(db, president, d.id, '金额有误');
    assert.equal(after.state, 'rejected');
    if (isStrict) assert.equal(s.state, 'pendingApproval');
  } catch (err) {
    assert.ok(isAppError(err, ErrorCode.conflict), String(err));
    if (isStrict) assert.notEqual(s.state, 'pendingApproval');
  }
}

/** The instruction job against a bank that refuses connections: marked instructed, then the job fails (and would retry). */
async function instruct(d: Disbursement, isStrict: boolean): Promise<void> {
  const s = await stateOf(d.id);
  const isInFlight = s.state === 'approved' || s.state === 'instructed';
  const sent = runJob('funds.instruct-payment', { disbursementId: d.id }, deadBankConfig);
  if (!isStrict) return sent.catch(() => undefined);
  if (isInFlight) await assert.rejects(sent);
  else await sent;
  assert.equal((await stateOf(d.id)).state, isInFlight ? 'instructed' : s.state);
}

/** The bank's result, replayed: in order or all at once, each in its own transaction. */
async function settle(
  d: Disbursement,
  op: { results: Settlement[]; isConcurrent: boolean },
  isStrict: boolean,
): Promise<void> {
  const s = await stateOf(d.id);
  const once = (status: Settlement, i: number) =>
    db.transaction((tx) =>
      settlePayment(tx, {
        instructionId: d.instructionId,
        status,
        bankSerial: status === 'paid' ? `B-${d.id.slice(0, 8)}-${i}` : undefined,
        settledAt: new Date().toISOString(),
        reason: status === 'failed' ? '收款账户已销户' : undefined,
      }),
    );
  const outcomes: string[] = [];
  if (op.isConcurrent) outcomes.push(...(await Promise.all(op.results.map(once))));
  else for (const [i, status] of op.results.entries()) outcomes.push(await once(status, i));
  if (!isStrict) return;
  const isInFlight = s.state === 'approved' || s.state === 'instructed';
  const settled = outcomes.flatMap((o, i) => (o === 'settled' ? [i] : []));
  assert.equal(settled.length, isInFlight ? 1 : 0, `outcomes ${outcomes.join(',')} from ${s.state}`);
  const winner = settled[0];
  // The first result wins (sequentially, the first sent); every later one changes nothing.
  if (!op.isConcurrent && isInFlight) assert.equal(winner, 0);
  const expected = winner === undefined ? s.state : op.results[winner];
  assert.equal((await stateOf(d.id)).state, expected);
}

async function run(w: World, op: Op, isStrict = true): Promise<void> {
  const picked = (pick: number) => w.disbursements[pick % Math.max(1, w.disbursements.length)];
  switch (op.kind) {
    case 'deliver':
      return deliver(w, op);
    case 'claim':
      return claim(w, op, isStrict);
    case 'propose':
      await propose(w, op, isStrict);
      return;
    case 'flow': {
      const [d] = await propose(w, { payee: 0, perMille: [op.perMille] }, isStrict);
      if (!d) return;
      await approve(d, isStrict);
      if (op.isInstructed) await instruct(d, isStrict);
      return settle(d, op, isStrict);
    }
    case 'together':
      // Any interleaving: the operations' own expectations are loose, the invariants are not.
      await Promise.all(op.ops.map((o) => run(w, o, false)));
      return;
  }
  const d = picked(op.pick);
  if (!d) return;
  switch (op.kind) {
    case 'approve':
      return approve(d, isStrict);
    case 'reject':
      return reject(d, isStrict);
    case 'instruct':
      return instruct(d, isStrict);
    case 'settle':
      return settle(d, op, isStrict);
  }
}

// ——— The invariants ———

async function assertInvariants(w: World): Promise<void> {
  const report = await verifyLedger(db);
  assert.deepEqual(report.problems, [], 'verifyLedger: journals balance, cached balances = entries');
  const sql = t.database.sql;
  const badBuckets = await sql`select case_id from funds.case_balances
    where least(received_fen, fees_fen, payable_fen, paid_fen, escrow_fen, refund_fen, unallocated_fen) < 0
      or received_fen <> fees_fen + payable_fen + paid_fen + escrow_fen + refund_fen + unallocated_fen`;
  assert.deepEqual([...badBuckets], [], 'no bucket below zero; received = the sum of the buckets');
  const badPayees = await sql`select case_id, party_id from funds.payables
    where payable_fen < 0 or reserved_fen < 0 or reserved_fen > payable_fen`;
  assert.deepEqual([...badPayees], [], 'reserved ≤ payable for each payee');
  const twice = await sql`select serial from funds.receipts group by serial having count(*) > 1
    union all select reference from funds.journals where kind in ('arrival', 'arrival.unmatched', 'arrival.claimed')
      group by kind, reference having count(*) > 1`;
  assert.deepEqual([...twice], [], 'each serial booked once');
  const receiptsVsJournals = await sql`
    with j as (
      select j.case_id, -sum(e.amount_fen) as fen from funds.journals j
        join funds.entries e on e.journal_id = j.id and e.account like 'case.%'
      where j.kind in ('arrival', 'arrival.claimed') group by j.case_id
    ), r as (select case_id, sum(amount_fen) as fen from funds.receipts where case_id is not null group by case_id)
    select coalesce(j.case_id, r.case_id) as case_id, j.fen::float8 as journals, r.fen::float8 as receipts
    from j full join r on r.case_id = j.case_id where j.fen is distinct from r.fen`;
  assert.deepEqual([...receiptsVsJournals], [], "a case's arrival journals sum to its distinct receipts");
  const courtAccounts = await sql`
    with e as (
      select court_id, sum(amount_fen) filter (where account = 'court.bank') as bank,
        -sum(amount_fen) filter (where account = 'court.unmatched') as queued
      from funds.entries group by court_id
    ), r as (
      select court_id, sum(amount_fen) as received, sum(amount_fen) filter (where state = 'unmatched') as queued
      from funds.receipts where court_id is not null group by court_id
    ), d as (select court_id, sum(amount_fen) as paid from funds.disbursements where state = 'paid' group by court_id)
    select r.court_id from r left join e on e.court_id = r.court_id left join d on d.court_id = r.court_id
    where coalesce(e.bank, 0) <> r.received - coalesce(d.paid, 0) or coalesce(e.queued, 0) <> coalesce(r.queued, 0)`;
  assert.deepEqual(
    [...courtAccounts],
    [],
    "the court's bank account = received − paid out; its claim queue = the queued receipts",
  );
  const paidTwice = await sql`select d.id, d.state, count(j.id)::int as payouts from funds.disbursements d
      left join funds.journals j on j.kind = 'payout' and j.reference = d.instruction_id
    group by d.id, d.state having count(j.id) <> (case when d.state = 'paid' then 1 else 0 end)
    union all select null, reference, count(*)::int from funds.journals where kind = 'payout'
      group by reference having count(*) > 1`;
  assert.deepEqual([...paidTwice], [], 'a paid disbursement has exactly one payout; no other has any');
  const paidVsBuckets = await sql`select b.case_id from funds.case_balances b
      left join (select case_id, sum(amount_fen) as fen from funds.disbursements where state = 'paid' group by case_id) d
        on d.case_id = b.case_id
    where b.paid_fen <> coalesce(d.fen, 0)`;
  assert.deepEqual([...paidVsBuckets], [], 'paid = the paid disbursements');
  // The model: every serial the bank sent was answered booked (or queued) once, duplicate ever after…
  for (const serial of w.delivered) assert.equal(w.fresh.get(serial), 1, `${serial} booked once`);
  // …and a case received what the bank sent for it and the claims that won, each counted once.
  for (const c of [w.single, w.joint]) {
    const expected =
      w.payments
        .filter((p) => p.caseId === c.caseId && w.delivered.has(p.serial))
        .reduce((s, p) => s + p.amountFen, 0) + (w.claimedFen.get(c.caseId) ?? 0);
    const [b] = await sql<{ received: number; unallocated: number; fees: number; payable: number }[]>`
      select received_fen::float8 as received, unallocated_fen::float8 as unallocated, fees_fen::float8 as fees,
        payable_fen::float8 as payable from funds.case_balances where case_id = ${c.caseId}`;
    assert.equal(b?.received, expected, 'received = the distinct payments for the case');
    // One applicant: allocated at arrival; two: the money waits for a distribution.
    if (c === w.single) assert.equal(b?.unallocated, 0);
    else assert.deepEqual([b?.unallocated, b?.fees, b?.payable], [expected, 0, 0]);
  }
}

describe('the case funds ledger under any interleaving', () => {
  test('duplicated and reordered notices, claims, racing proposals, approvals, settlements replayed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(paymentArb, { minLength: 1, maxLength: 8 }),
        deliverArb,
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        async (specs, first, ops) => {
          const w = await newWorld(specs);
          await assertInvariants(w);
          // Every payment notified at least once early on (so that there is money to propose), then anything.
          const everyOnce = specs.map((_, i) => i);
          const opening = { ...first, groups: [...first.groups, everyOnce] };
          for (const op of [opening, ...ops]) {
            await run(w, op);
            await assertInvariants(w);
          }
        },
      ),
      { numRuns: Number(process.env.FUNDS_PROPERTY_RUNS ?? 20) },
    );
  });
});

describe('the SQL Luhn of the migration', () => {
  test('funds.luhn_digit and funds.case_account_number agree with the kernel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^\d{0,30}$/), { minLength: 1, maxLength: 50 }),
        fc.array(
          fc.record({
            court: fc.stringMatching(/^\d{12}$/),
            sequence: fc.integer({ min: 1, max: 9_999_999 }),
          }),
          { minLength: 1, maxLength: 50 },
        ),
        async (digits, accounts) => {
          const luhn = await t.database.sql<{ d: number }[]>`
            select funds.luhn_digit(x) as d from unnest(${digits}::text[]) with ordinality as u(x, n) order by n`;
          assert.deepEqual(
            luhn.map((r) => r.d),
            digits.map(luhnCheckDigit),
          );
          const numbers = await t.database.sql<{ n: string }[]>`
            select funds.case_account_number(c, s) as n
            from unnest(${accounts.map((a) => a.court)}::text[], ${accounts.map((a) => a.sequence)}::int[])
              with ordinality as u(c, s, k) order by k`;
          assert.deepEqual(
            numbers.map((r) => r.n),
            accounts.map((a) => caseAccountNumber(a.court, a.sequence)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('a worker killed between instruction and confirmation', () => {
  async function admin(method: 'GET' | 'POST', path: string, body?: unknown) {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.adminToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  }
  async function bankBalance(courtAccount: string): Promise<number> {
    const { body } = await admin('GET', '/sim/bank/accounts');
    const accounts =
      (body as { accounts?: { account: string; balanceFen: number }[] } | null)?.accounts ?? [];
    return accounts.find((a) => a.account === courtAccount)?.balanceFen ?? 0;
  }

  test('ends in one payment: the same instruction id is resent, the bank pays once', async () => {
    const c = await aCase(1, 10_000_000);
    const courtAccount = c.accountNumber.slice(0, 12);
    await runJob('funds.subscribe-bank', {}, config);
    const opening = await bankBalance(courtAccount);
    const serial = `CRASH-${process.pid}`;
    const paidIn = await admin('POST', '/sim/bank/transfers', {
      toAccount: c.accountNumber,
      amountFen: 3_000_000,
      payerName: '被执行人',
      serial,
    });
    assert.equal(paidIn.status, 202, JSON.stringify(paidIn.body));
    await waitFor(async () => {
      const [r] = await t.database.sql`select 1 from funds.receipts where serial = ${serial}`;
      return r !== undefined;
    }, 'the bank to notify the arrival');
    const partyId = c.applicantIds[0] ?? '';
    const { left } = await leftToPay(c.caseId, partyId);
    assert.ok(left > 0);
    const proposed = await proposeDisbursement(
      db,
      judge,
      { caseId: c.caseId, payeePartyId: partyId, amountFen: left },
      { secondApprovalFromFen: config.fundsSecondApprovalFromFen },
    );
    await approveDisbursement(db, president, proposed.id);
    const instructJob = () => runJob('funds.instruct-payment', { disbursementId: proposed.id }, config);

    // The job marks the disbursement instructed, commits, and calls the bank.
    await instructJob();
    // The worker was killed before the job was recorded done: the job runs again.
    await instructJob();
    // As if the commit of the mark was lost (unless the result has settled it already): approved
    // again, and the job picked up by two workers at once.
    await t.database.sql`update funds.disbursements set state = 'approved', instructed_at = null
      where id = ${proposed.id} and state = 'instructed'`;
    await Promise.all([instructJob(), instructJob()]);

    const settled = await waitFor(async () => {
      const { state } = await stateOf(proposed.id);
      return (state === 'paid' || state === 'failed') && state;
    }, 'the payment result');
    // A resend the bank took for another payment would have been refused (409) and marked failed.
    assert.equal(settled, 'paid');
    // After the result, a rerun sends nothing.
    await instructJob();
    assert.equal(await bankBalance(courtAccount), opening + 3_000_000 - left, 'the bank paid once');
    const payouts = await t.database.sql<{ n: number }[]>`
      select count(*)::int as n from funds.journals j join funds.disbursements d on d.instruction_id = j.reference
      where d.id = ${proposed.id} and j.kind = 'payout'`;
    assert.equal(payouts[0]?.n, 1, 'one payout in the ledger');
    const report = await verifyLedger(db);
    assert.deepEqual(report.problems, []);
  });
});
