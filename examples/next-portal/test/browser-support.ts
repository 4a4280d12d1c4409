/**
 * Driving the built portal in Debian's chromium through playwright-core (never a downloaded
 * browser). `CHROMIUM` overrides the path. Without the browser the suite fails when `CI` or
 * `STATDESK_BROWSER_TESTS=1` is set, and is otherwise skipped with a message saying what to install.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';
export const BROWSER_REQUIRED = Boolean(process.env.CI) || process.env.STATDESK_BROWSER_TESTS === '1';
export const HAS_BROWSER = existsSync(CHROMIUM_PATH);
export const MISSING_BROWSER = `no chromium at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (or set CHROMIUM to its path) to run the Next.js portal's browser tests`;

export const ARTEFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTEFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const OPEN_PAGES = new Set<Page>();

/** After a failed test: a screenshot of every page still open, to see what the person saw. */
export async function screenshotOpenPages(testName: string): Promise<void> {
  let n = 0;
  for (const page of OPEN_PAGES) {
    n += 1;
    await screenshot(page, `failed-${testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-${n}`).catch(() => undefined);
  }
}

/** A separate person at the portal: their own cookies, a Persian page by default. */
export async function person(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 900 }, acceptDownloads: true, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  OPEN_PAGES.add(page);
  page.once('close', () => OPEN_PAGES.delete(page));
  // Script errors (a failed hydration, an exception in a client component) fail the test at the end.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signInAs(page: Page, userId: string): Promise<void> {
  await page.goto('/login');
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.locator(`button[data-user="${userId}"]`).click()]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The form of one action, by its accessible name (the event's label). */
export function form(page: Page, name: string) {
  return page.getByRole('form', { name, exact: true });
}

/**
 * Presses Tab until the focused element matches `selector` (at most `limit` times): proves the
 * element is reachable from the keyboard, in the page's own tab order.
 */
export async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    // A string expression: it runs in the page (these tests compile without the DOM library).
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

/** An expression evaluated about the focused element, e.g. `focused(page, 'tagName')`. */
export function focused(page: Page, property: 'tagName' | 'className' | 'name'): Promise<string | null> {
  return page.evaluate(property === 'name' ? `document.activeElement?.getAttribute('name') ?? null` : `document.activeElement?.${property} ?? null`);
}
