/**
 * One normalisation for typed numbers and codes, applied by every schema where people type them:
 * Persian and Arabic digits, Arabic yeh/kaf, thousands separators and invisible joiners. Free
 * text stays as written.
 */
import { describe, expect, it } from 'vitest';
import {
  attachmentUploadPolicy,
  complaintEventSchemas,
  informationOrderEventSchemas,
  normalizeTypedInput,
  normalizeTypedNumber,
  orderRequestSchema,
  profileInputSchema,
  shopOrderEventSchemas,
} from '../../src';

describe('typed input normalisation', () => {
  it('folds digits, letters, separators and invisible marks', () => {
    expect(normalizeTypedInput(' ك\u200cي ۱۲٣ ')).toBe('کی 123');
    expect(normalizeTypedNumber('۱۲٬۳۴۵,۶۷۸')).toBe('12345678');
    expect(normalizeTypedNumber('١٢ ٣٤\u200c٥')).toBe('12345');
    expect(normalizeTypedInput('۳٫۵')).toBe('3.5');
  });

  it('national ID, mobile and postal code in any digits, with separators and joiners', () => {
    const parsed = profileInputSchema.parse({ nationalId: '۰۰۱\u200c۲۳۴-۵۶۷۹', fullName: 'علي ۱۴۰۰', mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷', postalCode: '١٢٣٤٥-٦٧٨٩٠' });
    expect(parsed).toMatchObject({ nationalId: '0012345679', mobile: '09121234567', postalCode: '1234567890' });
    // Free text the person wrote is kept: their letters and Persian digits.
    expect(parsed.fullName).toBe('علي ۱۴۰۰');
  });

  it('shop quantities, postal codes, mobiles, tracking codes and refund amounts', () => {
    expect(shopOrderEventSchemas.addLine.parse({ productId: 'yearbook', quantity: '۳' })).toEqual({ productId: 'yearbook', quantity: 3 });
    expect(shopOrderEventSchemas.addLine.safeParse({ productId: 'yearbook', quantity: '۲٬۰۰۰' }).success).toBe(false);
    const placed = shopOrderEventSchemas.place.parse({
      customer: { fullName: 'سارا', mobile: '+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷' },
      shipping: { address: 'تهران، خیابان ۱۲', postalCode: '۱۲۳۴۵۶۷۸۹۰', destination: 'tehran' },
    });
    expect(placed.customer.mobile).toBe('09121234567');
    expect(placed.shipping).toEqual({ address: 'تهران، خیابان ۱۲', postalCode: '1234567890', destination: 'tehran' });
    expect(shopOrderEventSchemas.ship.parse({ trackingCode: '۱۲۳۴ ۵۶۷۸' })).toEqual({ trackingCode: '12345678' });
    expect(shopOrderEventSchemas.refund.parse({ amountRial: '۱۲٬۰۰۰', reference: 'R-1', reason: 'دلیل' }).amountRial).toBe(12_000n);
  });

  it('receipt fields and quote quantities; the order request text is kept as written', () => {
    const receipt = informationOrderEventSchemas.submitReceipt.parse({ bankTracking: '۱۲۳-۴۵۶۷', amount: '۱٬۲۵۰٬۰۰۰', paidOn: '۲۰۲۵-۰۵-۰۳', cardLastFour: '۴۳۲۱', scan: { key: 'r' } });
    expect(receipt).toMatchObject({ bankTracking: '1234567', amount: 1_250_000n, paidOn: '2025-05-03', cardLastFour: '4321' });
    expect(informationOrderEventSchemas.issueQuote.parse({ items: { records: '۱۲۰', tables: [{ level: 'county', count: '۲' }] } }).items).toEqual({ records: 120, tables: [{ level: 'county', count: 2 }] });
    expect(orderRequestSchema.parse({ subject: 'درآمد خانوار ۱۴۰۰', description: 'جدول‌های ۱۳۹۵ تا ۱۴۰۰ با كد' })).toEqual({
      subject: 'درآمد خانوار ۱۴۰۰',
      description: 'جدول‌های ۱۳۹۵ تا ۱۴۰۰ با كد',
    });
  });

  it('a receipt date typed in the Solar Hijri calendar, in any digits, is kept as its ISO date', () => {
    const receipt = (paidOn: string) => informationOrderEventSchemas.submitReceipt.safeParse({ bankTracking: '1234', amount: '1', paidOn, cardLastFour: '1234', scan: { key: 'r' } });
    expect(receipt('۱۴۰۴/۰۲/۱۳').data?.paidOn).toBe('2025-05-03');
    expect(receipt('1404-2-13').data?.paidOn).toBe('2025-05-03');
    expect(receipt('2025-05-03').data?.paidOn).toBe('2025-05-03');
    expect(receipt('۱۴۰۴/۱۲/۳۱').success).toBe(false);
  });

  it('a complaint rating typed in Persian digits', () => {
    expect(complaintEventSchemas(attachmentUploadPolicy, 3).rate.parse({ score: '۵' }).score).toBe(5);
  });
});
