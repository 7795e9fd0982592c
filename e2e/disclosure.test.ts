import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeIdNumber } from '../src/kernel/index.ts';
import { simAdminToken } from './sim-bank.ts';
import { auditAccessibility, baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Disclosure journey (执行公开与服务): a member of the public finds the demo debtor 王建国 by name
 * and ID number — his dishonest entry and his 终本 case, the ID number masked. The demo applicant
 * 刘芳 signs in to 当事人服务 with the SMS code read from the simulator's outbox, sees her case's
 * progress and sends an asset clue with a photo; the judge sees the clue and the photo on the
 * case's 当事人事项 tab and answers it; she sees the answer. And the pages pass an axe audit
 * (WCAG 2.1 AA) without a serious or critical violation.
 *
 * The demo data (src/modules/disclosure/demo-seed.ts): 刘芳 is the applicant of an open case
 * against 王建国 (listed as dishonest by the credit demo) and of an older one whose round was
 * terminated (终本); her phone on file is 13900139001.
 */
const applicant = {
  name: '刘芳',
  idNumber: makeIdNumber('330106', '1988-06-12', '208'),
  phone: '13900139001',
};
const debtor = { name: '王建国', idNumber: makeIdNumber('330106', '1978-03-15', '451') };
// The portal hides digits 11–14, the birth month and day (失信规定 art. 6; the default mask).
const maskedDebtorId = `${debtor.idNumber.slice(0, 10)}****${debtor.idNumber.slice(14)}`;
// An 8×8 red PNG photo: what a phone's camera would send, only smaller.
const photoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4oaGBFTEMLQkAgl1GAWqNFmsAAAAASUVORK5CYII=',
  'base64',
);

let browser: Browser;
const simToken = simAdminToken();
const simUrl = process.env.ZHIXING_E2E_SIM_URL ?? '';
// The applicant's portal session, kept by the journey for the audit of her case page.
let portalSession: { raw: string; caseId: string } | null = null;

before(async () => {
  browser = await launchBrowser();
  assert.ok(simToken, 'ZHIXING_SIM_ADMIN_TOKEN is set (scripts/run-e2e.ts sets it)');
  assert.ok(simUrl, 'ZHIXING_E2E_SIM_URL is set (scripts/run-e2e.ts sets it)');
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

type CaseRow = { id: string; caseNumber: string; status: string };

/** The applicant's demo cases, as the judge's workbench lists them. */
async function applicantCases(): Promise<{ open: CaseRow; terminated: CaseRow }> {
  const token = await apiToken('xihu.judge');
  const res = await fetch(`${baseUrl}/api/v1/cases?q=${encodeURIComponent(applicant.name)}&pageSize=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: CaseRow[] };
  const open = items.find((c) => c.status !== 'closed');
  const terminated = items.find((c) => c.status === 'closed');
  assert.ok(open && terminated, `the demo has an open and a 终本 case of ${applicant.name}`);
  return { open, terminated };
}

type SmsItem = { to: string; text: string };

async function smsOutbox(to?: string): Promise<SmsItem[]> {
  const query = to ? `?to=${to}` : '';
  const res = await fetch(`${simUrl}/sim/sms${query}`, { headers: { authorization: `Bearer ${simToken}` } });
  assert.equal(res.status, 200, `sms outbox: ${res.status}`);
  return ((await res.json()) as { items: SmsItem[] }).items;
}

/**
 * The demo queues a notice for every step of its hundreds of cases; a sign-in code queued behind
 * them would arrive minutes late. Wait until the gateway has been quiet for a few seconds.
 */
async function waitForQuietGateway(): Promise<void> {
  let last = -1;
  let quietSince = Date.now();
  const until = Date.now() + 420_000;
  while (Date.now() < until) {
    const count = (await smsOutbox()).length;
    if (count !== last) {
      last = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 4000) {
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The 6-digit code of the first sign-in SMS to the phone after the first `seen` messages. */
async function readLoginCode(phone: string, seen: number): Promise<string> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const fresh = (await smsOutbox(phone)).slice(seen);
    const code = fresh.map((m) => /验证码[^\d]*(\d{6})/.exec(m.text)?.[1]).find(Boolean);
    if (code) return code;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no sign-in code reached ${phone}`);
}

/** Runs axe (WCAG 2.1 A and AA) on the page; serious and critical violations fail the journey. */
test('the public finds the demo debtor’s dishonest entry and 终本 case by name and ID number', async () => {
  const { terminated } = await applicantCases();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${baseUrl}/portal`);
  await page.getByTestId('portal-respondent-name').fill(debtor.name);
  await page.getByTestId('portal-respondent-id').fill(debtor.idNumber);
  await page.getByTestId('portal-respondent-submit').click();
  const results = page.getByTestId('portal-respondent-results');
  await results.waitFor();

  const dishonest = results.getByTestId('portal-section-dishonest').getByTestId('portal-entry');
  assert.ok((await dishonest.count()) >= 1, 'the dishonest entry is found');
  assert.match((await dishonest.first().textContent()) ?? '', new RegExp(debtor.name));
  assert.equal((await dishonest.first().getByTestId('portal-id').textContent())?.trim(), maskedDebtorId);

  const ended = results
    .getByTestId('portal-section-terminated')
    .getByTestId('portal-terminated')
    .filter({ hasText: terminated.caseNumber });
  await ended.waitFor();
  assert.match((await ended.getByTestId('portal-unperformed').textContent()) ?? '', /^¥[\d,]+\.\d{2}$/);
  // The whole ID number is never shown, only the masked one.
  assert.equal(await results.getByText(debtor.idNumber).count(), 0);
  assert.ok((await results.getByText(maskedDebtorId).count()) > 0);
  await page.close();
});

test('the applicant signs in with the SMS code, sends a clue with a photo, and reads the judge’s answer', {
  timeout: 600_000,
}, async () => {
  const { open } = await applicantCases();
  await waitForQuietGateway();
  const seen = (await smsOutbox(applicant.phone)).length;

  // On a phone, from the public portal's header.
  const party = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await party.goto(`${baseUrl}/portal`);
  await party.getByTestId('portal-my-link').click();
  await party.waitForURL(/\/my\/login/);
  await party.getByTestId('party-case-number').fill(open.caseNumber);
  await party.getByTestId('party-id-number').fill(applicant.idNumber);
  await party.getByTestId('party-send-code').click();
  await party.getByTestId('party-code-sent').waitFor();
  assert.match((await party.getByTestId('party-send-code').textContent()) ?? '', /\d+ 秒后重发/);
  const code = await readLoginCode(applicant.phone, seen);
  await party.getByTestId('party-code').fill(code);
  await party.getByTestId('party-sign-in').click();

  // Her cases, then the open one: its progress.
  const card = party.getByTestId('my-case-card').filter({ hasText: open.caseNumber });
  await card.getByRole('link').click();
  await party.waitForURL(new RegExp(`/my/cases/${open.id}`));
  assert.equal(await party.getByTestId('my-case-number').textContent(), open.caseNumber);
  const timeline = party.getByTestId('my-node-timeline');
  await timeline.waitFor();
  assert.match((await timeline.textContent()) ?? '', /立案/);

  // An asset clue with a photo.
  await party.getByTestId('my-section-requests').click();
  const clueText = `被执行人名下有一辆白色轿车，常停放于文三路某小区（${Date.now()}）。`;
  await party.getByTestId('my-clue-text').fill(clueText);
  await party
    .getByTestId('my-clue-form')
    .locator('input[type=file]')
    .setInputFiles({ name: 'car.png', mimeType: 'image/png', buffer: photoPng });
  await party.getByTestId('my-clue-form').getByText('car.png').waitFor();
  await party.getByTestId('my-clue-submit').click();
  const mine = party.getByTestId('my-request').filter({ hasText: clueText });
  await mine.waitFor();
  assert.equal(await mine.getAttribute('data-state'), 'open');
  assert.match((await mine.textContent()) ?? '', /答复期限 \d{4}-\d{2}-\d{2}/);

  // The judge sees it, with the photo, on the case's party requests tab, and answers.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${open.id}`);
  await judge.getByRole('tab', { name: /当事人事项/ }).click();
  const request = judge.getByTestId('party-request').filter({ hasText: clueText });
  await request.waitFor();
  const photo = request.getByTestId('party-request-attachments').locator('img').first();
  await photo.waitFor();
  // The thumbnail is the photo itself, fetched with the judge's session and decoded.
  const src = (await photo.getAttribute('src')) ?? '';
  const file = await judge.request.get(new URL(src, baseUrl).toString());
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-type'] ?? '', /^image\/png/);
  let width = 0;
  for (let i = 0; i < 50 && width === 0; i++) {
    width = await photo.evaluate((img) =>
      'complete' in img && img.complete === true && 'naturalWidth' in img ? Number(img.naturalWidth) : 0,
    );
    if (width === 0) await judge.waitForTimeout(100);
  }
  assert.equal(width, 8, 'the photo is shown');
  const answer = '经核查，该车辆登记在被执行人名下，已依法查封。';
  await request.getByTestId('party-request-answer-text').fill(answer);
  await request.getByTestId('party-request-answer-submit').click();
  await request.getByTestId('party-request-answer').waitFor();
  assert.equal(await request.getAttribute('data-state'), 'answered');

  // She sees the answer.
  await party.reload();
  const answered = party.getByTestId('my-request').filter({ hasText: clueText });
  await answered.getByTestId('my-request-answer').waitFor();
  assert.match((await answered.getByTestId('my-request-answer').textContent()) ?? '', /已依法查封/);
  assert.equal(await answered.getAttribute('data-state'), 'answered');

  const raw = await party.evaluate<string | null>("window.sessionStorage.getItem('zhixing.portal.session')");
  if (raw) portalSession = { raw, caseId: open.id };
  await judge.close();
  await party.close();
});

test('the portal, the sign-in page and the case page pass the axe audit (WCAG 2.1 AA)', async () => {
  // axe opens a page of its own in the context: the pages it audits live in contexts made here.
  const desktop = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desktop.newPage();
  await page.goto(`${baseUrl}/portal`);
  await page.getByTestId('portal-respondent-form').waitFor();
  await auditAccessibility(page, '/portal');
  await page.getByTestId('portal-respondent-name').fill(debtor.name);
  await page.getByTestId('portal-respondent-id').fill(debtor.idNumber);
  await page.getByTestId('portal-respondent-submit').click();
  await page.getByTestId('portal-respondent-results').waitFor();
  await auditAccessibility(page, '/portal with results');

  await page.goto(`${baseUrl}/my/login`);
  await page.getByTestId('party-sign-in-form').waitFor();
  await auditAccessibility(page, '/my/login');
  await desktop.close();

  assert.ok(portalSession, 'the applicant signed in (the journey above)');
  const session = portalSession;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await context.addInitScript({
    content: `window.sessionStorage.setItem('zhixing.portal.session', ${JSON.stringify(session.raw)});`,
  });
  const mobile = await context.newPage();
  await mobile.goto(`${baseUrl}/my/cases/${session.caseId}`);
  await mobile.getByTestId('my-node-timeline').waitFor();
  await auditAccessibility(mobile, '/my/cases/:id');
  await mobile.getByTestId('my-section-requests').click();
  await mobile.getByTestId('my-requests').waitFor();
  await auditAccessibility(mobile, '/my/cases/:id (clues and messages)');
  await context.close();
});
