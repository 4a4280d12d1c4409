/**
 * The reports page in a real browser: a supervisor opens this month's report, downloads its CSV
 * with the page's button (UTF-8 with a byte-order mark and Persian headers, as a spreadsheet
 * program needs), and finds the search box; a citizen is not offered the reports.
 */
import { readFile } from 'node:fs/promises';
import { t } from '@statdesk/example-express-portal/i18n';
import { solarMonthOf } from '@statdesk/core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { HAS_BROWSER, launchBrowser, person, screenshot, screenshotOpenPages, signInAs } from './browser-support';

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
    const { page, errors } = await person(browser, url);
    await signInAs(page, 'supervisor-mina');
    await page.getByRole('link', { name: t('fa', 'reports') }).click();
    await page.waitForURL('**/staff/reports');
    const month = solarMonthOf(new Date());
    expect(await page.locator('h1').textContent()).toContain(t('fa', 'reports'));
    await screenshot(page, 'reports-fa');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('fa', 'downloadCsv') }).click()]);
    expect(download.suggestedFilename()).toBe(`sla-${month}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('ماه,کانال,هدف,رعایت‌شده,نقض‌شده,درصد رعایت,میانه زمان (ساعت),صدک ۹۰ زمان (ساعت)');

    await page.getByRole('link', { name: t('fa', 'searchCases') }).click();
    await page.waitForURL('**/staff/search');
    expect(await page.locator('select[name=by] option').count()).toBe(4);
    expect(errors).toEqual([]);

    const citizen = await person(browser, url);
    await signInAs(citizen.page, 'citizen-maryam');
    expect(await citizen.page.getByRole('link', { name: t('fa', 'reports') }).count()).toBe(0);
  });
});
