import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, maskIdNumber } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import { aPerson } from './factories.ts';
import {
  aClue,
  aClueBody,
  anAddress,
  aPortalCase,
  aPublishedNotice,
  aRewardNotice,
  aRewardNoticeBody,
  type CourtSide,
  portalHeader,
  sendClue,
} from './route-fixtures/disclosure-reward-fixtures.ts';
import { changedTables, takeSnapshot } from './route-fixtures/index.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Reward notices (悬赏公告; 财产调查规定 (2020) arts. 21–24, DOMAIN §9): the applicant's
 * application and its 10-day decision, publication with masked ID numbers, clues numbered in order
 * of arrival under concurrency, and the reward's limits — never more than the recovery, never to
 * the applicant's agent or the respondent. Every refusal writes nothing.
 */
let t: TestApp;
let side: CourtSide;
const tokens = new Map<string, string>();

before(async () => {
  t = await startTestApp();
  for (const username of ['admin', 'xihu.judge', 'xihu.assistant', 'xihu.judge2', 'shangcheng.judge']) {
    tokens.set(username, await t.login(username));
  }
  side = {
    t,
    token(username) {
      const token = tokens.get(username);
      if (!token) throw new Error(`no session for ${username}`);
      return token;
    },
  };
});
after(async () => t?.close());

type Answer = { status: number; body: { error?: { details: { path: string }[] } } };

function refusedNaming(res: Answer, status: number, path: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(
    res.body.error?.details.some((d) => d.path === path),
    `expected ${status} naming ${path}: ${JSON.stringify(res.body)}`,
  );
}

/** Runs `refuse`, which must be refused with `status`, and checks that nothing was written. */
async function refusedWithoutWriting(status: number, refuse: () => Promise<Answer>, path?: string) {
  const before = await takeSnapshot(t);
  const res = await refuse();
  if (path) refusedNaming(res, status, path);
  else assert.equal(res.status, status, JSON.stringify(res.body));
  assert.deepEqual(changedTables(before, await takeSnapshot(t)), []);
}

const asPortal = (token: string) => ({ headers: { [portalHeader]: token } });

function apply(caseId: string, token: string, body: unknown = aRewardNoticeBody) {
  return t.request('POST', `/api/v1/party/cases/${caseId}/reward-notices`, { ...asPortal(token), body });
}

function decide(noticeId: string, username: string, approve = true) {
  return t.request('POST', `/api/v1/reward-notices/${noticeId}/decision`, {
    token: side.token(username),
    body: { approve, reason: approve ? '申请符合条件，准予发布' : '理由不充分，不予准许' },
  });
}

function verify(noticeId: string, clueId: string, body: Record<string, unknown>, username = 'xihu.judge') {
  return t.request('POST', `/api/v1/reward-notices/${noticeId}/clues/${clueId}/verification`, {
    token: side.token(username),
    body: { note: '线索已核查', ...body },
  });
}

describe('applying', () => {
  test('the applicant applies; the judge must decide within 10 days, a task on the workbench (art. 21)', async () => {
    const onCase = await aPortalCase(side);
    const res = await apply(onCase.caseId, onCase.applicantToken);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.dueOn, addCalendarDays(clock.today(), 10));
    const [task] = await t.database.sql`select r.kind, r.due_on::text as due_on, r.state
      from disclosure.requests r join disclosure.reward_notices n on n.request_id = r.id where n.id = ${res.body.id}`;
    assert.deepEqual({ ...task }, { kind: 'rewardNotice', due_on: res.body.dueOn, state: 'open' });
    const list = await t.request('GET', `/api/v1/cases/${onCase.caseId}/reward-notices`, {
      token: side.token('xihu.judge'),
    });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((n: Record<string, unknown>) => [n.id, n.state, n.rewardFen, n.dueOn, n.isOverdue]),
      [[res.body.id, 'pending', 500_000, res.body.dueOn, false]],
    );
  });

  test('the applicant’s lawyer may apply, with the token as a bearer credential too', async () => {
    const onCase = await aPortalCase(side);
    const res = await t.request('POST', `/api/v1/party/cases/${onCase.caseId}/reward-notices`, {
      headers: { authorization: `Bearer ${onCase.lawyer.token}` },
      body: aRewardNoticeBody,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('refused, writing nothing: the respondent (403), another’s case (404), no token (401), no reward (400)', async () => {
    const onCase = await aPortalCase(side);
    const other = await aPortalCase(side);
    await refusedWithoutWriting(403, () => apply(onCase.caseId, onCase.respondentToken));
    await refusedWithoutWriting(404, () => apply(other.caseId, onCase.applicantToken));
    await refusedWithoutWriting(401, () =>
      t.request('POST', `/api/v1/party/cases/${onCase.caseId}/reward-notices`, { body: aRewardNoticeBody }),
    );
    // A court user's session is no portal credential.
    await refusedWithoutWriting(401, () =>
      t.request('POST', `/api/v1/party/cases/${onCase.caseId}/reward-notices`, {
        token: side.token('xihu.judge'),
        body: aRewardNoticeBody,
      }),
    );
    for (const rewardFen of [0, -1, 1.5]) {
      await refusedWithoutWriting(
        400,
        () => apply(onCase.caseId, onCase.applicantToken, { ...aRewardNoticeBody, rewardFen }),
        'rewardFen',
      );
    }
  });
});

describe('deciding and publishing', () => {
  test('the judge approves once: published with the debtor’s ID number masked, the task answered', async () => {
    const notice = await aRewardNotice(side);
    const res = await decide(notice.noticeId, 'xihu.judge');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, 'published');
    assert.equal(res.body.publishedOn, clock.today());
    const [task] = await t.database.sql`select r.state, r.outcome from disclosure.requests r
      join disclosure.reward_notices n on n.request_id = r.id where n.id = ${notice.noticeId}`;
    assert.deepEqual({ ...task }, { state: 'answered', outcome: 'accepted' });

    const one = await t.request('GET', `/api/v1/public/reward-notices/${notice.noticeId}`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    const [c] = await t.database.sql`select case_number from cases.cases where id = ${notice.caseId}`;
    assert.deepEqual(one.body, {
      id: notice.noticeId,
      caseNumber: c?.case_number,
      court: one.body.court,
      debtors: [
        {
          name: notice.respondent.name,
          idNumber: maskIdNumber(notice.respondent.idNumber),
          creditCode: null,
        },
      ],
      rewardFen: 500_000,
      publishedOn: clock.today(),
      text: aRewardNoticeBody.text,
    });
    assert.match(one.body.court, /法院/);
    assert.ok(
      !JSON.stringify(one.body).includes(notice.respondent.idNumber),
      'the full ID number is never published',
    );
    // Without any credential, on the public list too.
    const page = await t.request('GET', '/api/v1/public/reward-notices?page=1');
    assert.equal(page.status, 200);
    assert.ok(page.body.items.some((n: { id: string }) => n.id === notice.noticeId));
    assert.equal(page.body.pageSize, 20);
  });

  test('a second decision is 409; others on the court 403, another court’s judge 404 — writing nothing', async () => {
    const notice = await aRewardNotice(side);
    await refusedWithoutWriting(403, () => decide(notice.noticeId, 'xihu.assistant'));
    await refusedWithoutWriting(403, () => decide(notice.noticeId, 'xihu.judge2'));
    await refusedWithoutWriting(404, () => decide(notice.noticeId, 'shangcheng.judge'));
    assert.equal((await decide(notice.noticeId, 'xihu.judge', false)).status, 200);
    await refusedWithoutWriting(409, () => decide(notice.noticeId, 'xihu.judge'));
  });

  test('a pending or refused notice is not published', async () => {
    const pending = await aRewardNotice(side);
    const refused = await aRewardNotice(side);
    assert.equal((await decide(refused.noticeId, 'xihu.judge', false)).status, 200);
    for (const id of [pending.noticeId, refused.noticeId]) {
      assert.equal((await t.request('GET', `/api/v1/public/reward-notices/${id}`)).status, 404);
      assert.equal((await sendClue(side, id, aClueBody())).status, 404);
    }
    const page = await t.request('GET', '/api/v1/public/reward-notices');
    const ids = page.body.items.map((n: { id: string }) => n.id);
    assert.ok(!ids.includes(pending.noticeId) && !ids.includes(refused.noticeId));
    // Pages are capped: no harvesting beyond the newest thousand.
    refusedNaming(await t.request('GET', '/api/v1/public/reward-notices?page=51'), 400, 'page');
  });
});

describe('clues', () => {
  test('numbered 1, 2, 3 … in order of arrival: concurrent clues get distinct, consecutive numbers (art. 23)', async () => {
    const notice = await aPublishedNotice(side);
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => sendClue(side, notice.noticeId, aClueBody())),
    );
    assert.ok(
      answers.every((a) => a.status === 201),
      JSON.stringify(answers.find((a) => a.status !== 201)),
    );
    const seqs = answers.map((a) => Number(a.body.seq)).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const list = await t.request('GET', `/api/v1/reward-notices/${notice.noticeId}/clues`, {
      token: side.token('xihu.assistant'),
    });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((c: { seq: number }) => c.seq),
      seqs,
    );
    // The order of arrival is the order of the numbers.
    const times = list.body.items.map((c: { submittedAt: string }) => Date.parse(c.submittedAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    // Another notice counts from 1.
    const other = await aPublishedNotice(side);
    assert.equal((await sendClue(side, other.noticeId, aClueBody())).body.seq, 1);
  });

  test('the informants are for the case team: others on the court 403, another court 404', async () => {
    const clue = await aClue(side);
    const url = `/api/v1/reward-notices/${clue.noticeId}/clues`;
    assert.equal((await t.request('GET', url, { token: side.token('xihu.judge2') })).status, 403);
    assert.equal((await t.request('GET', url, { token: side.token('shangcheng.judge') })).status, 404);
    assert.equal((await t.request('GET', url)).status, 401);
  });

  test('refused, writing nothing: a wrong ID number, a wrong phone', async () => {
    const notice = await aPublishedNotice(side);
    const person = aPerson();
    await refusedWithoutWriting(
      400,
      () =>
        sendClue(side, notice.noticeId, {
          ...aClueBody(person),
          idNumber: `${person.idNumber.slice(0, 17)}0`,
        }),
      'idNumber',
    );
    await refusedWithoutWriting(
      400,
      () => sendClue(side, notice.noticeId, { ...aClueBody(person), phone: '0571-8888' }),
      'phone',
    );
  });

  test('limited per address: the 11th clue in 10 minutes from one address is 429', async () => {
    const notice = await aPublishedNotice(side);
    const address = anAddress();
    for (let i = 0; i < 10; i += 1) {
      assert.equal((await sendClue(side, notice.noticeId, aClueBody(), address)).status, 201);
    }
    assert.equal((await sendClue(side, notice.noticeId, aClueBody(), address)).status, 429);
    assert.equal((await sendClue(side, notice.noticeId, aClueBody())).status, 201);
  });
});

describe('verifying and rewarding (art. 24)', () => {
  test('the reward is paid from the recovery: never more than the case recovered', async () => {
    const clue = await aClue(side, 'xihu', 300_000);
    await refusedWithoutWriting(
      400,
      () => verify(clue.noticeId, clue.clueId, { isUseful: true, rewardFen: 300_001 }),
      'rewardFen',
    );
    const ok = await verify(clue.noticeId, clue.clueId, { isUseful: true, rewardFen: 300_000 });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.state, ok.body.isUseful, ok.body.rewardFen], ['verified', true, 300_000]);
    // Once: a second verification is 409.
    await refusedWithoutWriting(409, () => verify(clue.noticeId, clue.clueId, { isUseful: false }));
    // The recovery is spent: a second clue may be useful, but earns nothing more.
    const second = await sendClue(side, clue.noticeId, aClueBody());
    await refusedWithoutWriting(
      400,
      () => verify(clue.noticeId, second.body.id, { isUseful: true, rewardFen: 1 }),
      'rewardFen',
    );
    assert.equal((await verify(clue.noticeId, second.body.id, { isUseful: true })).status, 200);
    const [node] = await t.database.sql`select count(*)::int as n from cases.nodes
      where case_id = ${clue.caseId} and kind = 'leadVerified'`;
    assert.equal(node?.n, 2);
    const list = await t.request('GET', `/api/v1/cases/${clue.caseId}/reward-notices`, {
      token: side.token('xihu.judge'),
    });
    assert.deepEqual([list.body.items[0].clues, list.body.items[0].grantedFen], [2, 300_000]);
  });

  test('nor more than the notice announced; nor for a clue found not useful', async () => {
    const clue = await aClue(side, 'xihu', 10_000_000);
    await refusedWithoutWriting(
      400,
      () => verify(clue.noticeId, clue.clueId, { isUseful: true, rewardFen: 500_001 }),
      'rewardFen',
    );
    await refusedWithoutWriting(
      400,
      () => verify(clue.noticeId, clue.clueId, { isUseful: false, rewardFen: 1 }),
      'rewardFen',
    );
    assert.equal(
      (await verify(clue.noticeId, clue.clueId, { isUseful: true, rewardFen: 500_000 })).status,
      200,
    );
  });

  test('never to the applicant’s agent (by name) nor to the respondent (by ID number): 400 naming idNumber', async () => {
    const notice = await aPublishedNotice(side);
    await t.database.sql`update cases.cases set recovered_fen = 1000000 where id = ${notice.caseId}`;
    const byAgent = await sendClue(side, notice.noticeId, { ...aClueBody(), name: notice.lawyer.name });
    const byRespondent = await sendClue(side, notice.noticeId, {
      ...aClueBody(),
      name: '另一人',
      idNumber: notice.respondent.idNumber,
    });
    for (const clue of [byAgent, byRespondent]) {
      assert.equal(clue.status, 201, JSON.stringify(clue.body));
      await refusedWithoutWriting(
        400,
        () => verify(notice.noticeId, clue.body.id, { isUseful: true, rewardFen: 1000 }),
        'idNumber',
      );
      // The clue may still be useful: only the reward is refused.
      assert.equal((await verify(notice.noticeId, clue.body.id, { isUseful: true })).status, 200);
    }
  });

  test('the team verifies: others on the court 403, another court 404 — writing nothing', async () => {
    const clue = await aClue(side);
    await refusedWithoutWriting(403, () =>
      verify(clue.noticeId, clue.clueId, { isUseful: true }, 'xihu.judge2'),
    );
    await refusedWithoutWriting(404, () =>
      verify(clue.noticeId, clue.clueId, { isUseful: true }, 'shangcheng.judge'),
    );
    assert.equal(
      (await verify(clue.noticeId, clue.clueId, { isUseful: true }, 'xihu.assistant')).status,
      200,
    );
  });
});
