// Your office's approved tariff, as data. parseTariffBook validates it and throws a
// TariffBookError naming every bad path, so a typo stops the portal at start-up.
import { parseTariffBook } from '@statdesk/core';

export const tariffBook = parseTariffBook({
  id: 'sci-information-orders',
  version: '1404.1',
  title: { fa: 'تعرفه خدمات اطلاع‌رسانی آماری ۱۴۰۴', en: 'Statistical information services tariff 1404' },
  effectiveFrom: '1404-01-01',
  source: 'approval letter no. … (replace with the real reference)',
  components: [
    { kind: 'entry-fee', id: 'entry-fee', description: { fa: 'ورودی', en: 'Entry fee' }, amount: 500_000, triggers: ['records', 'tables'] },
    {
      kind: 'per-record', id: 'records', description: { fa: 'استخراج رکورد', en: 'Records extracted' },
      pricing: 'per-tier',
      tiers: [{ upTo: 1_000, unitPrice: 500 }, { upTo: null, unitPrice: 300 }],
    },
    {
      kind: 'per-table', id: 'tables', description: { fa: 'جدول آماری', en: 'Statistical table' },
      prices: [{ level: 'country', unitPrice: 200_000 }, { level: 'province', unitPrice: 400_000 }, { level: 'county', unitPrice: 800_000 }],
    },
    { kind: 'expert-time', id: 'expert-time', description: { fa: 'زمان کارشناسی', en: 'Expert time' }, hourlyRate: 1_500_000, hoursPerDay: 8, freeHours: 1 },
    {
      kind: 'category-discount', id: 'student-discount', description: { fa: 'تخفیف دانشجویی', en: 'Student discount' },
      category: 'student', basisPoints: 3000,   // 30 %, for a verified student card only
    },
    { kind: 'vat', id: 'vat', description: { fa: 'مالیات بر ارزش افزوده', en: 'VAT' }, rates: [{ from: '1403-01-01', basisPoints: 1000 }], rounding: 'nearest' },
    { kind: 'rounding', id: 'rounding', description: { fa: 'گرد کردن', en: 'Rounding' }, increment: 10_000, mode: 'nearest', point: 'total' },
  ],
});
