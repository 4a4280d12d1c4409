/**
 * Views carry labels: an order read over HTTP names its state in Persian and English and says
 * what its owner reads about it, beside the state key.
 */
import { describe, expect, it } from 'vitest';
import { HOME_TENANT, OWNER, fixtureId, shippedDesk } from './shipped-desk';
import { jsonRequest } from './support';

const asOwner = (role: string) => ({ 'x-test-user': `${OWNER}:${role}`, 'x-test-tenant': HOME_TENANT });

describe('views carry labels, not only keys', () => {
  it('an information order in draft: label and citizen status in both languages', async () => {
    const { handler } = await shippedDesk();
    const response = await handler(jsonRequest('GET', `/instances/${fixtureId('information-order')}`, undefined, asOwner('applicant')));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { state: string; labels: unknown } };
    expect(body.data.state).toBe('draft');
    expect(body.data.labels).toEqual({
      label: { fa: 'پیش‌نویس', en: 'Draft' },
      status: {
        phrase: { fa: 'سفارش شما هنوز ارسال نشده است.', en: 'Your order has not been sent yet.' },
        next: { fa: 'درخواست را کامل کنید و بفرستید.', en: 'Complete the request and submit it.' },
        actor: { fa: 'متقاضی', en: 'Applicant' },
      },
    });
  });

  it('a shop order in its cart', async () => {
    const { handler } = await shippedDesk();
    const response = await handler(jsonRequest('GET', `/instances/${fixtureId('shop-order')}`, undefined, asOwner('customer')));
    const body = (await response.json()) as { data: { labels: { label: unknown } } };
    expect(body.data.labels.label).toEqual({ fa: 'سبد خرید', en: 'Cart' });
  });
});
