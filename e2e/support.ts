import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Browser journeys: Debian's chromium driven by playwright-core against the server run-e2e started. */
export const baseUrl = process.env.ZHIXING_E2E_URL ?? 'http://127.0.0.1:8080';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in through the login page and waits for the landing page (court staff: the workbench). */
export async function signIn(
  page: Page,
  username: string,
  password = 'zhixing-demo',
  landing: RegExp = /\/workbench/,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(landing);
}

/** Picks a date in an antd DatePicker by typing it, as a keyboard user would. */
export async function typeDate(page: Page, selector: string, isoDate: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/**
 * After a journey fails: a screenshot of every open page (in `test-results/`) and, in the log,
 * what each page shows as an error — field messages, alerts, toasts — so that a failure on a CI
 * machine can be understood without running it again.
 */
export async function reportFailure(
  context: { name: string; passed?: boolean },
  browser: Browser,
): Promise<void> {
  // afterEach hands over a test's context (with `passed`); anything else is not a failed test.
  if (!('passed' in context) || context.passed !== false) return;
  const slug = context.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  mkdirSync('test-results', { recursive: true });
  const pages = browser.contexts().flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    const file = path.join('test-results', `${slug}-${i}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    const shown = await page
      .locator(
        '.ant-form-item-explain-error, .ant-alert-title, .ant-alert-message, .ant-alert-description, .ant-message-notice, .ant-notification-notice',
      )
      .allTextContents()
      .catch(() => []);
    console.error(`[${context.name}] page ${i} ${page.url()} → ${file}\n  shows: ${JSON.stringify(shown)}`);
  }
}
