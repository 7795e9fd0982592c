import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { addCalendarDays, makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';
import { simAdminToken } from './sim-bank.ts';
import {
  api,
  auditAccessibility,
  baseUrl,
  launchBrowser,
  reportFailure,
  signIn,
  typeDate,
} from './support.ts';

/**
 * Documents journey (文书): on a case the demo judge files, the judge issues the 执行通知书 and the
 * 报告财产令 from the 文书 tab, downloads each as Word and PDF — the files name the case, its
 * parties and (the notice) the case's own account — seals both and serves the notice; the 电子卷宗
 * lists every version with the SHA-256 of the files downloaded, and exports them; the public
 * verification page shows the court's seal valid for the code at the documents' foot, and for the
 * PDF file itself. A settlement in two instalments suspends the case; its default resumes it. The
 * respondent signs in to the portal (SMS code), opens the notice served on him (its receipt) and
 * reports his property; the judge's 报告财产 panel shows what the online inquiry did not find. And
 * the documents tab passes an axe audit (WCAG 2.1 AA).
 */
let browser: Browser;
const simToken = simAdminToken();
const simUrl = process.env.ZHIXING_E2E_SIM_URL ?? '';
const n = Date.now() % 900;
const applicant = {
  name: '杭州钱江建材有限公司',
  creditCode: makeCreditCode('91', '330106', `7351${String(n).padStart(4, '0')}`),
};
const respondent = {
  name: '周文斌',
  idNumber: makeIdNumber('330106', '1980-04-21', 100 + n),
  phone: `1390013${String(n).padStart(4, '0')}`,
};
type FiledCase = { id: string; caseNumber: string; accountNumber: string };
let filed: FiledCase | null = null;
type DocumentFiles = { docx: Buffer; pdf: Buffer };

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function judgeToken(): Promise<string> {
  return (
    await api<{ token: string }>('/api/v1/auth/login', {
      body: { username: 'xihu.judge', password: 'zhixing-demo' },
    })
  ).token;
}

/** The journey's case: the demo judge files it (an applicant company, a respondent with a phone). */
async function fileCase(): Promise<FiledCase> {
  if (filed) return filed;
  const token = await judgeToken();
  const created = await api<{ id: string; caseNumber: string }>('/api/v1/cases', {
    token,
    body: {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: `（2026）浙0106民初${7100 + n}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-03-02',
      },
      applicants: [
        {
          kind: 'legal',
          name: applicant.name,
          creditCode: applicant.creditCode,
          legalRepresentative: '陆海',
        },
      ],
      respondents: [{ kind: 'natural', ...respondent }],
      claimAmountFen: 8_650_000,
    },
  });
  const funds = await api<{ accountNumber: string }>(`/api/v1/cases/${created.id}/funds`, { token });
  filed = { ...created, accountNumber: funds.accountNumber };
  return filed;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const squash = (text: string) => text.replace(/\s+/g, '');

/** One file of a ZIP (a docx, the dossier's archive), read by its central directory. */
function zipEntry(zip: Buffer, name: string): Buffer {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a ZIP archive');
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entry === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      return zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

function docxText(docx: Buffer): string {
  return squash(
    zipEntry(docx, 'word/document.xml')
      .toString('utf8')
      .replace(/<[^>]+>/g, ''),
  );
}

function pdfText(pdf: Buffer): string {
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8'));
}

/** Clicks a button that downloads a file and returns the file's bytes. */
async function download(page: Page, button: Locator): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

const documentRow = (page: Page, template: string) =>
  page.locator(`[data-testid="document-row"][data-template="${template}"]`);

async function downloadBoth(page: Page, template: string): Promise<DocumentFiles> {
  const row = documentRow(page, template);
  const docx = await download(page, row.getByTestId('document-download-docx'));
  const pdf = await download(page, row.getByTestId('document-download-pdf'));
  assert.match(docx.name, /\.docx$/);
  assert.match(pdf.name, /\.pdf$/);
  return { docx: docx.bytes, pdf: pdf.bytes };
}

/** The input or text area a test id names, whether antd put the id on it or on its wrapper. */
function field(scope: Page | Locator, testId: string): Locator {
  const id = `[data-testid="${testId}"]`;
  return scope.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first();
}

async function pickOption(page: Page, select: Locator, title: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) [title="${title}"]`).click();
}

const sealed: Record<string, DocumentFiles & { id: string }> = {};

test('the judge issues, downloads, seals and serves documents; the dossier holds their hashes', {
  timeout: 300_000,
}, async () => {
  const c = await fileCase();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${c.id}?tab=documents`);
  await page.getByTestId('documents-panel').waitFor();

  const drafts: Record<string, DocumentFiles> = {};
  for (const [template, label] of [
    ['enforcementNotice', '执行通知书'],
    ['propertyReportOrder', '报告财产令'],
  ] as const) {
    await pickOption(page, page.getByTestId('document-template'), label);
    await page.getByTestId('document-issue').click();
    const row = documentRow(page, template);
    await row.waitFor();
    assert.equal(await row.getByTestId('document-status').getAttribute('data-sealed'), 'false');
    const files = await downloadBoth(page, template);
    for (const [format, text] of [
      ['docx', docxText(files.docx)],
      ['pdf', pdfText(files.pdf)],
    ] as const) {
      for (const expected of [c.caseNumber, applicant.name, respondent.name])
        assert.ok(text.includes(expected), `${label} (${format}) names ${expected}`);
      if (template === 'enforcementNotice')
        assert.ok(text.includes(c.accountNumber), `${label} (${format}) gives the case's account`);
    }
    // The list shows the Word file's hash as downloaded.
    assert.equal(await row.getByTestId('document-sha256').getAttribute('data-sha256'), sha256(files.docx));
    drafts[template] = files;
  }

  // Sealed by the judge: the files are sealed anew, with their new hashes.
  for (const template of ['enforcementNotice', 'propertyReportOrder']) {
    const row = documentRow(page, template);
    await row.getByTestId('document-seal').click();
    await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
    await row.locator('[data-testid="document-status"][data-sealed="true"]').waitFor();
    const files = await downloadBoth(page, template);
    assert.notEqual(sha256(files.docx), sha256(drafts[template]?.docx ?? Buffer.alloc(0)));
    assert.equal(await row.getByTestId('document-sha256').getAttribute('data-sha256'), sha256(files.docx));
    sealed[template] = { ...files, id: (await row.getAttribute('data-document-id')) ?? '' };
  }

  // The notice is served on the respondent electronically: in his portal, not yet received.
  await documentRow(page, 'enforcementNotice').getByTestId('document-serve').click();
  await pickOption(page, page.getByTestId('serve-party'), `被执行人 · ${respondent.name}`);
  await page.getByTestId('serve-submit').click();
  const service = page.getByTestId('document-service').filter({ hasText: respondent.name });
  await service.waitFor();
  assert.equal(await service.getAttribute('data-received'), 'false');

  // The dossier: every version, with the hashes of the files downloaded; exported as a ZIP.
  await page.goto(`${baseUrl}/cases/${c.id}?tab=dossier`);
  const rows = page.locator('[data-testid="dossier-row"][data-kind="document"]');
  await rows.nth(3).waitFor();
  const hashes = await rows
    .getByTestId('dossier-sha256')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sha256')));
  for (const files of [...Object.values(drafts), ...Object.values(sealed)])
    assert.ok(hashes.includes(sha256(files.docx)), 'the dossier holds the hash of each Word file downloaded');
  const archive = await download(page, page.getByTestId('dossier-export'));
  const manifest = zipEntry(archive.bytes, 'manifest.json').toString('utf8');
  for (const files of Object.values(sealed)) assert.ok(manifest.includes(sha256(files.docx)));
  await page.close();
});

test('the public verification page shows the court’s seal valid, by code and by file', async () => {
  const notice = sealed.enforcementNotice;
  assert.ok(notice, 'the notice was sealed (the journey above)');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl}/portal`);
  await page.getByTestId('portal-verify-link').click();
  await page.waitForURL(/\/portal\/verify$/);
  await field(page, 'verify-code').fill(notice.id);
  await page.getByTestId('verify-submit').click();
  await page.waitForURL(new RegExp(`/portal/verify/${notice.id}`));
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-valid'), 'true');
  assert.match((await page.getByTestId('verify-validity').textContent()) ?? '', /院印有效/);
  assert.equal(await page.getByTestId('verify-court').textContent(), '杭州市西湖区人民法院');
  assert.equal(await page.getByTestId('verify-number').textContent(), filed?.caseNumber);
  assert.equal(await page.getByTestId('verify-docx').getAttribute('data-sha256'), sha256(notice.docx));
  assert.equal(await page.getByTestId('verify-pdf').getAttribute('data-sha256'), sha256(notice.pdf));

  // By the file: its SHA-256 computed in the browser is the court's PDF.
  await page.getByRole('tab', { name: '按文件' }).click();
  await page
    .locator('[data-testid="verify-file"] input[type=file], input[type=file][data-testid="verify-file"]')
    .setInputFiles({ name: '执行通知书.pdf', mimeType: 'application/pdf', buffer: notice.pdf });
  await page.getByTestId('verify-match').waitFor();
  assert.equal(await page.getByTestId('verify-file-hash').getAttribute('data-sha256'), sha256(notice.pdf));
  await page.close();
});

test('a settlement in two instalments suspends the case; its default resumes enforcement', async () => {
  const c = await fileCase();
  const { today } = await api<{ today: string }>('/api/v1/clock');
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${c.id}?tab=settlement`);
  await page.locator('.ant-tag[data-status="inProgress"]').waitFor();
  await page.getByTestId('settlement-create').click();
  const form = page.getByTestId('settlement-form');
  await form.waitFor();
  await field(page, 'settlement-terms').fill(
    '被执行人分两期支付货款共计三万元，申请执行人放弃迟延履行利息。',
  );
  await typeDate(
    page,
    '[data-testid="settlement-form"] input#instalments_0_dueDate',
    addCalendarDays(today, 10),
  );
  await form
    .locator('input[data-testid="settlement-amount"], [data-testid="settlement-amount"] input')
    .nth(0)
    .fill('10000');
  await page.getByTestId('settlement-add-instalment').click();
  await typeDate(
    page,
    '[data-testid="settlement-form"] input#instalments_1_dueDate',
    addCalendarDays(today, 40),
  );
  await form
    .locator('input[data-testid="settlement-amount"], [data-testid="settlement-amount"] input')
    .nth(1)
    .fill('20000.50');
  // The total follows what is typed (a render later): wait for it.
  await page.getByTestId('settlement-total').filter({ hasText: '¥30,000.50' }).waitFor();
  await page.getByTestId('settlement-submit').click();
  const settlement = page.locator('[data-testid="settlement"][data-status="active"]');
  await settlement.waitFor();
  assert.equal(await settlement.getByTestId('instalment-status').count(), 2);
  await page.locator('.ant-tag[data-status="suspended"]').waitFor();
  assert.match((await page.locator('.ant-tag[data-status="suspended"]').textContent()) ?? '', /中止/);

  await settlement.getByTestId('settlement-default').click();
  await page.getByTestId('settlement-default-confirm').click();
  await page.locator('[data-testid="settlement"][data-status="defaulted"]').waitFor();
  await page.locator('.ant-tag[data-status="inProgress"]').waitFor();
  await page.close();
});

type SmsItem = { to: string; text: string };

async function smsTo(phone: string): Promise<SmsItem[]> {
  const res = await fetch(`${simUrl}/sim/sms?to=${phone}`, {
    headers: { authorization: `Bearer ${simToken}` },
  });
  assert.equal(res.status, 200, `sms outbox: ${res.status}`);
  return ((await res.json()) as { items: SmsItem[] }).items;
}

/** Signs the respondent in to the portal with the SMS code the simulator's gateway "sent" him. */
async function respondentSession(c: FiledCase): Promise<string> {
  const seen = (await smsTo(respondent.phone)).length;
  const who = { caseNumber: c.caseNumber, idNumber: respondent.idNumber };
  await api('/api/v1/party/login/code', { body: who });
  // The demo's own notices may queue before the code: wait for it to arrive.
  const until = Date.now() + 480_000;
  let code: string | undefined;
  while (!code) {
    assert.ok(Date.now() < until, `no sign-in code reached ${respondent.phone}`);
    const fresh = (await smsTo(respondent.phone)).slice(seen);
    code = fresh.map((m) => /验证码[^\d]*(\d{6})/.exec(m.text)?.[1]).find(Boolean);
    if (!code) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const session = await api<{ token: string; kind: string; name: string; expiresAt: string }>(
    '/api/v1/party/login',
    { body: { ...who, code } },
  );
  const { token, kind, name, expiresAt } = session;
  return JSON.stringify({ token, kind, name, expiresAt });
}

/** Waits until the respondent's portal shows the obligation the property report order opened. */
async function waitForObligation(c: FiledCase, rawSession: string): Promise<void> {
  const { token } = JSON.parse(rawSession) as { token: string };
  const until = Date.now() + 480_000;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/party/cases/${c.id}/property-report`, {
      headers: { 'x-zhixing-portal': token },
    });
    assert.equal(res.status, 200, `property report: ${res.status}`);
    if (((await res.json()) as { items: unknown[] }).items.length > 0) return;
    assert.ok(Date.now() < until, 'the property report order opened no obligation');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('the respondent opens the notice served on him and reports; the judge sees what differs', {
  timeout: 600_000,
}, async () => {
  assert.ok(simToken && simUrl, 'the simulator is reachable (scripts/run-e2e.ts)');
  const c = await fileCase();
  const raw = await respondentSession(c);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await context.addInitScript({
    content: `window.sessionStorage.setItem('zhixing.portal.session', ${JSON.stringify(raw)});`,
  });
  const phone = await context.newPage();
  await phone.goto(`${baseUrl}/my/cases/${c.id}?tab=documents`);
  const served = phone.getByTestId('my-document').filter({ hasText: '执行通知书' });
  await served.waitFor();
  assert.equal(await served.getAttribute('data-received'), 'false');
  const pdf = await download(phone, served.getByTestId('my-document-download'));
  assert.equal(sha256(pdf.bytes), sha256(sealed.enforcementNotice?.pdf ?? Buffer.alloc(0)));
  await served.getByTestId('my-document-received').waitFor();

  // The order opens his obligation when the worker delivers its event: wait until it has.
  await waitForObligation(c, raw);
  await phone.goto(`${baseUrl}/my/cases/${c.id}?tab=propertyReport`);
  await phone.getByTestId('my-report-form').waitFor();
  await phone.getByTestId('my-report-add-item').click();
  await pickOption(phone, phone.getByTestId('my-report-item-kind'), '存款及账户资金');
  await field(phone, 'my-report-item-description').fill('工资卡活期存款');
  await field(phone, 'my-report-item-institution').fill('中国建设银行');
  await field(phone, 'my-report-item-identifier').fill('6217 0000 1111 2222');
  await field(phone, 'my-report-item-value').fill('5000');
  await field(phone, 'my-report-changes').fill('无变动');
  await phone.getByTestId('my-report-declare').check();
  await phone.getByTestId('my-report-submit').click();
  await phone.locator('[data-testid="my-report-status"][data-status="reported"]').waitFor();
  await phone.getByTestId('my-report').waitFor();
  await context.close();

  // The judge: the receipt on the notice, and the report with what the inquiry did not find.
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${c.id}?tab=documents`);
  await documentRow(page, 'enforcementNotice').waitFor();
  await page.locator('[data-testid="document-service"][data-received="true"]').waitFor();
  await page.goto(`${baseUrl}/cases/${c.id}?tab=propertyReports`);
  const obligation = page.locator('[data-testid="report-obligation"][data-status="reported"]');
  await obligation.waitFor();
  const difference = obligation.locator('[data-testid="report-difference"][data-code="notFound"]');
  await difference.waitFor();
  assert.match((await difference.textContent()) ?? '', /工资卡活期存款/);
  await page.close();
});

test('the documents tab passes the axe audit (WCAG 2.1 AA)', async () => {
  const c = await fileCase();
  // axe opens a page of its own in the context: the page it audits lives in a context made here.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${c.id}?tab=documents`);
  await page.getByTestId('document-row').first().waitFor();
  // The tab's own content: the workbench around it (header, summary) has its own theme.
  await auditAccessibility(page, '/cases/:id?tab=documents', '[data-testid="documents-panel"]');
  await page.goto(`${baseUrl}/cases/${c.id}?tab=dossier`);
  await page.getByTestId('dossier-row').first().waitFor();
  await auditAccessibility(page, '/cases/:id?tab=dossier', '[data-testid="dossier-panel"]');
  await page.goto(`${baseUrl}/portal/verify/${sealed.enforcementNotice?.id ?? ''}`);
  await page.getByTestId('verify-result').waitFor();
  await auditAccessibility(page, '/portal/verify/:id');
  await context.close();
});
