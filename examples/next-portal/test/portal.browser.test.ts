/**
 * The Next.js portal in a real browser, in Persian (right to left) with one English page: a
 * citizen completes an information order while staff act in a second browser context; a
 * purchase through the simulated bank; a complaint filed from the keyboard and looked up by a
 * visitor. Screenshots of the main pages are saved under `test-results/`.
 */
import { readFile } from 'node:fs/promises';
import { eventLabel, stateLabel, t } from '@statdesk/example-express-portal/i18n';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { focused, form, HAS_BROWSER, launchBrowser, MISSING_BROWSER, person, screenshot, screenshotOpenPages, signInAs, tabTo } from './browser-support';

const url = inject('portalUrl');
if (!HAS_BROWSER) console.warn(`example-next-portal: ${MISSING_BROWSER}`);

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\n%%EOF\n`, 'latin1');

/**
 * Sends one plain event from its form and waits until the history shows it (or the form shows a
 * refusal, which fails the step with the reason), then for the new state when one is expected.
 */
async function act(page: Page, event: string, fields: Record<string, string> = {}, expectState?: string): Promise<void> {
  const f = form(page, eventLabel('fa', 'information-order', event));
  for (const [name, value] of Object.entries(fields)) {
    const input = f.locator(`[name="${name}"]`);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  const rows = () => page.locator('details.history tbody tr').count();
  const before = await rows();
  await f.getByRole('button', { name: eventLabel('fa', 'information-order', event) }).click();
  await expect.poll(async () => (await refusal(page)) ?? (await rows())).toBe(before + 1);
  if (expectState) expect(await page.locator('strong.state').textContent()).toBe(stateLabel('fa', 'information-order', expectState));
}

/** The refusal a form on the page shows, if any. */
async function refusal(page: Page): Promise<string | null> {
  const refusals = await page.locator('.form-error').allTextContents();
  return refusals.length ? `refused: ${refusals.join(' | ')}` : null;
}

async function openFromQueue(page: Page, orderId: string): Promise<void> {
  await page.goto('/staff');
  await page.locator(`tr[data-id="${orderId}"] a`).click();
  await page.waitForURL(`**/orders/${orderId}`);
}

describe.skipIf(!HAS_BROWSER)('the Next.js portal in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshotOpenPages(context.task.name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a newly registered citizen orders data, pays by bank receipt and downloads the file, while staff act in another browser', async () => {
    const citizen = await person(browser, url);
    const staff = await person(browser, url);
    const { page } = citizen;
    await page.goto('/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    await screenshot(page, 'home-fa');

    await page.goto('/login');
    const register = form(page, t('fa', 'register'));
    await register.locator('[name=fullName]').fill('نرگس امینی');
    await register.locator('[name=nationalId]').fill('۰۰۲۳۴۵۶۷۸۷');
    await register.locator('[name=mobile]').fill('09123456789');
    await register.locator('[name=email]').fill('narges@example.ir');
    await screenshot(page, 'login-fa');
    await Promise.all([page.waitForURL('**/orders'), register.getByRole('button').click()]);

    const order = form(page, t('fa', 'newOrder'));
    await order.locator('[name=subject]').fill('درآمد خانوار به تفکیک شهرستان');
    await order.locator('[name=description]').fill('جدول درآمد خانوار استان تهران، ۱۳۹۵ تا ۱۴۰۰');
    await order.locator('[name=geography]').fill('استان تهران');
    await Promise.all([page.waitForURL(/\/orders\/IO-[0-9A-F]{10}$/), order.getByRole('button').click()]);
    const orderId = page.url().split('/').at(-1)!;
    await act(page, 'submit', {}, 'submitted');

    // The consultant finds the order in the work queue, with its SLA deadline.
    await signInAs(staff.page, 'consultant-ali');
    await staff.page.goto('/staff');
    const row = staff.page.locator(`tr[data-id="${orderId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.deadline').getAttribute('data-at')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await screenshot(staff.page, 'staff-queue-fa');
    await openFromQueue(staff.page, orderId);
    await act(staff.page, 'askQuestion', { text: 'کدام سال‌ها دقیقاً؟' });

    await page.reload();
    await act(page, 'sendMessage', { text: '۱۳۹۵ تا ۱۴۰۰' });
    await staff.page.reload();
    await act(staff.page, 'accept', {}, 'accepted');

    await signInAs(staff.page, 'pricing-neda');
    await openFromQueue(staff.page, orderId);
    await act(staff.page, 'issueQuote', { 'items.records': '۱۲۰', 'items.tables.0.level': 'county', 'items.tables.0.count': '2' }, 'quoted');

    await page.reload();
    await act(page, 'acceptQuote', {}, 'payment.awaitingReceipt');
    const amount = await page.locator('dd.amount').getAttribute('data-rial');
    expect(BigInt(amount!)).toBeGreaterThan(0n);
    await screenshot(page, 'order-awaiting-receipt-fa');

    // The receipt goes through the JSON API route: the scan to /api/files, then the event.
    const receipt = form(page, eventLabel('fa', 'information-order', 'submitReceipt'));
    await receipt.locator('input[type=file]').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF(`receipt ${orderId}`) });
    await receipt.locator('[name=bankTracking]').fill(`BT${orderId.slice(3)}`);
    await receipt.locator('[name=amount]').fill(amount!);
    // Today in the Solar Hijri calendar, in Persian digits, as a citizen types it.
    const today = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await receipt.locator('[name=paidOn]').fill(today);
    await receipt.locator('[name=cardLastFour]').fill('4321');
    await receipt.getByRole('button', { name: eventLabel('fa', 'information-order', 'submitReceipt') }).click();
    await expect.poll(async () => (await refusal(page)) ?? page.locator('strong.state').textContent()).toBe(stateLabel('fa', 'information-order', 'payment.receiptSubmitted'));

    await signInAs(staff.page, 'finance-hamid');
    await openFromQueue(staff.page, orderId);
    await act(staff.page, 'verifyPayment', { note: 'OK' });

    await signInAs(staff.page, 'preparer-leila');
    await openFromQueue(staff.page, orderId);
    await act(staff.page, 'startPreparation', {}, 'inPreparation');
    const tables = PDF(`prepared tables for ${orderId}`);
    const attach = form(staff.page, eventLabel('fa', 'information-order', 'attachFile'));
    await attach.locator('input[type=file]').setInputFiles({ name: 'tables.pdf', mimeType: 'application/pdf', buffer: tables });
    await attach.locator('[name=title]').fill('جداول درآمد');
    await attach.getByRole('button', { name: eventLabel('fa', 'information-order', 'attachFile') }).click();
    await expect.poll(async () => (await refusal(staff.page)) ?? staff.page.locator('details.history').textContent()).toContain(eventLabel('fa', 'information-order', 'attachFile'));
    await act(staff.page, 'deliver', {}, 'delivered');

    await page.reload();
    expect(await page.locator('strong.state').textContent()).toBe(stateLabel('fa', 'information-order', 'delivered'));
    await screenshot(page, 'order-delivered-fa');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download').first().click()]);
    expect(await readFile((await download.path())!)).toEqual(tables);

    // The same page in English: left to right, Latin digits.
    await page.locator('a.lang-switch').click();
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('strong.state').textContent()).toBe(stateLabel('en', 'information-order', 'delivered'));
    await screenshot(page, 'order-delivered-en');

    expect([...citizen.errors, ...staff.errors]).toEqual([]);
    await citizen.context.close();
    await staff.context.close();
  });

  it('buys a digital product, pays at the simulated bank and downloads it', async () => {
    const { page, context, errors } = await person(browser, url);
    await signInAs(page, 'citizen-maryam');
    await page.goto('/shop');
    await screenshot(page, 'shop-fa');
    const product = page.locator('li[data-product="census-1395-tables"]');
    await product.getByRole('button', { name: t('fa', 'buy') }).click();
    await expect.poll(async () => (await refusal(page)) ?? new URL(page.url()).pathname).toMatch(/^\/shop\/orders\/SO-/);
    expect(await page.locator('strong.state').textContent()).toBe(stateLabel('fa', 'shop-order', 'awaitingPayment.idle'));

    await Promise.all([page.waitForURL(/\/demo-bank\//), page.locator('button.pay').click()]);
    await screenshot(page, 'demo-bank-fa');
    // The bank sends the browser to the portal's callback (the API route), which verifies and comes back to the order.
    await Promise.all([page.waitForURL(/\/shop\/orders\/SO-/), page.locator('button.pay-now').click()]);
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('a.download').count();
      })
      .toBe(1);
    expect(await page.locator('strong.state').textContent()).toBe(stateLabel('fa', 'shop-order', 'completed'));
    await screenshot(page, 'shop-order-paid-fa');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download').click()]);
    expect(await readFile((await download.path())!, 'utf8')).toContain('province,population');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a complaint is filed from the keyboard, refused fields are named, and a visitor looks it up by its codes', async () => {
    const { page, context, errors } = await person(browser, url);
    await signInAs(page, 'citizen-maryam');
    await page.goto('/complaints');

    // The first Tab reaches the skip link; then the form is reachable in tab order and Enter submits.
    await page.keyboard.press('Tab');
    expect(await focused(page, 'className')).toBe('skip');
    await tabTo(page, 'select[name=kind]');
    await page.locator('select[name=kind]').selectOption('complaint');
    await tabTo(page, 'input[name=subject]');
    await page.keyboard.press('Enter');
    const refused = page.locator('[data-error-type="VALIDATION"]');
    await expect.poll(() => refused.count()).toBe(1);
    // Each field's problem in Persian, placed by its field; no field key is shown.
    expect(await refused.locator('li[data-field]').evaluateAll((items) => items.map((li) => li.getAttribute('data-field')))).toEqual(expect.arrayContaining(['subject', 'body']));
    expect(await refused.locator('li[data-field="subject"]').textContent()).toMatch(/^موضوع را (خالی نگذارید|وارد کنید)\.$/);
    expect(await refused.locator('code').count()).toBe(0);

    await page.keyboard.type('تأخیر در پاسخ');
    await page.keyboard.press('Tab');
    expect(await focused(page, 'name')).toBe('body');
    await page.keyboard.type('سفارش من بیش از دو هفته بی‌پاسخ مانده است.');
    await page.keyboard.press('Tab');
    expect(await focused(page, 'tagName')).toBe('BUTTON');
    await page.keyboard.press('Enter');
    const tracking = page.locator('dd.tracking-code');
    await expect.poll(() => tracking.count()).toBe(1);
    const trackingCode = (await tracking.textContent())!;
    const complaintCode = (await page.locator('dd.complaint-code').textContent())!;
    expect(trackingCode).toMatch(/\d/);
    await screenshot(page, 'complaint-filed-fa');

    const visitor = await person(browser, url);
    await visitor.page.goto('/complaints/lookup');
    const lookup = form(visitor.page, t('fa', 'lookupTitle'));
    await lookup.locator('[name=trackingCode]').fill(trackingCode);
    await lookup.locator('[name=complaintCode]').fill('0000 0000');
    await lookup.getByRole('button').click();
    await expect.poll(() => visitor.page.locator('[data-error-type="NOT_FOUND"]').count()).toBe(1);
    await lookup.locator('[name=complaintCode]').fill(complaintCode);
    await lookup.getByRole('button').click();
    await expect.poll(() => visitor.page.locator('dd.status').count()).toBe(1);
    expect(await visitor.page.locator('dd.tracking-code').textContent()).toBe(trackingCode);
    await screenshot(visitor.page, 'complaint-lookup-fa');

    await visitor.page.goto('/status');
    expect(await visitor.page.locator('.all-clear').textContent()).toBe(t('fa', 'allServicesUp'));
    await screenshot(visitor.page, 'status-fa');
    expect([...errors, ...visitor.errors]).toEqual([]);
    await visitor.context.close();
    await context.close();
  });
});
