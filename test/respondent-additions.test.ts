import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { addCalendarDays } from '../src/kernel/index.ts';
import { openPortalSession, portalTokenHeader } from '../src/modules/disclosure/index.ts';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Changing and adding respondents (变更追加规定, DOMAIN.md §11) against the real PostgreSQL: the
 * application entered by the case team with its ground and limit (400 naming `ground` or
 * `limitFen`), the ruling due 60 days after it (art. 28), the hearing or its waiver before a ruling
 * to add, the ruling by the case judge or a court leader of the case's court (403 for others, 404
 * outside the scope), the objection of 15 days (art. 32) or 10 (art. 30), the new respondent on
 * the case page with its `liabilityLimitFen`, the president's extension, and a freeze on the added
 * shareholder held within the limit. Every refusal writes nothing.
 */
const day = 86_400_000;
let t: TestApp;
let judge: string;
let assistant: string;
let clerk: string;
let bailiff: string;
let president: string;
let otherJudge: string;
let otherCourtAssistant: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  clerk = await t.login('xihu.clerk');
  bailiff = await t.login('xihu.bailiff');
  president = await t.login('xihu.president');
  otherJudge = await t.login('xihu.judge2');
  otherCourtAssistant = await t.login('shangcheng.assistant');
});

after(async () => {
  await t?.close();
});

type ErrorBody = { error?: { code: string; message: string; details: { path: string }[] } };

function expectError(res: { status: number; body: ErrorBody }, status: number, path?: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(res.body.error?.message.includes(' / '), 'bilingual error');
  if (path) {
    assert.ok(
      res.body.error?.details.some((d) => d.path === path),
      `names ${path}: ${JSON.stringify(res.body.error?.details)}`,
    );
  }
}

async function fileCase(claimAmountFen = 10_000_000) {
  const res = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ respondents: [aCompany()], claimAmountFen }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

function aShareholder() {
  const { kind, name, creditCode } = aCompany();
  return { kind, name, creditCode };
}

function anApplication(overrides: Record<string, unknown> = {}) {
  return {
    ground: 'unpaidCapital',
    party: aShareholder(),
    limitFen: 500_000,
    facts: '被执行人注册资本认缴未实缴，股东未缴出资5000元。',
    ...overrides,
  };
}

async function apply(caseId: string, body: unknown = anApplication(), token = judge) {
  return t.request('POST', `/api/v1/cases/${caseId}/respondent-additions`, { token, body });
}

async function counts(caseId: string) {
  const [row] = await t.database.sql<{ additions: number; parties: number; nodes: number }[]>`
    select (select count(*)::int from procedures.respondent_additions where case_id = ${caseId}) as additions,
      (select count(*)::int from cases.parties where case_id = ${caseId}) as parties,
      (select count(*)::int from cases.nodes where case_id = ${caseId}) as nodes`;
  assert.ok(row);
  return row;
}

test('an application enters with its ground and limit; the ruling is due 60 days after it (art. 28)', async () => {
  const caseId = await fileCase();
  const res = await apply(caseId);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.state, 'underReview');
  assert.equal(res.body.dueOn, addCalendarDays(clock.today(), 60));
  assert.match(res.body.id, /^[0-9a-f-]{36}$/);
  // The assistant and the clerk enter applications too.
  assert.equal((await apply(caseId, anApplication(), assistant)).status, 201);
  assert.equal((await apply(caseId, anApplication(), clerk)).status, 201);
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.ok(detail.body.nodes.some((n: { kind: string }) => n.kind === 'respondentAdditionApplied'));
});

test('an application is refused naming the field: unknown ground, missing or needless limit, bad party', async () => {
  const caseId = await fileCase();
  const before = await counts(caseId);
  expectError(await apply(caseId, anApplication({ ground: 'cousin' })), 400, 'ground');
  // Arts. 17 and 10: within the unpaid capital or the estate — the limit is required.
  expectError(await apply(caseId, anApplication({ limitFen: undefined })), 400, 'limitFen');
  const heir = aPerson();
  expectError(
    await apply(
      caseId,
      anApplication({
        ground: 'heir',
        party: { kind: heir.kind, name: heir.name, idNumber: heir.idNumber },
        limitFen: null,
      }),
    ),
    400,
    'limitFen',
  );
  // Art. 20: the one-person company's shareholder answers jointly — no limit.
  expectError(await apply(caseId, anApplication({ ground: 'onePersonCompany' })), 400, 'limitFen');
  expectError(await apply(caseId, anApplication({ limitFen: 0 })), 400, 'limitFen');
  // The party is checked as filing checks it: the ID number's check character.
  const person = aPerson();
  const wrong = `${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('1') ? '2' : '1'}`;
  expectError(
    await apply(
      caseId,
      anApplication({ ground: 'heir', party: { kind: 'natural', name: person.name, idNumber: wrong } }),
    ),
    400,
    'party.idNumber',
  );
  expectError(
    await apply(caseId, anApplication({ party: { kind: 'legal', name: '某公司' } })),
    400,
    'party.creditCode',
  );
  expectError(await apply(caseId, anApplication({ facts: '' })), 400, 'facts');
  assert.deepEqual(await counts(caseId), before);
});

test('only the case team enters an application; outside the scope the case does not exist', async () => {
  const caseId = await fileCase();
  const before = await counts(caseId);
  expectError(await apply(caseId, anApplication(), bailiff), 403);
  expectError(await apply(caseId, anApplication(), otherJudge), 403);
  expectError(await apply(caseId, anApplication(), president), 403);
  expectError(await apply(caseId, anApplication(), otherCourtAssistant), 404);
  expectError(await apply(randomUUID(), anApplication()), 404);
  assert.deepEqual(await counts(caseId), before);
  // The same party twice while the first is under review: 409.
  const body = anApplication();
  assert.equal((await apply(caseId, body)).status, 201);
  expectError(await apply(caseId, { ...body, facts: '再次申请。' }), 409);
});

test('after the hearing the judge adds the shareholder with its limit and a 15-day suit (arts. 28, 32)', async () => {
  const caseId = await fileCase();
  const shareholder = aShareholder();
  const created = await apply(caseId, anApplication({ party: shareholder }));
  const id = created.body.id as string;
  const rule = (token: string, body: unknown = { decision: 'add', reasons: '股东未缴纳出资，理由成立。' }) =>
    t.request('POST', `/api/v1/respondent-additions/${id}/rule`, { token, body });
  const before = await counts(caseId);

  const hearingUrl = `/api/v1/respondent-additions/${id}/hearing`;
  expectError(
    await t.request('POST', hearingUrl, {
      token: assistant,
      body: { heldOn: addCalendarDays(clock.today(), 1), record: '听证笔录' },
    }),
    400,
    'heldOn',
  );
  expectError(
    await t.request('POST', hearingUrl, {
      token: otherCourtAssistant,
      body: { heldOn: clock.today(), record: '听证笔录' },
    }),
    404,
  );
  const heard = await t.request('POST', hearingUrl, {
    token: assistant,
    body: { heldOn: clock.today(), record: '公开听证，被申请人到庭，对未缴出资无异议。' },
  });
  assert.equal(heard.status, 201, JSON.stringify(heard.body));
  assert.equal(heard.body.isWaived, false);
  expectError(
    await t.request('POST', hearingUrl, {
      token: assistant,
      body: { heldOn: clock.today(), record: '再次听证' },
    }),
    409,
  );

  // Only the case judge or a court leader of the case's court rules.
  expectError(await rule(assistant), 403);
  expectError(await rule(otherJudge), 403);
  expectError(await rule(otherCourtAssistant), 404);
  expectError(await rule(judge, { decision: 'maybe', reasons: '理由' }), 400, 'decision');
  assert.deepEqual(await counts(caseId), { ...before, nodes: before.nodes + 1 });

  const ruled = await rule(judge);
  assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
  assert.equal(ruled.body.state, 'added');
  assert.equal(ruled.body.isLate, false);
  // Art. 32: a ruling under art. 17 is challenged by a suit within 15 days.
  assert.equal(ruled.body.objection.kind, 'suit');
  assert.equal(ruled.body.objectionDueOn, addCalendarDays(clock.today(), 15));
  expectError(await rule(judge), 409);

  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  const added = detail.body.respondents.find((p: { id: string }) => p.id === ruled.body.partyId);
  assert.ok(added, 'the new respondent is on the case');
  assert.equal(added.name, shareholder.name);
  assert.equal(added.creditCode, shareholder.creditCode);
  assert.equal(added.liabilityLimitFen, 500_000);
  assert.equal(detail.body.respondents[0].liabilityLimitFen, null);
  assert.equal(detail.body.applicants[0].liabilityLimitFen, null);
  assert.ok(detail.body.nodes.some((n: { kind: string }) => n.kind === 'respondentAdded'));
  assert.ok(detail.body.nodes.some((n: { kind: string }) => n.kind === 'respondentAdditionRuled'));

  const list = await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: judge });
  assert.equal(list.status, 200);
  const [item] = list.body.items;
  assert.equal(item.state, 'added');
  assert.equal(item.ground, 'unpaidCapital');
  assert.equal(item.limitFen, 500_000);
  assert.equal(item.hearing.isWaived, false);
  assert.equal(item.ruling.decision, 'add');
  assert.equal(item.ruling.partyId, ruled.body.partyId);
  assert.equal(item.dueOn, addCalendarDays(item.appliedOn, 60));
  // Seen from outside the scope: 404.
  expectError(
    await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: otherCourtAssistant }),
    404,
  );
});

test('a court leader rules on a waived hearing: an heir added within the estate, reviewed in 10 days (art. 30)', async () => {
  const caseId = await fileCase();
  const heir = aPerson();
  const created = await apply(
    caseId,
    anApplication({
      ground: 'heir',
      party: { kind: 'natural', name: heir.name, idNumber: heir.idNumber },
      limitFen: 2_000_000,
    }),
  );
  const id = created.body.id as string;
  const waived = await t.request('POST', `/api/v1/respondent-additions/${id}/hearing`, {
    token: judge,
    body: { heldOn: clock.today(), record: '继承事实有公证书证明，各方无争议，书面审查。', isWaived: true },
  });
  assert.equal(waived.status, 201, JSON.stringify(waived.body));
  assert.equal(waived.body.isWaived, true);
  const ruled = await t.request('POST', `/api/v1/respondent-additions/${id}/rule`, {
    token: president,
    body: { decision: 'add', reasons: '继承人在遗产范围内承担责任。' },
  });
  assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
  assert.equal(ruled.body.objection.kind, 'review');
  assert.equal(ruled.body.objectionDueOn, addCalendarDays(clock.today(), 10));
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  const added = detail.body.respondents.find((p: { id: string }) => p.id === ruled.body.partyId);
  assert.equal(added.liabilityLimitFen, 2_000_000);
  assert.equal(added.idNumber, heir.idNumber);
  // Outside the team the ID number is masked, as on the case page.
  const list = await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: otherJudge });
  assert.notEqual(list.body.items[0].party.idNumber, heir.idNumber);
});

test('a joint ground adds without a limit; a rejection adds nobody', async () => {
  const caseId = await fileCase();
  const joint = await apply(caseId, anApplication({ ground: 'onePersonCompany', limitFen: undefined }));
  assert.equal(joint.status, 201, JSON.stringify(joint.body));
  const rejected = await apply(caseId, anApplication({ ground: 'freeReceipt', limitFen: 300_000 }));
  const before = await counts(caseId);
  const rejection = await t.request('POST', `/api/v1/respondent-additions/${rejected.body.id}/rule`, {
    token: judge,
    body: { decision: 'reject', reasons: '证据不足以证明无偿接受财产。' },
  });
  assert.equal(rejection.status, 200, JSON.stringify(rejection.body));
  assert.equal(rejection.body.state, 'rejected');
  assert.equal(rejection.body.partyId, null);
  // Art. 30: rejecting under art. 22 is reviewed within 10 days.
  assert.equal(rejection.body.objectionDueOn, addCalendarDays(clock.today(), 10));
  assert.equal((await counts(caseId)).parties, before.parties);

  await t.request('POST', `/api/v1/respondent-additions/${joint.body.id}/hearing`, {
    token: judge,
    body: { heldOn: clock.today(), record: '公开听证。' },
  });
  const ruled = await t.request('POST', `/api/v1/respondent-additions/${joint.body.id}/rule`, {
    token: judge,
    body: { decision: 'add', reasons: '股东不能证明公司财产独立于自己的财产。' },
  });
  assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
  // Art. 32: art. 20 — a suit within 15 days.
  assert.equal(ruled.body.objectionDueOn, addCalendarDays(clock.today(), 15));
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  const added = detail.body.respondents.find((p: { id: string }) => p.id === ruled.body.partyId);
  assert.equal(added.liabilityLimitFen, null);
});

test('the president extends the 60 days; a ruling after them stands, recorded as late', async () => {
  const caseId = await fileCase();
  const created = await apply(caseId);
  const id = created.body.id as string;
  const appliedOn = clock.today();
  const extend = (token: string) =>
    t.request('POST', `/api/v1/respondent-additions/${id}/extension`, {
      token,
      body: { days: 30, reason: '出资情况需向市场监管部门核实。' },
    });
  expectError(await extend(judge), 403);
  expectError(await extend(otherCourtAssistant), 404);
  const extended = await extend(president);
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.equal(extended.body.dueOn, addCalendarDays(appliedOn, 90));
  const list = await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: judge });
  assert.equal(list.body.items[0].dueOn, addCalendarDays(appliedOn, 90));
  assert.equal(list.body.items[0].extensions[0].days, 30);

  // A second application, ruled after its 60 days.
  const late = await apply(caseId);
  try {
    await t.setClockOffset(61 * day);
    assert.equal(
      (await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: judge })).body.items[1]
        .isOverdue,
      true,
    );
    // Past its period it is no longer extended.
    expectError(
      await t.request('POST', `/api/v1/respondent-additions/${late.body.id}/extension`, {
        token: president,
        body: { days: 10, reason: '补正材料。' },
      }),
      409,
    );
    const ruled = await t.request('POST', `/api/v1/respondent-additions/${late.body.id}/rule`, {
      token: judge,
      body: { decision: 'reject', reasons: '申请人未提供证据。' },
    });
    assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
    assert.equal(ruled.body.isLate, true);
    // An application made today is due 60 days after today's China date.
    const fresh = await apply(caseId);
    assert.equal(fresh.body.dueOn, addCalendarDays(clock.today(), 60));
  } finally {
    await t.setClockOffset(0);
  }
});

test('a freeze on the added shareholder stays within its limit (arts. 17, 28)', async () => {
  const caseId = await fileCase(100_000_000);
  const created = await apply(caseId);
  const id = created.body.id as string;
  await t.request('POST', `/api/v1/respondent-additions/${id}/hearing`, {
    token: judge,
    body: { heldOn: clock.today(), record: '公开听证。' },
  });
  const ruled = await t.request('POST', `/api/v1/respondent-additions/${id}/rule`, {
    token: judge,
    body: { decision: 'add', reasons: '理由成立。' },
  });
  assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
  const partyId = ruled.body.partyId as string;
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  const original = detail.body.respondents[0];

  const code = `additions-bank-${randomUUID().slice(0, 8)}`;
  await insertInstitution(t.database.db, {
    code,
    name: '测试银行',
    kind: 'bank',
    channel: 'national',
    baseUrl: 'http://127.0.0.1:9/',
    signingKey: 'additions-bank-signing-key-01',
    assetTypes: ['deposit'],
    operations: ['query', 'freeze', 'unfreeze', 'deduct'],
    concurrency: 1,
    ratePerSecond: 0,
    isEnabled: true,
    maxAttempts: 3,
    retryBaseSeconds: 1,
    pollAfterSeconds: 60,
    answerTimeoutSeconds: 3600,
  });
  const anAccount = async (respondentPartyId: string, respondentName: string) => {
    const assetId = randomUUID();
    const requestId = randomUUID();
    await t.database.sql`insert into inquiry.assets (id, case_id, court_id, respondent_party_id,
      respondent_name, institution, channel, asset_type, identifier, description, balance_fen,
      available_fen, first_request_id, last_request_id, first_answered_at, answered_at)
      select ${assetId}, id, court_id, ${respondentPartyId}, ${respondentName}, ${code}, 'national',
        'deposit', ${`62220202${randomUUID().slice(0, 8)}`}, '活期存款', 10000000, 10000000,
        ${requestId}, ${requestId}, now(), now()
      from cases.cases where id = ${caseId}`;
    return assetId;
  };
  const freeze = (assetId: string, amountFen: number) =>
    t.request('POST', `/api/v1/cases/${caseId}/measures`, {
      token: judge,
      body: { assetId, kind: 'freeze', amountFen },
    });
  const measures = async () => {
    const [row] = await t.database.sql<{ n: number }[]>`
      select count(*)::int as n from inquiry.measures where case_id = ${caseId}`;
    return row?.n;
  };
  const shareholder = detail.body.respondents.find((p: { id: string }) => p.id === partyId);
  const first = await anAccount(partyId, shareholder.name);
  const second = await anAccount(partyId, shareholder.name);

  // The unpaid capital is 5,000 yuan: freezing 6,000 on the shareholder is refused, naming the amount.
  expectError(await freeze(first, 600_000), 400, 'amountFen');
  assert.equal(await measures(), 0);
  const accepted = await freeze(first, 400_000);
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  // What the first freeze holds counts: 4,000 + 2,000 would pass the limit, 4,000 + 1,000 does not.
  expectError(await freeze(second, 200_000), 400, 'amountFen');
  assert.equal((await freeze(second, 100_000)).status, 201);
  // The original respondent answers for the whole claim.
  const own = await anAccount(original.id, original.name);
  assert.equal((await freeze(own, 5_000_000)).status, 201);
  assert.equal(await measures(), 3);
});

test('the applicant applies on the party portal; a respondent may not, a stranger sees no case', async () => {
  const applicant = aCompany();
  const respondent = aCompany();
  const filed = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ applicants: [applicant], respondents: [respondent] }),
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const caseId = filed.body.id as string;
  const portalOf = async (party: { creditCode: string; name: string }) => {
    const { token } = await openPortalSession(t.database.db, {
      kind: 'party',
      subjectId: party.creditCode,
      name: party.name,
    });
    return { [portalTokenHeader]: token };
  };
  const url = `/api/v1/party/cases/${caseId}/respondent-additions`;
  const before = await counts(caseId);
  expectError(
    await t.request('POST', url, { headers: await portalOf(respondent), body: anApplication() }),
    403,
  );
  expectError(
    await t.request('POST', url, { headers: await portalOf(aCompany()), body: anApplication() }),
    404,
  );
  expectError(await t.request('POST', url, { body: anApplication() }), 401);
  assert.deepEqual(await counts(caseId), before);
  const res = await t.request('POST', url, { headers: await portalOf(applicant), body: anApplication() });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.state, 'underReview');
  assert.equal(res.body.dueOn, addCalendarDays(clock.today(), 60));
  const list = await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: judge });
  assert.equal(list.body.items[0].appliedVia, 'portal');
  assert.equal(list.body.items[0].appliedBy, applicant.name);
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  assert.ok(detail.body.nodes.some((n: { kind: string }) => n.kind === 'respondentAdditionApplied'));
});

test('a ruling to add with no hearing on file records the panel finding the facts clear and undisputed (art. 28)', async () => {
  const caseId = await fileCase();
  const created = await apply(caseId);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ruled = await t.request('POST', `/api/v1/respondent-additions/${created.body.id}/rule`, {
    token: judge,
    body: { decision: 'add', reasons: '股东认缴出资期限已届满未缴纳，事实清楚。' },
  });
  assert.equal(ruled.status, 200, JSON.stringify(ruled.body));
  assert.equal(ruled.body.state, 'added');
  const list = await t.request('GET', `/api/v1/cases/${caseId}/respondent-additions`, { token: judge });
  const item = list.body.items.find((i: { id: string }) => i.id === created.body.id);
  assert.equal(item.hearing.isWaived, true);
  assert.equal(item.hearing.heldOn, clock.today());
  assert.match(item.hearing.record, /事实清楚.*第二十八条/);
  const detail = await t.request('GET', `/api/v1/cases/${caseId}`, { token: judge });
  const added = detail.body.respondents.find((p: { id: string }) => p.id === ruled.body.partyId);
  assert.equal(added.liabilityLimitFen, 500_000);
});
