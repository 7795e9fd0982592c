import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, parseCaseAccountNumber } from '../src/kernel/index.ts';
import { openPortalSession, portalTokenHeader } from '../src/modules/disclosure/index.ts';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { allJobs, allSubscribers } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/platform/outbox.ts';
import { institutionKeys, type Simulator, startSimulator } from '../src/sim/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { pickRespondents, waitFor } from './inquiry-harness.ts';
import { aLotBody, aPricedValuation } from './route-fixtures/auction-fixtures.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The respondent's self-disposal of a sealed flat (自行处置, 善意文明执行意见; DOMAIN.md §13) end to
 * end, on the real PostgreSQL with the simulated registries and bank over signed HTTP: the flat
 * found by the online inquiry and sealed; the respondent's application on the portal; the judge's
 * decision with the 60-day period and the lowest price; the sale; the price paid into the case
 * account in two transfers — the seal stays in force until the whole price is in, and only then
 * is it lifted at the registry; a period that passes unpaid lapses and the asset returns to
 * auction (the clock moved, never slept); a seal replaced by security and financing with sealed
 * property recorded with the applicant's consent or the court's review.
 */
const secret = 'self-disposal-test-secret';
const logger = createLogger('silent');
const day = 86_400_000;
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let outbox: OutboxDispatcher;
let judge: string;
let judge2: string;
let assistant: string;
let other: string;
const people = pickRespondents();

async function simAdmin(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sim.adminToken}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's answers are inspected by each assertion
  const answer: any = await res.json().catch(() => null);
  return { status: res.status, body: answer };
}

type ErrorBody = { error?: { code: string; message: string; details: { path: string }[] } };

function assertRefused(res: { status: number; body: ErrorBody }, status: number, path?: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(res.body.error?.message.includes(' / '), 'a bilingual message');
  if (path)
    assert.ok(
      res.body.error?.details.some((d) => d.path === path),
      `names ${path}: ${JSON.stringify(res.body.error?.details)}`,
    );
}

async function fileCase(respondents: unknown[]) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [aCompany()], respondents, claimAmountFen: 200_000_000 }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return String(res.body.id);
}

async function selfDisposals(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/self-disposals`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function selfDisposal(caseId: string, id: string) {
  const found = (await selfDisposals(caseId)).items.find((s: { id: string }) => s.id === id);
  assert.ok(found, `self-disposal ${id} listed`);
  return found;
}

async function measures(
  caseId: string,
): Promise<{ id: string; kind: string; state: string; assetId: string }[]> {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items;
}

async function caseNotes(caseId: string): Promise<string[]> {
  const res = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.nodes.map((n: { note: string }) => n.note);
}

/** A flat of the respondent as inquiry records one sealed (feedback row and a seal in force), written directly. */
async function aDirectlySealedFlat(caseId: string): Promise<string> {
  const assetId = randomUUID();
  const sql = t.database.sql;
  await sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name, institution,
      channel, asset_type, identifier, description, value_fen, first_request_id, last_request_id, first_answered_at,
      answered_at)
    select ${assetId}, c.id, c.court_id, p.id, p.name, 'fixture-registry', 'national', 'realEstate',
      ${`浙(2025)杭州市不动产权第${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}号`},
      '浙江省杭州市西湖区文二路8号2幢302室（住宅，96㎡）', 250000000, ${randomUUID()}, ${randomUUID()}, now(), now()
    from cases.cases c join cases.parties p on p.case_id = c.id and p.role = 'respondent'
    where c.id = ${caseId} limit 1`;
  await sql`insert into inquiry.measures (id, case_id, court_id, asset_id, institution, kind, state, until,
      document_name, document_text, requested_by, answered_at)
    select ${randomUUID()}, c.id, c.court_id, ${assetId}, 'fixture-registry', 'seal', 'inForce', current_date + 1000,
      '协助执行通知书（查封）', '查封', c.judge_id, now()
    from cases.cases c where c.id = ${caseId}`;
  return assetId;
}

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({
    port: 0,
    secret,
    knobs: {
      latencyMedianMs: 30,
      latencyP99Ms: 120,
      errorRate: 0,
      timeoutRate: 0,
      maintenanceWindows: [],
      isUnderMaintenance: false,
    },
    callbacks: { baseDelayMs: 100, maxDelayMs: 1000 },
    bank: { knobs: { settleLatencyMs: 50 }, notify: { flushMs: 10, baseDelayMs: 50, maxDelayMs: 500 } },
  });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const keys = institutionKeys(secret);
  for (const i of sim.institutions) {
    await insertInstitution(t.database.db, {
      code: i.code,
      name: i.name,
      kind: i.kind,
      channel: i.channel,
      baseUrl: i.baseUrl,
      signingKey: keys[i.code] ?? '',
      assetTypes: i.assetTypes,
      operations: i.operations,
      concurrency: 32,
      ratePerSecond: 0,
      isEnabled: true,
      maxAttempts: 3,
      retryBaseSeconds: 1,
      pollAfterSeconds: 2,
      answerTimeoutSeconds: 30,
    });
  }
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs(),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config: { ...t.config, publicUrl: `http://127.0.0.1:${port}` },
  });
  outbox = createOutboxDispatcher(t.appDatabase, allSubscribers(), logger);
  outbox.start(100);
  judge = await t.login('xihu.judge');
  judge2 = await t.login('xihu.judge2');
  assistant = await t.login('xihu.assistant');
  other = await t.login('shangcheng.judge');
});

after(async () => {
  await outbox?.stop();
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

describe('a respondent sells its sealed flat itself', () => {
  let caseId: string;
  let flatId: string;
  let depositId: string;
  let sealId: string;
  let accountNumber: string;
  let applicationId: string;
  let selfDisposalId: string;

  test('the flat is found by the online inquiry and sealed', async () => {
    caseId = await fileCase([people.rich]);
    const launched = await t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
      token: judge,
      body: { purpose: '查明财产 / find assets' },
    });
    assert.equal(launched.status, 202, JSON.stringify(launched.body));
    await waitFor(async () => {
      const res = await t.request('GET', `/api/v1/inquiry/batches/${launched.body.batchId}`, {
        token: judge,
      });
      return res.status === 200 && res.body.done;
    }, 'the inquiry to finish');
    const items: { id: string; assetType: string; encumbrances: unknown[] }[] = (
      await t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: judge })
    ).body.items;
    const flats = items.filter((i) => i.assetType === 'realEstate');
    const flat = flats.find((i) => i.encumbrances.length === 0) ?? flats[0];
    const deposit = items.find((i) => i.assetType === 'deposit');
    assert.ok(flat && deposit, 'the respondent has a flat and a deposit');
    flatId = flat.id;
    depositId = deposit.id;
    const sealed = await t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: judge,
      body: { assetId: flatId, kind: 'seal' },
    });
    assert.equal(sealed.status, 201, JSON.stringify(sealed.body));
    sealId = sealed.body.id;
    const seal = await waitFor(
      async () => (await measures(caseId)).find((m) => m.id === sealId && m.state !== 'requested'),
      'the seal to be answered',
    );
    assert.equal(seal.state, 'inForce');
    const funds = await t.request('GET', `/api/v1/cases/${caseId}/funds`, { token: judge });
    accountNumber = String(funds.body.accountNumber);
    const parsed = parseCaseAccountNumber(accountNumber);
    assert.ok(parsed);
    await waitFor(async () => {
      const accounts = await simAdmin('GET', '/sim/bank/accounts');
      return JSON.stringify(accounts.body).includes(parsed.courtAccount);
    }, 'the bank to know the court account');
  });

  test('the respondent applies on the portal; the applicant may not, nor for an asset not sealed', async () => {
    const url = `/api/v1/party/cases/${caseId}/self-disposal-applications`;
    const body = {
      assetId: flatId,
      proposedPriceFen: 95_000_000,
      buyer: '王五',
      note: '已找到买受人，价款交法院执行款专户。',
    };
    assertRefused(await t.request('POST', url, { body }), 401);
    const [applicant] = (await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge })).body.applicants;
    const applicantSession = await openPortalSession(t.database.db, {
      kind: 'party',
      subjectId: applicant.creditCode,
      name: applicant.name,
    });
    assertRefused(
      await t.request('POST', url, { headers: { [portalTokenHeader]: applicantSession.token }, body }),
      403,
    );
    const session = await openPortalSession(t.database.db, {
      kind: 'party',
      subjectId: people.rich.idNumber,
      name: people.rich.name,
    });
    const headers = { [portalTokenHeader]: session.token };
    assertRefused(
      await t.request('POST', url, { headers, body: { ...body, assetId: depositId } }),
      400,
      'assetId',
    );
    const applied = await t.request('POST', url, { headers, body });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal(applied.body.state, 'pending');
    assert.equal(applied.body.assetId, flatId);
    applicationId = applied.body.id;
    assertRefused(await t.request('POST', url, { headers, body }), 409, 'assetId');
    const listed = await selfDisposals(caseId);
    assert.deepEqual(
      listed.applications.map((a: { id: string; state: string }) => [a.id, a.state]),
      [[applicationId, 'pending']],
    );
  });

  test('the judge sets the period (at most 60 days) and the lowest price; every refusal', async () => {
    const url = `/api/v1/cases/${caseId}/self-disposals`;
    const body = { assetId: flatId, days: 60, lowestPriceFen: 80_000_000, applicationId };
    // 善意文明执行意见: at most 60 days.
    assertRefused(await t.request('POST', url, { token: judge, body: { ...body, days: 61 } }), 400, 'days');
    assertRefused(await t.request('POST', url, { token: judge, body: { ...body, days: 0 } }), 400, 'days');
    assertRefused(
      await t.request('POST', url, {
        token: judge,
        body: { ...body, assetId: depositId, applicationId: undefined },
      }),
      400,
      'assetId',
    );
    assertRefused(
      await t.request('POST', url, {
        token: judge,
        body: { ...body, assetId: randomUUID(), applicationId: undefined },
      }),
      400,
      'assetId',
    );
    assertRefused(
      await t.request('POST', url, { token: judge, body: { ...body, applicationId: randomUUID() } }),
      400,
      'applicationId',
    );
    assertRefused(await t.request('POST', url, { token: assistant, body }), 403);
    assertRefused(await t.request('POST', url, { token: judge2, body }), 403);
    assertRefused(await t.request('POST', url, { token: other, body }), 404);
    assertRefused(await t.request('POST', url, { body }), 401);

    const res = await t.request('POST', url, { token: judge, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    selfDisposalId = res.body.id;
    assert.equal(res.body.state, 'open');
    assert.equal(res.body.assetId, flatId);
    assert.equal(res.body.lowestPriceFen, 80_000_000);
    assert.equal(res.body.days, 60);
    assert.equal(res.body.dueOn, addCalendarDays(clock.today(), 60));
    assert.equal(res.body.accountNumber, accountNumber, 'the buyer pays into the case account');
    assert.equal(res.body.applicationId, applicationId);
    assert.equal(res.body.isAssetUnderControl, true);
    assert.equal(res.body.sale, null);

    assertRefused(
      await t.request('POST', url, { token: judge, body: { ...body, applicationId: undefined } }),
      409,
    );
    const listed = await selfDisposals(caseId);
    assert.equal(listed.applications[0].state, 'granted');
    assert.ok((await caseNotes(caseId)).some((n) => n.startsWith('准许被执行人自行处置')));
    const outside = await t.request('GET', `/api/v1/cases/${caseId}/self-disposals`, { token: other });
    assert.equal(outside.status, 404);
  });

  test('the sale is recorded at no less than the lowest price', async () => {
    const url = `/api/v1/self-disposals/${selfDisposalId}/sale`;
    assertRefused(
      await t.request('POST', url, { token: judge, body: { buyerName: '王五', priceFen: 79_999_999 } }),
      400,
      'priceFen',
    );
    assertRefused(
      await t.request('POST', url, { token: judge2, body: { buyerName: '王五', priceFen: 90_000_000 } }),
      403,
    );
    assertRefused(
      await t.request('POST', url, { token: other, body: { buyerName: '王五', priceFen: 90_000_000 } }),
      404,
    );
    assertRefused(
      await t.request('POST', `/api/v1/self-disposals/${randomUUID()}/sale`, {
        token: judge,
        body: { buyerName: '王五', priceFen: 90_000_000 },
      }),
      404,
    );
    const res = await t.request('POST', url, {
      token: judge,
      body: { buyerName: '王五', priceFen: 90_000_000 },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, 'open', 'sold, not yet paid');
    assert.deepEqual(res.body.sale, { buyerName: '王五', priceFen: 90_000_000, recordedOn: clock.today() });
    assertRefused(
      await t.request('POST', url, { token: judge, body: { buyerName: '赵六', priceFen: 95_000_000 } }),
      409,
    );
  });

  test('part of the price in the case account: still open, the seal stays in force', async () => {
    const res = await simAdmin('POST', '/sim/bank/transfers', {
      toAccount: accountNumber,
      amountFen: 40_000_000,
      payerName: '王五',
      serial: 'SELF-DISPOSAL-1',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const partly = await waitFor(async () => {
      const sd = await selfDisposal(caseId, selfDisposalId);
      return sd.paidFen === 40_000_000 ? sd : null;
    }, 'the first transfer to count towards the sale');
    assert.equal(partly.state, 'open');
    assert.equal(partly.isAssetUnderControl, true);
    assert.equal(partly.releaseMeasureId, null);
    const seal = (await measures(caseId)).find((m) => m.id === sealId);
    assert.equal(seal?.state, 'inForce', 'no release while the price is unpaid');
    assert.ok(!(await measures(caseId)).some((m) => m.kind === 'unfreeze'), 'no lifting asked');
  });

  test('the rest of the price arrives: paid, and only then the seal is lifted at the registry', async () => {
    const res = await simAdmin('POST', '/sim/bank/transfers', {
      toAccount: accountNumber,
      amountFen: 50_000_000,
      payerName: '王五',
      serial: 'SELF-DISPOSAL-2',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const completed = await waitFor(async () => {
      const sd = await selfDisposal(caseId, selfDisposalId);
      return sd.state === 'completed' ? sd : null;
    }, 'the self-disposal to complete');
    assert.equal(completed.paidFen, 90_000_000);
    assert.equal(completed.paidOn, clock.today());
    assert.equal(completed.completedOn, clock.today());
    assert.ok(completed.releaseMeasureId, 'the lifting was asked of the registry');
    const lifted = await waitFor(async () => {
      const all = await measures(caseId);
      const seal = all.find((m) => m.id === sealId);
      return seal?.state === 'released' ? all : null;
    }, 'the registry to lift the seal');
    const release = lifted.find((m) => m.id === completed.releaseMeasureId);
    assert.equal(release?.kind, 'unfreeze');
    assert.equal(release?.state, 'done');
    const after = await selfDisposal(caseId, selfDisposalId);
    assert.equal(after.isAssetUnderControl, false);
    assert.ok((await caseNotes(caseId)).some((n) => n.startsWith('自行处置价款¥900,000.00已全部到账')));
    // A finished self-disposal no longer holds the asset: but it is no longer sealed either.
    assertRefused(
      await t.request('POST', `/api/v1/cases/${caseId}/self-disposals`, {
        token: judge,
        body: { assetId: flatId, days: 30, lowestPriceFen: 1_000 },
      }),
      400,
      'assetId',
    );
  });
});

describe('good-faith measures on a sealed flat', () => {
  test('a seal replaced by security, financing with sealed property: consent or the court’s review', async () => {
    const caseId = await fileCase([aPerson()]);
    const assetId = await aDirectlySealedFlat(caseId);
    const security = { kind: 'cash', description: '被执行人交纳保证金', amountFen: 250_000_000 };
    const substitutions = `/api/v1/cases/${caseId}/seal-substitutions`;
    assertRefused(
      await t.request('POST', substitutions, {
        token: judge,
        body: { assetId, security, applicantConsent: false },
      }),
      400,
      'reviewNote',
    );
    assertRefused(
      await t.request('POST', substitutions, {
        token: judge,
        body: { assetId: randomUUID(), security, applicantConsent: true },
      }),
      400,
      'assetId',
    );
    assertRefused(
      await t.request('POST', substitutions, {
        token: judge2,
        body: { assetId, security, applicantConsent: true },
      }),
      403,
    );
    const substituted = await t.request('POST', substitutions, {
      token: judge,
      body: { assetId, security, applicantConsent: true },
    });
    assert.equal(substituted.status, 201, JSON.stringify(substituted.body));
    assert.equal(substituted.body.kind, 'sealSubstitution');
    assert.equal(substituted.body.state, 'recorded');
    assert.deepEqual(substituted.body.security, security);

    const financed = await t.request('POST', `/api/v1/cases/${caseId}/sealed-financings`, {
      token: judge,
      body: {
        assetId,
        lender: '杭州银行西湖支行',
        amountFen: 100_000_000,
        applicantConsent: false,
        reviewNote: '融资款直接用于清偿本案债务，不损害申请执行人利益。',
      },
    });
    assert.equal(financed.status, 201, JSON.stringify(financed.body));
    assert.equal(financed.body.kind, 'sealedFinancing');
    assert.equal(financed.body.applicantConsent, false);
    assert.equal(financed.body.lender, '杭州银行西湖支行');
    const notes = await caseNotes(caseId);
    assert.ok(notes.some((n) => n.startsWith('经申请执行人同意，以保证金')));
    assert.ok(notes.some((n) => n.startsWith('经法院审查，准许以查封的')));
  });
});

describe('a period that passes unpaid', () => {
  test('lapses on the 61st day and the asset returns to auction, still sealed', async () => {
    const caseId = await fileCase([aPerson()]);
    const assetId = await aDirectlySealedFlat(caseId);
    const created = await t.request('POST', `/api/v1/cases/${caseId}/self-disposals`, {
      token: judge,
      body: { assetId, days: 60, lowestPriceFen: 200_000_000 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const sold = await t.request('POST', `/api/v1/self-disposals/${id}/sale`, {
      token: assistant,
      body: { buyerName: '赵六', priceFen: 210_000_000 },
    });
    assert.equal(sold.status, 200, 'the assistant records the sale too');
    // While the respondent sells it, the asset is not put up for auction (a priced valuation notwithstanding).
    const valuation = await aPricedValuation(t.database, caseId);
    await t.database
      .sql`update disposal.valuations set asset_id = ${assetId} where id = ${valuation.valuationId}`;
    const lot = await t.request('POST', `/api/v1/cases/${caseId}/lots`, {
      token: judge,
      body: aLotBody({ ...valuation, assetId }),
    });
    assert.equal(lot.status, 409, JSON.stringify(lot.body));
    assert.equal(lot.body.error.details[0].path, 'assetId');
    assert.match(lot.body.error.message, /自行处置/);
    // The daily job itself, run at once rather than waiting for 00:10.
    const deadlines = allJobs().find((j) => j.name === 'disposal.self-disposal-deadlines');
    assert.ok(deadlines, 'the daily job is registered');
    const run = () =>
      deadlines.handle({ database: t.appDatabase, logger }, { slot: clock.now().toISOString() });
    try {
      // The 60th day: still within the period.
      await t.setClockOffset(60 * day);
      await run();
      assert.equal((await selfDisposal(caseId, id)).state, 'open');
      // The 61st day: the sale was never paid for.
      await t.setClockOffset(61 * day);
      assertRefused(
        await t.request('POST', `/api/v1/self-disposals/${id}/sale`, {
          token: judge,
          body: { buyerName: '赵六', priceFen: 210_000_000 },
        }),
        409,
      );
      await run();
      const lapsed = await selfDisposal(caseId, id);
      assert.equal(lapsed.state, 'lapsed');
      assert.equal(lapsed.lapsedOn, clock.today());
      assert.equal(lapsed.isReturnedToAuction, true);
      assert.equal(lapsed.isAssetUnderControl, true, 'the seal stays for the auction');
      assert.ok((await caseNotes(caseId)).some((n) => n.includes('转入拍卖程序')));
      // The asset is free again: a new self-disposal (or a lot) may take it.
      const again = await t.request('POST', `/api/v1/cases/${caseId}/self-disposals`, {
        token: judge,
        body: { assetId, days: 30, lowestPriceFen: 200_000_000 },
      });
      assert.equal(again.status, 201, JSON.stringify(again.body));
    } finally {
      await t.setClockOffset(0);
    }
  });
});
