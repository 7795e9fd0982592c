import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { allJobs } from '../src/modules.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { startJobRunner } from '../src/platform/jobs.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { startSimulator } from '../src/sim/index.ts';
import {
  fileCase,
  type Harness,
  logger,
  pickRespondents,
  simSecret,
  startHarness,
  waitFor,
  waitForBatch,
} from './inquiry-harness.ts';

/**
 * Killing the worker (SIGKILL) and restarting the simulator in the middle of a batch: the batch
 * still completes with every request answered once; concurrent freezes never exceed the claim.
 */
if (process.env.INQUIRY_CHILD_DB) {
  // The child worker calls the harness's simulator on loopback: allow-listed as in the harness.
  allowPrivateHosts(['127.0.0.1']);
  const database = connectDatabase(process.env.INQUIRY_CHILD_DB, { max: 10 });
  await startJobRunner({ database, logger, jobs: allJobs(), expireSeconds: 30, pollingIntervalSeconds: 0.5 });
} else {
  describe('inquiry survives crashes', () => {
    let h: Harness;
    const people = pickRespondents();
    const journalDir = mkdtempSync(path.join(os.tmpdir(), 'zx-inquiry-journal-'));
    const journalPath = path.join(journalDir, 'sim.journal');

    before(async () => {
      h = await startHarness({
        withWorker: false,
        knobs: { latencyMedianMs: 300, latencyP99Ms: 1200 },
        registry: {
          concurrency: 4,
          maxAttempts: 30,
          retryBaseSeconds: 1,
          pollAfterSeconds: 2,
          answerTimeoutSeconds: 600,
        },
      });
      // The harness's simulator has no journal; this test restarts one that keeps its state on disk.
      const port = Number(new URL(h.sim.url).port);
      await h.sim.close();
      h.sim = await startSimulator({
        port,
        secret: simSecret,
        journalPath,
        knobs: { latencyMedianMs: 300, latencyP99Ms: 1200 },
        callbacks: { baseDelayMs: 100, maxDelayMs: 1000 },
      });
    });
    after(async () => h.close());

    test('worker killed and simulator restarted mid-batch: nothing lost, nothing answered twice', async () => {
      const caseIds: string[] = [];
      for (let i = 0; i < 4; i++) caseIds.push(await fileCase(h, [people.rich, people.company]));
      const res = await h.t.request('POST', '/api/v1/inquiry/batches', {
        token: h.token,
        body: { caseIds, purpose: '批量查询 / batch' },
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const batchId: string = res.body.batchId;
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
        env: { ...process.env, INQUIRY_CHILD_DB: h.t.database.url },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      try {
        const answeredSoFar = async () => {
          const [r] = await h.t.database.db.execute<{ n: number }>(
            sql`select count(*)::int as n from inquiry.requests where batch_id = ${batchId}::uuid and state = 'answered'`,
          );
          return r?.n ?? 0;
        };
        await waitFor(async () => (await answeredSoFar()) >= 20, 'the child worker to get going');
        child.kill('SIGKILL');
        await exited;
        const port = Number(new URL(h.sim.url).port);
        await h.sim.close();
        const midway = await answeredSoFar();
        assert.ok(midway < res.body.requestCount, 'killed in the middle of the batch');
        h.sim = await startSimulator({
          port,
          secret: simSecret,
          journalPath,
          knobs: { latencyMedianMs: 300, latencyP99Ms: 1200 },
          callbacks: { baseDelayMs: 100, maxDelayMs: 1000 },
        });
        await h.startWorker();
        const progress = await waitForBatch(h, batchId, 1200);
        assert.equal(progress.total, res.body.requestCount);
        assert.equal(progress.byState.answered, progress.total, JSON.stringify(progress.byState));
        const [audit] = await h.t.database.db.execute<{ n: number; distinct_requests: number }>(sql`
          select count(*)::int as n, count(distinct detail->>'requestId')::int as distinct_requests from audit.records
          where action = 'inquiry.answer.record' and object_id = any(${sql.param(caseIds)}::text[])`);
        assert.equal(audit?.n, progress.total, 'every request answered exactly once');
        assert.equal(audit?.distinct_requests, progress.total);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });

    test('concurrent freezes on different deposits never exceed the outstanding claim', async () => {
      const caseId = await fileCase(h, [people.rich], 1_000_000);
      const launched = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
        token: h.token,
        body: { purpose: '冻结前查询 / before freezing' },
      });
      await waitForBatch(h, launched.body.batchId, 1200);
      const items = (await h.t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: h.token })).body
        .items;
      const balances = items.filter(
        (i: { availableFen?: number; assetType: string }) =>
          ['deposit', 'wealthProduct', 'securities', 'housingFund', 'onlinePayment', 'insurance'].includes(
            i.assetType,
          ) && (i.availableFen ?? 0) >= 400_000,
      );
      assert.ok(balances.length >= 2, `needs two balances, found ${balances.length}`);
      const results = await Promise.all(
        balances.map((a: { id: string }) =>
          h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
            token: h.token,
            body: { assetId: a.id, kind: 'freeze', amountFen: 400_000 },
          }),
        ),
      );
      const accepted = results.filter((r) => r.status === 201).length;
      assert.equal(
        accepted,
        Math.min(2, balances.length),
        '2 × 400,000 fit in a 1,000,000 claim; a third does not',
      );
      assert.ok(results.every((r) => r.status === 201 || r.status === 409));
      const [held] = await h.t.database.db.execute<{ n: number }>(
        sql`select coalesce(sum(requested_fen), 0)::int as n from inquiry.measures where case_id = ${caseId}::uuid and kind = 'freeze'`,
      );
      assert.ok((held?.n ?? 0) <= 1_000_000);
    });

    test('a deduction re-sent after a lost acknowledgement happens once', async () => {
      const [freeze] = await h.t.database.db.execute<{
        case_id: string;
        asset_id: string;
        institution: string;
      }>(sql`
        select case_id, asset_id, institution from inquiry.measures where kind = 'freeze' and state = 'requested' limit 1`);
      assert.ok(freeze);
      await waitFor(async () => {
        const [m] = await h.t.database.db.execute<{ state: string }>(
          sql`select state from inquiry.measures where asset_id = ${freeze.asset_id}::uuid and kind = 'freeze'`,
        );
        return m?.state === 'inForce';
      }, 'the freeze');
      await h.stopWorker();
      // The answer comes late, so the acceptance can be "lost" before it arrives.
      h.sim.setKnobs(freeze.institution, { latencyMedianMs: 4000, latencyP99Ms: 5000 });
      const res = await h.t.request('POST', `/api/v1/cases/${freeze.case_id}/measures`, {
        token: h.token,
        body: { assetId: freeze.asset_id, kind: 'deduct', amountFen: 100_000 },
      });
      assert.equal(res.status, 201);
      // Send it, then forget that it was accepted, as a worker dying at that moment would.
      await h.startWorker();
      await waitFor(async () => {
        const [r] = await h.t.database.db.execute<{ state: string }>(
          sql`select state from inquiry.requests where measure_id = ${res.body.id}::uuid`,
        );
        return r?.state === 'accepted';
      }, 'the deduction to be sent');
      const [lost] = await h.t.database.db.execute<{
        remote_request_id: string;
      }>(sql`update inquiry.requests r
        set state = 'pending', remote_request_id = null, next_attempt_at = now()
        from (select id, remote_request_id from inquiry.requests where measure_id = ${res.body.id}::uuid) old
        where r.id = old.id and r.state = 'accepted' returning old.remote_request_id`);
      assert.ok(lost, 'the acceptance was forgotten before the answer came');
      await waitFor(async () => {
        const [r] = await h.t.database.db.execute<{ remote_request_id: string | null }>(
          sql`select remote_request_id from inquiry.requests where measure_id = ${res.body.id}::uuid`,
        );
        return r?.remote_request_id ?? null;
      }, 'the deduction to be sent again').then((again) =>
        assert.equal(again, lost.remote_request_id, 'the institution recognised the same request'),
      );
      h.sim.setKnobs(freeze.institution, { latencyMedianMs: 300, latencyP99Ms: 1200 });
      await waitFor(async () => {
        const [m] = await h.t.database.db.execute<{ state: string }>(
          sql`select state from inquiry.measures where id = ${res.body.id}::uuid`,
        );
        return m?.state === 'done';
      }, 'the deduction to be answered');
      const events = await h.t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from platform.outbox_events where event_type = 'inquiry.deducted' and payload->>'measureId' = ${res.body.id}`,
      );
      assert.equal(events[0]?.n, 1);
      const [target] = await h.t.database.db.execute<{ deducted_fen: number }>(
        sql`select deducted_fen::int from inquiry.measures where asset_id = ${freeze.asset_id}::uuid and kind = 'freeze'`,
      );
      assert.equal(target?.deducted_fen, 100_000);
    });
  });
}
