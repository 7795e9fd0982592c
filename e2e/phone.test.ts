import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * The workbench and the portal on a phone (390×844): nothing wider than the screen, the header's
 * court code and the user's name on one line each, the portal's sign-in link inside its header.
 */
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = Reflect.get(globalThis, 'document') as { documentElement: { scrollWidth: number } };
    return doc.documentElement.scrollWidth;
  });
}

/** How many lines a header text takes: one, not a character per line. */
async function lines(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  const lineHeight = await page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(Reflect.get(globalThis, 'getComputedStyle')(el).lineHeight) || 22);
  return Math.round((box?.height ?? 0) / lineHeight);
}

test('on a phone the workbench, a case’s inquiry tab and the portal fit the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await signIn(page, 'xihu.judge');
  await page.getByTestId('case-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.ok((await pageWidth(page)) <= 390, `the workbench is ${await pageWidth(page)} px wide`);
  assert.equal(await lines(page, '[data-testid="header-court"] .ant-typography-secondary'), 1, 'court code');
  const firstCase = await page
    .getByTestId('case-table')
    .locator('tbody tr.ant-table-row a')
    .first()
    .getAttribute('href');
  await page.goto(`${baseUrl}${firstCase}?tab=inquiry`);
  await page.getByTestId('inquiry-progress').or(page.getByTestId('feedback-table')).first().waitFor();
  const wide = await page.evaluate(() => {
    type El = {
      className: string;
      tagName: string;
      parentElement: El | null;
      getBoundingClientRect(): { right: number; width: number };
    };
    const doc = Reflect.get(globalThis, 'document') as { querySelectorAll(s: string): ArrayLike<El> };
    const style = Reflect.get(globalThis, 'getComputedStyle') as (e: El) => { overflowX: string };
    const isClipped = (e: El): boolean => {
      for (let p = e.parentElement; p; p = p.parentElement) if (style(p).overflowX !== 'visible') return true;
      return false;
    };
    return Array.from(doc.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > 392 && !isClipped(e))
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName}.${String(e.className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().width)}`,
      );
  });
  assert.ok(
    (await pageWidth(page)) <= 390,
    `the inquiry tab is ${await pageWidth(page)} px wide: ${wide.join(' | ')}`,
  );

  await page.goto(`${baseUrl}/portal`);
  const signInLink = page.getByRole('link', { name: '法院工作人员登录' }).first();
  await signInLink.waitFor();
  const header = await page.locator('.public-header').boundingBox();
  const link = await signInLink.boundingBox();
  assert.ok(header && link, 'header and link are shown');
  assert.ok(link.x + link.width <= header.x + header.width + 1, 'the sign-in link stays inside the header');
  assert.ok(link.y + link.height <= header.y + header.height + 1, 'and inside its height');
  assert.ok((await pageWidth(page)) <= 390, `the portal is ${await pageWidth(page)} px wide`);
  await context.close();
});
