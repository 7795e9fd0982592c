import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeIdNumber } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn, typeDate } from './support.ts';

/**
 * Issue journey: a judge signs in, files a case with one invalid field (a respondent ID number
 * whose check digit is wrong), sees the error beside the field, corrects it, files, and finds
 * the case in the workbench list by the respondent's name.
 */
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

const givenNames = ['思远', '若溪', '明哲', '嘉禾', '云舒', '景行', '知微', '安澜'];

function uniqueRespondent(): { name: string; idNumber: string; wrongIdNumber: string } {
  const n = Date.now() % 100000;
  const name = `欧阳${givenNames[n % givenNames.length]}${givenNames[(n >> 3) % givenNames.length]?.[0] ?? '安'}`;
  const idNumber = makeIdNumber('330106', '1985-03-12', 100 + (n % 800));
  const last = idNumber.at(-1) ?? '0';
  const wrongCheck = last === '1' ? '2' : '1';
  return { name, idNumber, wrongIdNumber: idNumber.slice(0, 17) + wrongCheck };
}

async function countCasesNamed(token: string, name: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/cases?q=${encodeURIComponent(name)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { total: number };
  return body.total;
}

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

test('a judge files a case, corrects an invalid ID number, and finds the case in the list', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const respondent = uniqueRespondent();
  const token = await apiToken('xihu.judge');

  await signIn(page, 'xihu.judge');
  await page.getByTestId('file-case-button').click();
  await page.waitForURL(/\/cases\/new/);

  await page.locator('#claimAmountYuan').fill('12345.67');
  await page.locator('#basis_documentNumber').fill('（2026）浙0106民初4321号');
  await page.locator('#basis_issuedBy').fill('杭州市西湖区人民法院');
  await typeDate(page, '#basis_effectiveDate', '2026-03-02');
  await page.locator('#applicants_0_name').fill('钱塘江');
  await page.locator('#applicants_0_idNumber').fill(makeIdNumber('330102', '1979-09-21', 233));
  await page.locator('#respondents_0_name').fill(respondent.name);
  await page.locator('#respondents_0_idNumber').fill(respondent.wrongIdNumber);
  await page.getByTestId('submit-case').click();

  // The error is shown beside the field, in plain words, and nothing is saved.
  const idItem = page.locator('.ant-form-item').filter({ has: page.locator('#respondents_0_idNumber') });
  await idItem.locator('.ant-form-item-explain-error').waitFor();
  assert.match((await idItem.locator('.ant-form-item-explain-error').textContent()) ?? '', /校验/);
  assert.match(page.url(), /\/cases\/new$/);
  assert.equal(await countCasesNamed(token, respondent.name), 0);

  await page.locator('#respondents_0_idNumber').fill(respondent.idNumber);
  await idItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
  await page.getByTestId('submit-case').click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseNumber = ((await page.getByTestId('case-number').textContent()) ?? '').trim();
  assert.match(caseNumber, /^（\d{4}）浙0106执\d+号$/);

  await page.goto(`${baseUrl}/workbench`);
  const search = page.locator('input[data-testid="case-search"], [data-testid="case-search"] input').first();
  await search.fill(respondent.name);
  await search.press('Enter');
  const row = page.getByTestId('case-table').locator('tr').filter({ hasText: respondent.name });
  await row.first().waitFor();
  assert.match((await row.first().textContent()) ?? '', new RegExp(caseNumber.replace(/[（）]/g, '.')));
  assert.equal(await countCasesNamed(token, respondent.name), 1);
  await page.close();
});
