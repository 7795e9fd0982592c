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
