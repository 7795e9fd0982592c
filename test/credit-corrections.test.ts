import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addWorkingDays } from '../src/kernel/index.ts';
import { listRespondent } from '../src/modules/credit/index.ts';
import { loadActorByUsername } from '../src/modules/identity/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCompany, anAdult, fileCaseWith, listAndApprove } from './credit-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;
let president: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
});
after(() => t.close());

async function creditOf(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/credit`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.respondents[0];
}

describe('the applicant’s request, re-listing, revocation, lifting', () => {
  test('after deletion on the applicant’s written request, the same applicant is refused for 6 months', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id ?? '';
    const today = clock.today();
    const entryId = await listAndApprove(t, c.id, respondentId, {
      initiatedBy: 'application',
      applicationReceivedOn: today,
    });
    const entry = (await creditOf(c.id)).entries[0];
    // 失信规定 art. 5: decided within 15 days of the application
    assert.equal(entry.decisionDueOn > today, true);
    const delisted = await t.request('POST', `/api/v1/credit/entries/${entryId}/delist`, {
      token: judge,
      body: { reason: '申请执行人书面申请' },
    });
    assert.equal(delisted.status, 200);
    const again = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId, ground: 3, facts: '转移财产', initiatedBy: 'application' },
    });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    assert.equal(again.body.error.details[0].path, 'applicantId');
    const actor = await loadActorByUsername(t.database.db, 'xihu.judge');
    assert.ok(actor);
    const barEnds = (
      await t.database
        .sql`select (deleted_on + interval '6 months')::date::text as d from credit.entries where id = ${entryId}`
    )[0]?.d;
    await assert.rejects(
      listRespondent(
        t.database.db,
        actor,
        c.id,
        { respondentId, ground: 3, facts: '转移财产', initiatedBy: 'application' },
        { today: barEnds },
      ),
    );
    const dayAfterBar = String((await t.database.sql`select (${barEnds}::date + 1)::text as d`)[0]?.d);
    const allowed = await listRespondent(
      t.database.db,
      actor,
      c.id,
      { respondentId, ground: 3, facts: '转移财产', initiatedBy: 'application' },
      { today: dayAfterBar },
    );
    assert.equal(allowed.state, 'pendingApproval');
    await t.database.sql`update credit.entries set state = 'refused' where id = ${allowed.id}`;
    const { state } = await listRespondent(t.database.db, actor, c.id, {
      respondentId,
      ground: 3,
      facts: '转移财产',
      initiatedBy: 'ownMotion',
    });
    assert.equal(state, 'pendingApproval', 'the court may list on its own motion, on a new ground');
  });

  test('a deleted debtor may be listed again on a new ground; a live entry blocks a second one', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id ?? '';
    const entryId = await listAndApprove(t, c.id, respondentId);
    const dup = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId, ground: 3, facts: 'x' },
    });
    assert.equal(dup.status, 409);
    await t.request('POST', `/api/v1/credit/entries/${entryId}/delist`, {
      token: judge,
      body: { reason: '删除', ground: 'securityProvided' },
    });
    const relisted = await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: president,
      body: { respondentId, ground: 5, facts: '违反限制消费令乘坐飞机' },
    });
    assert.equal(relisted.status, 201, JSON.stringify(relisted.body));
    const entries = (await creditOf(c.id)).entries;
    assert.deepEqual(entries.map((e: { state: string }) => e.state).sort(), ['deleted', 'listed']);
  });

  test('revocation (art. 9) keeps history; lifting on consent is refused while listed; performance lifts and deletes', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id ?? '';
    const entryId = await listAndApprove(t, c.id, respondentId);
    const restrictionId = (await creditOf(c.id)).restrictions[0].id;
    const consent = await t.request('POST', `/api/v1/credit/restrictions/${restrictionId}/lift`, {
      token: judge,
      body: { ground: 'applicantConsent', reason: '申请人同意' },
    });
    assert.equal(consent.status, 409);
    const performed = await t.request('POST', `/api/v1/credit/restrictions/${restrictionId}/lift`, {
      token: judge,
      body: { ground: 'performed', reason: '已履行' },
    });
    assert.equal(performed.status, 200, JSON.stringify(performed.body));
    assert.equal(performed.body.deletedEntryId, entryId);
    const revokeDeleted = await t.request('POST', `/api/v1/credit/entries/${entryId}/revoke`, {
      token: judge,
      body: { reason: '错误' },
    });
    assert.equal(revokeDeleted.status, 409);
    const other = await fileCaseWith(t, judge, [anAdult()]);
    const wrong = await listAndApprove(t, other.id, other.respondents[0]?.id ?? '');
    const revoked = await t.request('POST', `/api/v1/credit/entries/${wrong}/revoke`, {
      token: judge,
      body: { reason: '纳入错误' },
    });
    assert.equal(revoked.status, 200);
    const r = await creditOf(other.id);
    assert.equal(r.entries[0].state, 'revoked');
    assert.equal(r.entries[0].deletionDueOn, addWorkingDays(clock.today(), 3));
    assert.equal(r.restrictions[0].state, 'lifted', 'a restriction ordered by a wrong listing falls with it');
    assert.deepEqual(
      r.entries[0].history.map((h: { action: string }) => h.action),
      ['requested', 'listed', 'revoked'],
    );
  });
});

describe('correction requests (arts. 11–12)', () => {
  test('reviewed within 15 days; upheld corrects within 3 working days; rejected may go up within 10 days, decided in 15', async () => {
    const c = await fileCaseWith(t, judge, [aCompany()]);
    const entryId = await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const today = clock.today();
    const filed = await t.request('POST', `/api/v1/credit/entries/${entryId}/corrections`, {
      token: judge,
      body: { ground: 'wrongInformation', statement: '法定代表人记载错误' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(
      filed.body.reviewDueOn,
      (await t.database.sql`select (${today}::date + 15)::text as d`)[0]?.d,
    );
    const noCorrections = await t.request('POST', `/api/v1/credit/corrections/${filed.body.id}/decide`, {
      token: judge,
      body: { decision: 'upheld', reason: '属实' },
    });
    assert.equal(noCorrections.status, 400);
    const upheld = await t.request('POST', `/api/v1/credit/corrections/${filed.body.id}/decide`, {
      token: judge,
      body: { decision: 'upheld', reason: '属实', corrections: { legalRepresentative: '李新' } },
    });
    assert.equal(upheld.status, 200, JSON.stringify(upheld.body));
    const r = await creditOf(c.id);
    assert.equal(r.entries[0].corrections[0].correctionDueOn, addWorkingDays(today, 3));
    assert.deepEqual(r.entries[0].history.at(-1).changes.after, { legalRepresentative: '李新' });
    const second = await t.request('POST', `/api/v1/credit/entries/${entryId}/corrections`, {
      token: judge,
      body: { ground: 'wronglyListed', statement: '不应纳入' },
    });
    const rejected = await t.request('POST', `/api/v1/credit/corrections/${second.body.id}/decide`, {
      token: judge,
      body: { decision: 'rejected', reason: '理由不成立' },
    });
    assert.equal(rejected.status, 200);
    const late = await t.request('POST', `/api/v1/credit/corrections/${second.body.id}/higher-review`, {
      token: judge,
      body: { requestedOn: '2099-01-01' },
    });
    assert.equal(late.status, 409);
    const review = await t.request('POST', `/api/v1/credit/corrections/${second.body.id}/higher-review`, {
      token: judge,
      body: {},
    });
    assert.equal(review.status, 200, JSON.stringify(review.body));
    assert.equal(
      review.body.higherReviewDueOn,
      (await t.database.sql`select (${today}::date + 15)::text as d`)[0]?.d,
    );
    assert.equal((await creditOf(c.id)).entries[0].state, 'listed', 'the listing stands meanwhile');
    const sameCourt = await t.request(
      'POST',
      `/api/v1/credit/corrections/${second.body.id}/higher-decision`,
      { token: president, body: { decision: 'upheld', reason: 'x' } },
    );
    assert.equal(sameCourt.status, 403);
    const higher = await t.request('POST', '/api/v1/users', {
      token: await t.login('admin'),
      body: {
        username: 'hz.president',
        displayName: '杭中院长',
        password: 'zhixing-demo',
        courtId: (
          await t.request('GET', '/api/v1/courts', { token: await t.login('admin') })
        ).body.items.find((x: { courtCode: string }) => x.courtCode === '浙01').id,
        roles: ['courtLeader'],
      },
    });
    assert.equal(higher.status, 201, JSON.stringify(higher.body));
    const hzPresident = await t.login('hz.president');
    const decided = await t.request('POST', `/api/v1/credit/corrections/${second.body.id}/higher-decision`, {
      token: hzPresident,
      body: { decision: 'upheld', reason: '不应纳入' },
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal((await creditOf(c.id)).entries[0].state, 'revoked');
  });
});

describe('the 终本 checklist reads the credit records', () => {
  test('restriction issued and listed: satisfied without hand-recorded nodes; a pending listing is not', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    const respondentId = c.respondents[0]?.id ?? '';
    const itemOf = async () => {
      const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
      return detail.body.terminationChecklist.find(
        (i: { item: string }) => i.item === 'consumptionRestrictionAndDishonestList',
      );
    };
    assert.equal((await itemOf()).satisfied, false);
    await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
      token: judge,
      body: { respondentId, ground: 2, facts: 'x' },
    });
    assert.equal((await itemOf()).satisfied, false);
    const entryId = (await creditOf(c.id)).entries[0].id;
    await t.request('POST', `/api/v1/credit/entries/${entryId}/approve`, { token: president, body: {} });
    assert.equal((await itemOf()).satisfied, true);
    const noGround = await fileCaseWith(t, judge, [anAdult()]);
    await t.request('POST', `/api/v1/cases/${noGround.id}/consumption-restrictions`, {
      token: judge,
      body: { respondentId: noGround.respondents[0]?.id },
    });
    const finding = await t.request('POST', `/api/v1/cases/${noGround.id}/credit/no-ground`, {
      token: judge,
      body: { respondentId: noGround.respondents[0]?.id, reason: '被执行人确无履行能力' },
    });
    assert.equal(finding.status, 201);
    const detail = await t.request('GET', `/api/v1/cases/${noGround.id}`, { token: judge });
    assert.equal(
      detail.body.terminationChecklist.find(
        (i: { item: string }) => i.item === 'consumptionRestrictionAndDishonestList',
      ).satisfied,
      true,
    );
  });
});
