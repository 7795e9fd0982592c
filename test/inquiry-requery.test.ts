import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addMonths } from '../src/kernel/index.ts';
import { closeCase, fileCase, NodeKind, recordNode, restoreCase } from '../src/modules/cases/index.ts';
import { loadActorByUsername } from '../src/modules/identity/index.ts';
import {
  launchDueRequeries,
  settleCaseInquiries,
  warnExpiringMeasures,
} from '../src/modules/inquiry/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCompany } from './factories.ts';
import {
  fileCase as fileCaseOverHttp,
  type Harness,
  logger,
  pickRespondents,
  startHarness,
  waitFor,
  waitForBatch,
} from './inquiry-harness.ts';

/**
 * 终本 cases are searched again every 6 months for 5 years (终本规定 art. 9): every round's result is
 * kept and announced (`inquiry.requery-completed`), new assets prompt the team; measures about to
 * expire prompt it too.
 */
describe('终本 re-queries and expiry warnings', () => {
  let h: Harness;
  const people = pickRespondents();
  const deliverEvents = () => createOutboxDispatcher(h.t.database, allSubscribers(), logger).runOnce();

  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  test('a 终本 case is re-queried at 6 and 12 months; results are kept and announced; new assets prompt the team', async () => {
    const { db } = h.t.database;
    const actor = await loadActorByUsername(db, 'xihu.judge');
    assert.ok(actor);
    const today = clock.today();
    const filedOn = addMonths(today, -4);
    const input: Parameters<typeof fileCase>[2] = {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: '（2025）浙0106民初88号',
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: addMonths(filedOn, -2),
      },
      applicants: [aCompany()],
      respondents: [people.rich],
      claimAmountFen: 12_345_600,
    };
    const filed = await fileCase(db, actor, input, { filedOn });
    const steps = [
      NodeKind.enforcementNoticeSent,
      NodeKind.propertyReportOrderIssued,
      NodeKind.onlineInquiryDone,
      NodeKind.onSiteInquiryDone,
      NodeKind.consumptionRestrictionIssued,
      NodeKind.dishonestListed,
      NodeKind.applicantInterviewed,
      NodeKind.applicantConfirmedTermination,
    ];
    for (const kind of steps)
      await recordNode(db, actor, filed.id, { kind, occurredOn: addMonths(filedOn, 1) });
    const closed = await closeCase(db, actor, filed.id, {
      closingType: 'terminatedThisRound',
      reason: '无可供执行财产 / nothing to enforce',
    });
    await deliverEvents();
    const [plan] = await db.execute<{ next_due_on: string; next_round: number }>(
      sql`select next_due_on::text, next_round from inquiry.requery_plans where case_id = ${filed.id}::uuid`,
    );
    assert.deepEqual(plan, { next_due_on: addMonths(closed.closedOn, 6), next_round: 1 });

    assert.equal(await launchDueRequeries(h.t.database, new Date()), 0, 'nothing due before 6 months');
    const sixMonths = new Date(`${addMonths(closed.closedOn, 6)}T03:00:00+08:00`);
    assert.equal(await launchDueRequeries(h.t.database, sixMonths), 1);
    assert.equal(await launchDueRequeries(h.t.database, sixMonths), 0, 'a round is launched once');
    const round = async (n: number) =>
      waitFor(async () => {
        await settleCaseInquiries(h.t.database, new Date());
        const [r] = await db.execute<{ has_found_assets: boolean; new_asset_count: number }>(
          sql`select has_found_assets, new_asset_count from inquiry.requery_results where case_id = ${filed.id}::uuid and round = ${n}`,
        );
        return r;
      }, `re-query round ${n}`);
    const first = await round(1);
    assert.equal(first.has_found_assets, true);
    assert.ok(first.new_asset_count > 0);
    const events = await db.execute<{ payload: Record<string, unknown> }>(
      sql`select payload from platform.outbox_events where event_type = 'inquiry.requery-completed' and aggregate_id = ${filed.id}`,
    );
    assert.equal(events.length, 1);
    assert.deepEqual(Object.keys(events[0]?.payload ?? {}).sort(), [
      'caseId',
      'completedOn',
      'hasFoundAssets',
      'respondentPartyId',
      'round',
    ]);
    assert.equal(events[0]?.payload.round, 1);
    assert.equal(events[0]?.payload.hasFoundAssets, true);
    const notices = await h.t.request('GET', `/api/v1/inquiry/notices?caseId=${filed.id}`, {
      token: h.token,
    });
    assert.equal(notices.status, 200);
    assert.equal(notices.body.items.length, 1);
    assert.equal(notices.body.items[0].kind, 'newAssets');

    const twelveMonths = new Date(`${addMonths(closed.closedOn, 12)}T03:00:00+08:00`);
    assert.equal(await launchDueRequeries(h.t.database, twelveMonths), 1);
    const second = await round(2);
    assert.equal(second.new_asset_count, 0, 'the same assets are not new');
    const after = await h.t.request('GET', `/api/v1/inquiry/notices?caseId=${filed.id}`, { token: h.token });
    assert.equal(after.body.items.length, 1, 'no prompt without new assets');
    const [kept] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from inquiry.requery_results where case_id = ${filed.id}::uuid`,
    );
    assert.equal(kept?.n, 2, 'every round is kept');

    await restoreCase(db, actor, filed.id, { reason: '发现新财产 / new assets found' });
    await deliverEvents();
    const [stopped] = await db.execute<{ is_active: boolean }>(
      sql`select is_active from inquiry.requery_plans where case_id = ${filed.id}::uuid`,
    );
    assert.equal(stopped?.is_active, false, 'a restored case is no longer re-queried');
  });

  test('a measure about to expire prompts its team once; renewal moves the expiry', async () => {
    const caseId = await fileCaseOverHttp(h, [people.rich]);
    const launched = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
      token: h.token,
      body: { purpose: '查询 / query' },
    });
    await waitForBatch(h, launched.body.batchId);
    const items = (await h.t.request('GET', `/api/v1/cases/${caseId}/assets`, { token: h.token })).body.items;
    const deposit = items.find(
      (i: { assetType: string; availableFen?: number }) =>
        i.assetType === 'deposit' && (i.availableFen ?? 0) > 0,
    );
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const res = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'freeze', amountFen: 1000, until: soon },
    });
    assert.equal(res.status, 201);
    await waitFor(async () => {
      const list = await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token });
      const m = list.body.items.find((x: { id: string }) => x.id === res.body.id);
      return m.state === 'inForce' && m.isExpiringSoon ? m : null;
    }, 'the freeze, flagged as expiring');
    assert.ok((await warnExpiringMeasures(h.t.database, new Date())) >= 1);
    assert.equal(await warnExpiringMeasures(h.t.database, new Date()), 0, 'warned once');
    const notices = await h.t.request('GET', `/api/v1/inquiry/notices?caseId=${caseId}`, { token: h.token });
    const warning = notices.body.items.find(
      (n: { kind: string; measureId: string }) => n.kind === 'expiring' && n.measureId === res.body.id,
    );
    assert.ok(warning);
    assert.equal(
      (await h.t.request('POST', `/api/v1/inquiry/notices/${warning.id}/read`, { token: h.token })).status,
      200,
    );
    const judge2 = await h.t.login('xihu.judge2');
    assert.equal(
      (await h.t.request('POST', `/api/v1/inquiry/notices/${warning.id}/read`, { token: judge2 })).status,
      404,
    );
    const renew = await h.t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: h.token,
      body: { assetId: deposit.id, kind: 'renew' },
    });
    assert.equal(renew.status, 201);
    const renewed = await waitFor(async () => {
      const list = await h.t.request('GET', `/api/v1/cases/${caseId}/measures`, { token: h.token });
      const m = list.body.items.find((x: { id: string }) => x.id === res.body.id);
      return m.until > soon ? m : null;
    }, 'the renewal');
    assert.equal(
      renewed.until,
      addMonths(soon, 12),
      'renewed for the full year from the old expiry (CPL-I art. 485)',
    );
    assert.equal(renewed.isExpiringSoon, false);
  });
});
