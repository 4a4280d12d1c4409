/**
 * The reports page in a real browser: a supervisor opens this month's report, downloads its CSV
 * with the page's button (UTF-8 with a byte-order mark and Persian headers, as a spreadsheet
 * program needs), and finds the search box; a citizen is not offered the reports.
 */
import { readFile } from 'node:fs/promises';
import { eventLabel, t } from '@statdesk/example-express-portal/i18n';
import { solarMonthOf } from '@statdesk/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { form, HAS_BROWSER, launchBrowser, person, screenshot, screenshotOpenPages, signInAs } from './browser-support';

/** Sends one plain event from its form and waits for its history row. */
async function act(page: Page, event: string): Promise<void> {
  const rows = () => page.locator('details.history tbody tr').count();
  const before = await rows();
  const name = eventLabel('fa', 'information-order', event);
  await form(page, name).getByRole('button', { name }).click();
  await expect.poll(rows).toBe(before + 1);
}

const url = inject('portalUrl');

describe.skipIf(!HAS_BROWSER)('reports in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshotOpenPages(context.task.name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a supervisor downloads the month's CSV", async () => {
    // This month's figures: an order submitted and answered by a consultant (its first response met).
    const applicant = await person(browser, url);
    await signInAs(applicant.page, 'citizen-maryam');
    await applicant.page.goto('/orders');
    const order = form(applicant.page, t('fa', 'newOrder'));
    await order.locator('[name=subject]').fill('جمعیت به تفکیک استان');
    await order.locator('[name=description]').fill('جدول جمعیت استان‌ها، ۱۴۰۰');
    await order.locator('[name=geography]').fill('کل کشور');
    await Promise.all([applicant.page.waitForURL(/\/orders\/IO-[0-9A-F]{10}$/), order.getByRole('button').click()]);
    const orderPath = new URL(applicant.page.url()).pathname;
    await act(applicant.page, 'submit');
    const consultant = await person(browser, url);
    await signInAs(consultant.page, 'consultant-ali');
    await consultant.page.goto(orderPath);
    await act(consultant.page, 'accept');

    const { page, errors } = await person(browser, url);
    await signInAs(page, 'supervisor-mina');
    await page.getByRole('link', { name: t('fa', 'reports') }).click();
    await page.waitForURL('**/staff/reports');
    const month = solarMonthOf(new Date());
    expect(await page.locator('h1').textContent()).toContain(t('fa', 'reports'));
    await expect.poll(() => page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    expect(await page.locator('table.report').textContent()).toContain('نخستین پاسخ');
    await screenshot(page, 'reports-fa');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('fa', 'downloadCsv') }).click()]);
    expect(download.suggestedFilename()).toBe(`sla-${month}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('ماه,کانال,هدف,رعایت‌شده,نقض‌شده,درصد رعایت,میانه زمان (ساعت),صدک ۹۰ زمان (ساعت)');
    expect(lines.some((line) => line.startsWith(`${month},سفارش اطلاعات,نخستین پاسخ,`))).toBe(true);

    await page.getByRole('link', { name: t('fa', 'searchCases') }).click();
    await page.waitForURL('**/staff/search');
    expect(await page.locator('select[name=by] option').count()).toBe(4);
    expect(errors).toEqual([]);

    expect(await applicant.page.getByRole('link', { name: t('fa', 'reports') }).count()).toBe(0);
  });
});
