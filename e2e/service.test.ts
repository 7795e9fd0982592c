import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';
import { api, auditAccessibility, baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * The service window journey (执行事务中心, seed 003 item 48): the clerk at the counter registers a
 * visitor who came to hand in materials for a case, found by its number; receives two items and
 * prints the receipt; the day's log shows the visit with its receipt; the case's timeline shows the
 * materials received. And the page passes an axe audit (WCAG 2.1 AA).
 */
let browser: Browser;
const n = Date.now() % 900;
const applicant = { name: '周丽华', idNumber: makeIdNumber('330106', '1983-07-09', 100 + n) };

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

/** The journey's case: filed by the demo judge, the visitor its applicant. */
async function fileCase(): Promise<{ id: string; caseNumber: string }> {
  const { token } = await api<{ token: string }>('/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'zhixing-demo' },
  });
  return api<{ id: string; caseNumber: string }>('/api/v1/cases', {
    token,
    body: {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: `（2026）浙0106民初${8100 + n}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-03-02',
      },
      applicants: [{ kind: 'natural', ...applicant }],
      respondents: [
        {
          kind: 'legal',
          name: '杭州西溪贸易有限公司',
          creditCode: makeCreditCode('91', '330106', `8351${String(n).padStart(4, '0')}`),
          legalRepresentative: '韩涛',
        },
      ],
      claimAmountFen: 4_200_000,
    },
  });
}

/** The input a test id names, whether antd put the id on it or on its wrapper. */
function field(scope: Page | Locator, testId: string): Locator {
  const id = `[data-testid="${testId}"]`;
  return scope.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first();
}

test('the service window registers a visitor and files their materials into the case, with a receipt', {
  timeout: 300_000,
}, async () => {
  const c = await fileCase();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, 'xihu.clerk');
  await page.getByRole('menuitem', { name: '执行事务中心' }).click();
  await page.waitForURL(/\/service$/);
  await page.getByTestId('visit-form').waitFor();
  await auditAccessibility(page, 'the service window');

  // Register the visitor: an applicant handing in materials, the case by its number.
  await field(page, 'visit-name').fill(applicant.name);
  await field(page, 'visit-id-number').fill(applicant.idNumber);
  await field(page, 'visit-phone').fill('13900135000');
  await page.getByTestId('visit-purpose').getByText('提交材料').click();
  await field(page, 'visit-case-number').fill(c.caseNumber.replace('（', '(').replace('）', ')'));
  await page.getByTestId('visit-submit').click();
  const current = page.getByTestId('current-visit');
  await current.getByTestId('current-visit-case').filter({ hasText: c.caseNumber }).waitFor();

  // Receive two items and print the receipt.
  await field(current, 'material-title-0').fill('财产线索材料（房产登记信息）');
  await field(current, 'material-pages-0').fill('4');
  await current.getByTestId('material-add').click();
  await field(current, 'material-title-1').fill('申请执行人身份证复印件');
  await field(current, 'material-pages-1').fill('1');
  await current.getByTestId('materials-submit').click();
  const receipt = page.getByTestId('receipt');
  await receipt.waitFor();
  const receiptNumber = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
  assert.match(receiptNumber, /^（\d{4}）浙0106执事收\d+号$/);
  assert.equal(await receipt.getByTestId('receipt-case').textContent(), c.caseNumber);
  const receiptText = (await receipt.textContent()) ?? '';
  for (const expected of [
    '杭州市西湖区人民法院',
    '收取材料回执',
    applicant.name,
    '财产线索材料（房产登记信息）',
    '共2件5页',
  ])
    assert.ok(receiptText.includes(expected), `the receipt shows ${expected}`);
  await auditAccessibility(page, 'the receipt', '[data-testid="receipt"]');
  await page.keyboard.press('Escape');
  await receipt.waitFor({ state: 'hidden' });

  // The day's log: the visit, with its receipt.
  const row = page.locator(
    `[data-testid="visit-row"][data-visit-id="${await current.getAttribute('data-visit-id')}"]`,
  );
  await row.filter({ hasText: '回执 1' }).waitFor();
  assert.ok(((await row.textContent()) ?? '').includes(c.caseNumber));

  // The case's timeline shows the materials received, with the receipt's number and its items.
  await page.goto(`${baseUrl}/cases/${c.id}?tab=nodes`);
  const timeline = page.getByTestId('node-timeline');
  await timeline.waitFor();
  await timeline.getByText(receiptNumber, { exact: false }).waitFor();
  const timelineText = (await timeline.textContent()) ?? '';
  assert.ok(timelineText.includes('执行事务中心收取'), 'the step says where the materials came in');
  assert.ok(timelineText.includes('财产线索材料（房产登记信息）（4页）'));
  await context.close();
});
