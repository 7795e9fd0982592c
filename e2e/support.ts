import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
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

/**
 * Runs axe (WCAG 2.1 A and AA) on the page, or on the part of it `include` names; serious and
 * critical violations fail the journey. First every animation and transition is let finish: a
 * section fading in or out is half transparent, and on a busy machine axe would read its
 * half-drawn colours as too little contrast.
 */
export async function auditAccessibility(page: Page, label: string, include?: string): Promise<void> {
  // A spinner turns for ever: only animations that end are waited for.
  await page.waitForFunction(() => {
    // Typed here: the journeys compile without the DOM library.
    type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
    const doc = Reflect.get(globalThis, 'document') as { getAnimations(): Running[] };
    return doc
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
  });
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  assert.equal(blocking.length, 0, `${label}: axe found\n  ${summary.join('\n  ')}`);
}

/**
 * A JSON call to the API outside the browser (setting up a journey's case): GET, or POST with a
 * body; anything but 2xx fails the test with the answer.
 */
export async function api<T>(path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json', 'x-zhixing-csrf': '1' }),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
