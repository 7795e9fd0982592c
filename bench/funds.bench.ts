import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { prepareTestServer, templateName, withAppLogin, withDatabase } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { verifyLedger } from '../src/modules/funds/index.ts';
import { seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import type { App } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/logging.ts';
import { bankCode } from '../src/platform/outside-world.ts';
import { signHeaders } from '../src/platform/signed-http.ts';
import { sampleWaits } from './funds-waits.ts';
import { insertCases } from './inquiry-batch-setup.ts';
import { printFigures, runConcurrently, summarise } from './support.ts';

/**
 * Booking the bank's arrival notices (docs/decisions/0014-case-funds-ledger.md, 0015). Signed HTTP
 * POSTs of `{notifications: [...]}` batches (the bank sends up to 100 per request), several at a
 * time, to the real server: the route records them and answers, the court's booker books them in
 * batches of up to 1,000; the rate counts until the last one is in the ledger. Once for 10,000 case
 * accounts of one court (they all share the court's bank account, the classic hot account) and
 * once for one hot case, beside bare single-row autocommit inserts into a table of the same width
 * as funds.receipts (`like funds.receipts`, its indexes and checks) on the same database at the
 * same concurrency. Then `verifyLedger` and the model's totals: zero invariant breaks.
 * BENCH_FUNDS_ACCOUNTS, _ARRIVALS, _HOT_ARRIVALS, _BARE and _CONCURRENCY set the sizes; BENCH_FUNDS_WAITS=1
 * samples what PostgreSQL's backends were doing while the 10,000 accounts were booked (off by
 * default: the sampling is load of its own).
 */
const ACCOUNTS = Number(process.env.BENCH_FUNDS_ACCOUNTS ?? 10_000);
const ARRIVALS = Number(process.env.BENCH_FUNDS_ARRIVALS ?? 20_000);
const HOT_ARRIVALS = Number(process.env.BENCH_FUNDS_HOT_ARRIVALS ?? 10_000);
const BARE_INSERTS = Number(process.env.BENCH_FUNDS_BARE ?? 20_000);
const BATCH = 100;
const CONCURRENCY = Number(process.env.BENCH_FUNDS_CONCURRENCY ?? 8);
const bankKey = 'bench-bank-signing-key';
const arrivalsPath = '/api/v1/funds/bank/arrivals';

const server = await prepareTestServer({ port: 54991 });
const dbName = `zx_bench_funds_${Date.now()}`;
const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName} template ${templateName}`);
await admin.end();
// Set-up, inspection and the baseline as the superuser; the server as the application's role.
const database = connectDatabase(withDatabase(server.adminUrl, dbName), { max: CONCURRENCY + 2 });
const appDatabase = connectDatabase(withAppLogin(server.adminUrl, dbName), { max: 20 });
const { sql } = database;

type Notification = {
  serial: string;
  toAccount: string;
  amountFen: number;
  payerName: string;
  payerAccount: string;
  receivedAt: string;
};

/** A deterministic stream of amounts, so two runs book the same money. */
function amounts(seed: number) {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    return 100 + (x % 500_000);
  };
}

let app: App | undefined;
try {
  await seedDemoOrganisation(database.db);
  const setupStarted = performance.now();
  const caseIds = await insertCases(database, ACCOUNTS + 1, 0);
  const hotCaseId = caseIds.pop();
  if (!hotCaseId) throw new Error('no cases');
  // The accounts as the migration opens them for existing cases: the court's enforcement account,
  // then each case's sub-account (court account · sequence · Luhn digit) and its balance row.
  const [court] = await sql<{ id: string }[]>`select id from identity.courts where court_code = '浙0106'`;
  if (!court) throw new Error('demo court missing');
  await sql`insert into funds.court_accounts (court_id, account_number, bank_name)
    values (${court.id}, funds.court_account_number(nextval('funds.court_account_no')), '中国工商银行 / ICBC')
    on conflict (court_id) do nothing`;
  await sql`with numbered as (
      select c.id, c.court_id, c.case_number, c.claim_amount_fen, c.basis_effective_date,
        row_number() over (order by c.sequence) as seq
      from cases.cases c where c.id = any(${[...caseIds, hotCaseId]}::uuid[])
    )
    insert into funds.case_accounts (case_id, court_id, case_number, account_number, claim_fen, applicant_ids, interest_from)
    select n.id, n.court_id, n.case_number, funds.case_account_number(ca.account_number, (ca.next_sequence + n.seq - 1)::int),
      n.claim_amount_fen,
      array(select p.id from cases.parties p where p.case_id = n.id and p.role = 'applicant' order by p.position),
      n.basis_effective_date
    from numbered n join funds.court_accounts ca on ca.court_id = n.court_id`;
  await sql`update funds.court_accounts ca set next_sequence = 1 + (select count(*) from funds.case_accounts a where a.court_id = ca.court_id)`;
  await sql`insert into funds.case_balances (case_id, interest_accrued_to) select case_id, interest_from from funds.case_accounts`;
  await sql`analyze`;
  const numbers = await sql<{ caseId: string; accountNumber: string }[]>`
    select case_id as "caseId", account_number as "accountNumber" from funds.case_accounts order by account_number`;
  const accountOf = new Map(numbers.map((n) => [n.caseId, n.accountNumber]));
  const accounts = caseIds.map((id) => accountOf.get(id) ?? '');
  const hotAccount = accountOf.get(hotCaseId) ?? '';
  const setupMs = performance.now() - setupStarted;

  app = await buildApp({
    config: loadConfig({
      ZHIXING_LOG_LEVEL: 'silent',
      ZHIXING_DEMO: '1',
      ZHIXING_BANK_URL: 'http://127.0.0.1:9/bank',
      ZHIXING_BANK_KEY: bankKey,
    }),
    database: appDatabase,
    logger: createLogger('warn'),
    serveWeb: false,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const sent: Notification[] = [];
  /** One request of the bank: a batch of notices, signed over the exact bytes. */
  const post = async (notifications: Notification[]) => {
    const body = JSON.stringify({ notifications });
    const res = await fetch(`${address}${arrivalsPath}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signHeaders({
          institution: bankCode,
          key: bankKey,
          method: 'POST',
          path: arrivalsPath,
          body,
          now: Date.now(),
        }),
      },
      body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`arrivals: HTTP ${res.status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { results: { key: string; outcome: string }[] }).results;
  };
  const next = amounts(17);
  /** Resolves when every notice recorded so far has been booked (the inbox is empty). */
  const untilBooked = async () => {
    for (;;) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from funds.arrival_inbox`;
      if (row?.n === 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const book = async (label: string, total: number, accountFor: (i: number) => string) => {
    const batches = Math.ceil(total / BATCH);
    const notAccepted: string[] = [];
    const started = performance.now();
    const run = await runConcurrently(batches, CONCURRENCY, async (b) => {
      const notifications = Array.from({ length: Math.min(BATCH, total - b * BATCH) }, (_, k) => {
        const i = b * BATCH + k;
        return {
          serial: `${label}-${i}`,
          toAccount: accountFor(i),
          amountFen: next(),
          payerName: '被执行人',
          payerAccount: '6222020000000000000',
          receivedAt: new Date().toISOString(),
        };
      });
      sent.push(...notifications);
      for (const r of await post(notifications)) if (r.outcome !== 'accepted') notAccepted.push(r.key);
    });
    // The rate counts until the last notice is in the ledger, not until the last answer.
    await untilBooked();
    const bookedMs = performance.now() - started;
    return {
      ...run,
      rate: (total / bookedMs) * 1000,
      acceptRate: (total / run.elapsedMs) * 1000,
      lagMs: bookedMs - run.elapsedMs,
      notAccepted,
    };
  };

  // Baseline: a bare single-row insert of a receipt-sized row, autocommit, same concurrency.
  await sql`create table public.bench_bare (like funds.receipts including all)`;
  const bare = async (label: string, total: number) => {
    const run = await runConcurrently(total, CONCURRENCY, async (i) => {
      await sql`insert into public.bench_bare (id, serial, source, court_id, case_id, to_account, amount_fen, payer_name,
          payer_account, received_at, state)
        values (${randomUUID()}, ${`${label}-${i}`}, 'bank', ${court.id}, ${caseIds[i % caseIds.length] ?? null},
          ${accounts[i % accounts.length] ?? ''}, ${100 + (i % 500_000)}, '被执行人', '6222020000000000000', now(), 'booked')`;
    });
    return { ...run, rate: (total / run.elapsedMs) * 1000 };
  };

  // Each booking beside a baseline taken just before it: the shared machine drifts within a run.
  const pick = amounts(29);
  const randomAccount = () => accounts[pick() % accounts.length] ?? '';
  const bareMany = await bare('BARE-A', BARE_INSERTS);
  const waits = process.env.BENCH_FUNDS_WAITS === '1' ? sampleWaits(database) : null;
  const many = await book('MANY', ARRIVALS, () => randomAccount());
  const manyWaits = await waits?.stop();
  const bareHot = await bare('BARE-B', BARE_INSERTS);
  const hot = await book('HOT', HOT_ARRIVALS, () => hotAccount);

  // The bank notifies at least once: a resent sample changes nothing.
  const resent = sent.filter((_, i) => i % 50 === 0);
  const resentBooked: string[] = [];
  for (let i = 0; i < resent.length; i += BATCH)
    for (const r of await post(resent.slice(i, i + BATCH)))
      if (r.outcome !== 'duplicate') resentBooked.push(r.key);

  const verifyStarted = performance.now();
  const report = await verifyLedger(database.db);
  const verifyMs = performance.now() - verifyStarted;
  const totalSent = sent.reduce((s, n) => s + n.amountFen, 0);
  const [totals] = await sql<{ receipts: number; received: number; cases: number }[]>`
    select (select count(*)::int from funds.receipts) as receipts,
      (select coalesce(sum(received_fen), 0)::float8 from funds.case_balances) as received,
      (select count(*)::int from funds.case_balances where received_fen > 0) as cases`;
  const breaks =
    report.problems.length +
    many.notAccepted.length +
    hot.notAccepted.length +
    resentBooked.length +
    (totals?.receipts === sent.length ? 0 : 1) +
    (totals?.received === totalSent ? 0 : 1);

  const manyS = summarise(many.latencies);
  const hotS = summarise(hot.latencies);
  const bareS = summarise(bareMany.latencies);
  printFigures(
    `Booking arrival notices: ${ACCOUNTS.toLocaleString('en')} case accounts of one court (set up in ${(setupMs / 1000).toFixed(1)} s), ` +
      `batches of ${BATCH}, ${CONCURRENCY} requests at a time; bare inserts ${BARE_INSERTS.toLocaleString('en')} each, autocommit, ${CONCURRENCY} at a time`,
    [
      {
        name: `arrivals booked, ${ACCOUNTS.toLocaleString('en')} accounts (${ARRIVALS.toLocaleString('en')})`,
        value: many.rate,
        unit: '/s',
        baseline: { name: 'bare insert', value: bareMany.rate },
        goal: '≥ 1.00×',
      },
      {
        name: `arrivals booked, one hot case (${HOT_ARRIVALS.toLocaleString('en')})`,
        value: hot.rate,
        unit: '/s',
        baseline: { name: 'bare insert', value: bareHot.rate },
        goal: '≥ 0.50×',
      },
      {
        name: `notices answered, ${ACCOUNTS.toLocaleString('en')} accounts`,
        value: many.acceptRate,
        unit: '/s',
      },
      {
        name: `last notice booked after the last answer (${ACCOUNTS.toLocaleString('en')} accounts)`,
        value: many.lagMs,
        unit: 'ms',
      },
      { name: 'last notice booked after the last answer (hot case)', value: hot.lagMs, unit: 'ms' },
      {
        name: `request of 100 answered p50 (${ACCOUNTS.toLocaleString('en')} accounts)`,
        value: manyS.p50,
        unit: 'ms',
        baseline: { name: 'one bare insert', value: bareS.p50 },
      },
      {
        name: `request of 100 answered p99 (${ACCOUNTS.toLocaleString('en')} accounts)`,
        value: manyS.p99,
        unit: 'ms',
        baseline: { name: 'one bare insert', value: bareS.p99 },
      },
      { name: 'request of 100 answered p50 (hot case)', value: hotS.p50, unit: 'ms' },
      { name: 'request of 100 answered p99 (hot case)', value: hotS.p99, unit: 'ms' },
      { name: 'verifyLedger over the booked ledger', value: verifyMs, unit: 'ms' },
      { name: 'invariant breaks', value: breaks, unit: '', goal: '0' },
    ],
  );
  console.log(
    `\n${totals?.receipts ?? '?'} receipts for ${sent.length} notices sent (${resent.length} resent, all duplicates: ${resentBooked.length === 0}); ` +
      `${totals?.cases ?? '?'} cases received money; received ${totals?.received ?? '?'} fen of ${totalSent} sent; ` +
      `verifyLedger: ${report.problems.length} problems over ${report.journals} journals`,
  );
  if (manyWaits)
    console.log(
      `\nActive backends while booking across ${ACCOUNTS} accounts (share of samples):\n${manyWaits}`,
    );
  if (breaks > 0) {
    console.error(JSON.stringify(report.problems.slice(0, 10)));
    process.exitCode = 1;
  }
} finally {
  await app?.close();
  await appDatabase.close();
  await database.close();
  const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${dbName} with (force)`);
  await a.end();
  await server.stop();
}
