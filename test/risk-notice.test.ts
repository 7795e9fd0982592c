import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { caseFiled } from '../src/modules/cases/index.ts';
import { openPortalSession } from '../src/modules/disclosure/index.ts';
import { issueRiskNoticeJob } from '../src/modules/documents/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { publishEvent } from '../src/platform/events.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The 执行风险提示书 (seed 003 item 19): filing a case queues it; the worker's job fills it from the
 * case, seals it with the court's seal and serves it electronically on every applicant, who finds
 * it in the party portal. One per case, however often the filing event or the job runs.
 */
let t: TestApp;
let judge: string;
const logger = createLogger('silent');

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});

after(async () => {
  await t?.close();
});

/** What the worker does: every subscriber's deliveries, then the risk-notice jobs they queued. */
async function runWorker(): Promise<void> {
  const dispatcher = createOutboxDispatcher(t.database, allSubscribers(), logger);
  while ((await dispatcher.runOnce()) > 0) {}
  const jobs = await t.database.sql<{ id: string; data: unknown }[]>`
    select id::text, data from pgboss.job where name = ${issueRiskNoticeJob.name} and state = 'created'`;
  for (const job of jobs) {
    await issueRiskNoticeJob.handle(
      { database: t.appDatabase, logger, config: t.config },
      issueRiskNoticeJob.payload.parse(job.data),
    );
    await t.database.sql`update pgboss.job set state = 'completed' where id = ${job.id}::uuid`;
  }
}

async function fileCase(overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody(overrides) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: String(res.body.id), caseNumber: String(res.body.caseNumber) };
}

async function riskNotices(caseId: string) {
  return t.database.db.execute<{ id: string; sealed: boolean }>(
    sql`select id, sealed_at is not null as sealed from documents.documents
      where case_id = ${caseId}::uuid and template = 'riskNotice'`,
  );
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/\s+/g, '');
}

test('a filed case’s applicants find the sealed 执行风险提示书 in their portal; its PDF names the case', async () => {
  const company = aCompany();
  const person = aPerson();
  const c = await fileCase({ applicants: [company, person], respondents: [aPerson()] });
  assert.equal((await riskNotices(c.id)).length, 0, 'nothing before the worker runs');
  await runWorker();
  const [notice, ...others] = await riskNotices(c.id);
  assert.ok(notice, 'the worker issued the notice');
  assert.equal(others.length, 0);
  assert.equal(notice.sealed, true, 'sealed with the court’s seal, as every served document');

  for (const applicant of [
    { subjectId: company.creditCode, name: company.name },
    { subjectId: person.idNumber, name: person.name },
  ]) {
    const session = await openPortalSession(t.appDatabase.db, { kind: 'party', ...applicant });
    const portal = { 'x-zhixing-portal': session.token };
    const mine = await t.request('GET', `/api/v1/party/cases/${c.id}/documents`, { headers: portal });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const served = mine.body.items.find((d: { template: string }) => d.template === 'riskNotice');
    assert.ok(served, `${applicant.name} has the notice in the portal`);
    assert.equal(served.title, '执行风险提示书');
    assert.equal(served.number, c.caseNumber);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/party/cases/${c.id}/documents/${served.id}/file?format=pdf`,
      headers: portal,
    });
    assert.equal(file.statusCode, 200);
    const text = pdfText(file.rawPayload);
    for (const expected of ['执行风险提示书', c.caseNumber, company.name, '终结本次执行程序'])
      assert.ok(text.includes(expected), `the PDF's text names ${expected}`);
  }

  // The team sees it among the case's documents, served on both applicants and on no respondent.
  const list = await t.request('GET', `/api/v1/cases/${c.id}/documents`, { token: judge });
  const listed = list.body.items.find((d: { template: string }) => d.template === 'riskNotice');
  assert.equal(listed.label.zh, '执行风险提示书');
  assert.equal(listed.createdByName, '系统 / System');
  assert.equal(listed.services.length, 2);
  assert.ok(listed.services.every((s: { method: string }) => s.method === 'electronic'));
  const dossier = await t.request('GET', `/api/v1/cases/${c.id}/dossier`, { token: judge });
  assert.ok(
    dossier.body.items.some((e: { refId: string }) => e.refId === notice.id),
    'filed in the dossier',
  );
});

test('one notice per case: the filing event delivered again, the job run again, or an officer issuing another', async () => {
  const c = await fileCase();
  await runWorker();
  assert.equal((await riskNotices(c.id)).length, 1);
  const [filed] = await t.database.db.execute<{ court_id: string; filed_on: string; case_number: string }>(
    sql`select court_id, filed_on::text, case_number from cases.cases where id = ${c.id}::uuid`,
  );
  assert.ok(filed);
  // The same filing announced again (a redelivery), and the job run twice over.
  await publishEvent(t.database.db, caseFiled, {
    caseId: c.id,
    caseNumber: filed.case_number,
    courtId: filed.court_id,
    filedOn: filed.filed_on,
    caseType: '执',
  });
  await runWorker();
  const payload = { caseId: c.id, courtId: filed.court_id };
  await Promise.all([
    issueRiskNoticeJob.handle({ database: t.appDatabase, logger, config: t.config }, payload),
    issueRiskNoticeJob.handle({ database: t.appDatabase, logger, config: t.config }, payload),
  ]);
  assert.equal((await riskNotices(c.id)).length, 1, 'still one notice');
  const again = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
    token: judge,
    body: { template: 'riskNotice' },
  });
  assert.equal(again.status, 409, JSON.stringify(again.body));
  assert.equal((await riskNotices(c.id)).length, 1);
});

test('a case closed before the worker came, or reached past the filing stage (7 days), gets no notice', async () => {
  const c = await fileCase();
  const closed = await t.request('POST', `/api/v1/cases/${c.id}/close`, {
    token: judge,
    body: { closingType: 'withdrawn', reason: '申请执行人撤回申请' },
  });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  await runWorker();
  assert.equal((await riskNotices(c.id)).length, 0);

  // The filing's delivery waits eight days (a worker down): the notice is no longer the filing's.
  const late = await fileCase();
  const onTime = await fileCase();
  try {
    await t.setClockOffset(7 * 86_400_000);
    const [row] = await t.database.db.execute<{ court_id: string }>(
      sql`select court_id from cases.cases where id = ${onTime.id}::uuid`,
    );
    assert.ok(row);
    // The 7th day is still the filing stage.
    await issueRiskNoticeJob.handle(
      { database: t.appDatabase, logger, config: t.config },
      { caseId: onTime.id, courtId: row.court_id },
    );
    assert.equal((await riskNotices(onTime.id)).length, 1);
    await t.setClockOffset(8 * 86_400_000);
    await runWorker();
    assert.equal((await riskNotices(late.id)).length, 0);
  } finally {
    await t.setClockOffset(0);
  }
});
