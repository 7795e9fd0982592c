import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Unit registration journey: the system administrator registers a railway operator as a
 * joint-punishment unit, sees its API key once, the key answers the matching API, and after the
 * key is revoked in the page the same call is refused.
 */
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function match(apiKey: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/match`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subjects: [{ idNumber: '110101199003077777' }] }),
  });
  await res.body?.cancel();
  return res.status;
}

test('an administrator registers a railway unit, its key matches, and revoking it shuts it out', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const name = `铁路客运测试单位${Date.now() % 100000}`;

  await signIn(page, 'admin');
  await page.goto(`${baseUrl}/admin/units`);
  await page.getByTestId('units-table').waitFor();
  await page.getByTestId('create-unit-button').click();

  await page.getByTestId('unit-name').fill(name);
  await page.getByTestId('unit-scene').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '铁路客运' }).click();
  await page.locator('#ratePerMinute').fill('600');
  await page.getByTestId('unit-submit').click();

  // The key is shown once, with the warning, and works at once.
  const keyText = page.getByTestId('unit-api-key');
  await keyText.waitFor();
  const apiKey = ((await keyText.textContent()) ?? '').trim();
  assert.match(apiKey, /^zxu_[\w-]{43}$/);
  await page.getByText('接入密钥仅显示这一次').waitFor();
  assert.equal(await match(apiKey), 200);

  await page.getByTestId('unit-key-done').click();
  await keyText.waitFor({ state: 'detached' });

  const row = page.getByTestId('units-table').locator('tr').filter({ hasText: name });
  await row.waitFor();
  const rowText = (await row.textContent()) ?? '';
  assert.ok(rowText.includes(apiKey.slice(0, 10)), `the row shows the key prefix: ${rowText}`);
  assert.ok(!rowText.includes(apiKey), 'the full key is never listed');
  assert.match(rowText, /铁路客运/);
  assert.match(rowText, /有效/);

  const revoke = row.locator('[data-testid^="unit-revoke-"]');
  const testId = (await revoke.getAttribute('data-testid')) ?? '';
  await revoke.click();
  await page.getByTestId(testId.replace('unit-revoke-', 'unit-revoke-confirm-')).click();
  await row.getByText('已吊销').waitFor();
  assert.equal(await revoke.count(), 0);

  // A revoked key stops working in every instance within 5 s.
  const deadline = Date.now() + 8000;
  let status = await match(apiKey);
  while (status !== 401 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await match(apiKey);
  }
  assert.equal(status, 401);
  await page.close();
});
