import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { allSubscribers } from '../src/modules.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import {
  fileCase,
  type Harness,
  logger,
  pickRespondents,
  startHarness,
  waitFor,
  waitForBatch,
} from './inquiry-harness.ts';

/**
 * The judge's journey against the simulated institutions over HTTP: query every institution for
 * every respondent, read the feedback list, freeze a deposit, seal a flat, deduct, and see the
 * nodes and documents on the case.
 */
describe('online inquiry and control, end to end', () => {
  let h: Harness;
  let caseId: string;
  const people = pickRespondents();

  before(async () => {
    h = await startHarness();
    caseId = await fileCase(h, [people.rich, people.company], 50_000_000);
  });
  after(async () => h.close());

  test('one click queries every institution for every respondent; the batch finishes answered', async () => {
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
      token: h.token,
      body: { purpose: '查明被执行人财产 / find the respondent’s assets' },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.caseCount, 1);
    assert.equal(res.body.requestCount, 2 * h.sim.institutions.length);
    const progress = await waitForBatch(h, res.body.batchId);
    assert.equal(progress.total, 2 * h.sim.institutions.length);
    assert.equal(progress.byState.answered, progress.total);
    assert.equal(progress.done, true);
  });

  test('the feedback list holds the deposit and the flat, with institution and answer time', async () => {
    const res = await h.t.request('GET', `/api/v1/cases/${caseId}/assets?sort=valueFen&order=desc`, {
      token: h.token,
    });
    assert.equal(res.status, 200);
    const types = new Set(res.body.items.map((i: { assetType: string }) => i.assetType));
    assert.ok(types.has('deposit') && types.has('realEstate'), [...types].join(','));
    const values = res.body.items.map((i: { valueFen?: number }) => i.valueFen ?? 0);
    assert.deepEqual(
      values,
      [...values].sort((a: number, b: number) => b - a),
      'sorted by value, descending',
    );
    for (const i of res.body.items) {
      assert.ok(i.id && i.institution && i.description && i.answeredAt);
      assert.ok(Array.isArray(i.encumbrances));
      assert.equal(i.isMasked, false);
    }
    assert.equal(res.body.outstandingClaimFen, 50_000_000);
  });

  test('a freeze beyond the outstanding claim is refused; within it the deposit is frozen', async () => {
    const list = (await h.t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: h.token })).body.items;
    const deposit = list.find(
      (i: { assetType: string; availableFen?: number }) =>
        i.assetType === 'deposit' && (i.availableFen ?? 0) > 100_000,
    );
    assert.ok(deposit);
    const over = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'freeze', amountFen: 50_000_001 },
    });
    assert.equal(over.status, 409);
    assert.match(over.body.error.message, /超过尚未执行的标的额/);
    const amount = Math.min(deposit.availableFen, 30_000_000);
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'freeze', amountFen: amount },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'requested');
    const measure = await waitFor(async () => {
      const m = await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token });
      return m.body.items.find(
        (x: { id: string; state: string }) => x.id === res.body.id && x.state !== 'requested',
      );
    }, 'the freeze to be answered');
    assert.equal(measure.state, 'inForce');
    assert.equal(measure.amountFen, amount);
    assert.match(measure.documentName, /^协助冻结存款通知书/);
    const doc = await h.t.request('GET', `/api/v1/inquiry/measures/${res.body.id}/document`, {
      token: h.token,
    });
    assert.equal(doc.status, 200);
    assert.match(doc.body.text, /冻结被执行人/);
    assert.match(doc.body.text, /\d{12,}/, 'the case team reads the account whole');
    // A court leader may see the case, not the debtor's numbers: the notice comes masked.
    const leader = await h.t.login('xihu.president');
    const masked = await h.t.request('GET', `/api/v1/inquiry/measures/${res.body.id}/document`, {
      token: leader,
    });
    assert.equal(masked.status, 200, JSON.stringify(masked.body));
    assert.match(masked.body.text, /冻结被执行人/);
    assert.doesNotMatch(masked.body.text, /[0-9A-Z]{8,}/);
  });

  test('a flat is sealed (or queued behind an earlier court’s seal)', async () => {
    const list = (await h.t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: h.token })).body.items;
    const flat = list.find((i: { assetType: string; institution: string }) => i.assetType === 'realEstate');
    const tooLong = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: flat.id, kind: 'seal', until: '2099-01-01' },
    });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.details[0].path, 'until');
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: flat.id, kind: 'seal' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const measure = await waitFor(async () => {
      const m = await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token });
      return m.body.items.find(
        (x: { id: string; state: string }) => x.id === res.body.id && x.state !== 'requested',
      );
    }, 'the seal to be answered');
    assert.ok(['inForce', 'queued'].includes(measure.state), measure.state);
    assert.ok(measure.queuePosition >= 1);
  });

  test('a deduction moves frozen money once and announces it for the funds module', async () => {
    const measures = (await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token })).body
      .items;
    const freeze = measures.find(
      (m: { kind: string; state: string }) => m.kind === 'freeze' && m.state === 'inForce',
    );
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: freeze.assetId, kind: 'deduct', amountFen: 1_000_000 },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const again = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: freeze.assetId, kind: 'deduct', amountFen: 1_000_000 },
    });
    assert.equal(again.status, 409, 'a second deduction waits for the first answer');
    await waitFor(async () => {
      const m = await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token });
      return m.body.items.find(
        (x: { id: string; state: string }) => x.id === res.body.id && x.state === 'done',
      );
    }, 'the deduction');
    const events = await h.t.database.db.execute<{
      payload: { amountFen: number; measureId: string; transferId: string };
    }>(sql`select payload from platform.outbox_events where event_type = 'inquiry.deducted'`);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.payload.amountFen, 1_000_000);
    assert.equal(events[0]?.payload.measureId, res.body.id);
    assert.ok(events[0]?.payload.transferId);
    const after = (await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token })).body
      .items;
    const frozen = after.find((m: { id: string }) => m.id === freeze.id);
    assert.equal(frozen.deductedFen, 1_000_000);
    assert.equal(frozen.amountFen, freeze.amountFen - 1_000_000);
  });

  test('the asset graph shows the respondents, their assets and related people', async () => {
    const res = await h.t.request('GET', `/api/v1/cases/${caseId}/asset-graph`, { token: h.token });
    assert.equal(res.status, 200);
    const kinds = new Set(res.body.nodes.map((n: { kind: string }) => n.kind));
    assert.ok(kinds.has('respondent') && kinds.has('asset'));
    assert.ok(
      res.body.nodes.some((n: { isControlled?: boolean }) => n.isControlled),
      'controlled assets are marked',
    );
    for (const l of res.body.links) {
      assert.ok(res.body.nodes.some((n: { id: string }) => n.id === l.source));
      assert.ok(res.body.nodes.some((n: { id: string }) => n.id === l.target));
    }
  });

  test('the 终本 checklist counts the finished inquiry; the case records the inquiry and the control nodes', async () => {
    await waitFor(async () => {
      const rows = await h.t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from inquiry.case_inquiries where case_id = ${caseId}::uuid and done_at is not null`,
      );
      return (rows[0]?.n ?? 0) > 0;
    }, 'the case inquiry to be settled');
    const closeAsTerminated = async (id: string) =>
      h.t.request('POST', `/api/v1/cases/${id}/close`, {
        token: h.token,
        body: { closingType: 'terminatedThisRound', reason: '未发现可供执行的财产 / nothing found' },
      });
    const refused = await closeAsTerminated(caseId);
    assert.equal(refused.status, 409);
    const unmet = JSON.stringify(refused.body.error.details);
    assert.doesNotMatch(unmet, /网络查控/, 'online inquiry is done');
    const untouched = await fileCase(h, [people.poor]);
    assert.match(JSON.stringify((await closeAsTerminated(untouched)).body.error.details), /网络查控/);

    // Until nothing is left: a delivery may publish events of its own (a deduction books money).
    const deliverEvents = async () => {
      const dispatcher = createOutboxDispatcher(h.t.database, allSubscribers(), logger);
      while ((await dispatcher.runOnce()) > 0) {}
    };
    await deliverEvents();
    const c = (await h.t.request('GET', `/api/v1/cases/${caseId}`, { token: h.token })).body;
    const kinds = c.nodes.map((n: { kind: string }) => n.kind);
    assert.ok(kinds.includes('onlineInquiryDone'), kinds.join(','));
    const controlled = c.nodes.filter((n: { kind: string }) => n.kind === 'assetControlled');
    assert.equal(controlled.length, 2, 'the freeze and the seal');
    assert.ok(
      controlled.every((n: { documents: { name: string }[] }) => n.documents[0]?.name.startsWith('协助')),
    );
    await deliverEvents();
    const again = (await h.t.request('GET', `/api/v1/cases/${caseId}`, { token: h.token })).body;
    assert.equal(again.nodes.length, c.nodes.length, 'each node is recorded once');
  });

  test('every query and every view of results is audited with its purpose', async () => {
    const rows = await h.t.database.db.execute<{ action: string; purpose: string | null }>(
      sql`select action, purpose from audit.records where object_id = ${caseId} and action like 'inquiry.%'`,
    );
    const query = rows.find((r) => r.action === 'inquiry.query');
    assert.match(query?.purpose ?? '', /查明被执行人财产/);
    assert.ok(rows.some((r) => r.action === 'inquiry.assets.view' && r.purpose));
    assert.ok(rows.some((r) => r.action === 'inquiry.answer.record'));
  });
});
