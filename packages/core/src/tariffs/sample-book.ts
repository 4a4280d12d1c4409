import { type TariffBook, type TariffBookInput, parseTariffBook } from './book.schema';

/**
 * SAMPLE tariff book. Its structure follows the Statistical Centre of Iran's published tariffs
 * (the 1375 tariff and cabinet decree 126930/ت48666هـ); its AMOUNTS ARE SAMPLE DATA — several
 * are the 1375 figures, the rest invented — and are not the office's current tariff. Copy it as a
 * starting point and replace every amount with the approved figures. Explained in docs/tariffs.md.
 */
export const sampleTariffBookDocument = {
  id: 'sci-information-orders',
  version: 'sample-1402.1',
  title: {
    fa: 'تعرفه نمونه خدمات اطلاع‌رسانی آماری (مبالغ نمونه، غیررسمی)',
    en: 'Sample tariff for statistical information services (SAMPLE amounts, not official)',
  },
  sample: true,
  currency: 'IRR',
  effectiveFrom: '1402-01-01',
  source: 'Structure of the SCI 1375 tariff and decree 126930/ت48666هـ (1392/07/15); amounts are samples.',
  components: [
    {
      kind: 'entry-fee',
      id: 'entry-fee',
      description: { fa: 'ورودی استخراج اطلاعات', en: 'Data extraction entry fee' },
      amount: 1000,
      triggers: ['records', 'tables'],
    },
    {
      kind: 'per-record',
      id: 'records',
      description: { fa: 'استخراج رکورد', en: 'Records extracted' },
      pricing: 'per-tier',
      tiers: [
        { upTo: 100, unitPrice: 50 },
        { upTo: 500, unitPrice: 40 },
        { upTo: null, unitPrice: 35 },
      ],
    },
    {
      kind: 'per-table',
      id: 'tables',
      description: { fa: 'جدول آماری', en: 'Statistical table' },
      prices: [
        { level: 'country', unitPrice: 5000 },
        { level: 'province', unitPrice: 10000 },
        { level: 'county', unitPrice: 20000 },
        { level: 'district', unitPrice: 30000 },
        { level: 'rural-district-or-city', unitPrice: 40000 },
        { level: 'census-area', unitPrice: 60000 },
        { level: 'block', unitPrice: 80000 },
      ],
    },
    {
      kind: 'expert-time',
      id: 'expert-time',
      description: { fa: 'زمان کارشناسی', en: 'Expert time' },
      hourlyRate: 50000,
      hoursPerDay: 8,
      freeHours: 1,
    },
    {
      kind: 'media',
      id: 'cd',
      description: { fa: 'تکثیر روی لوح فشرده', en: 'Copy on CD' },
      medium: 'cd',
      perCopy: 200,
      perRecord: 200,
    },
    {
      kind: 'postage',
      id: 'postage',
      description: { fa: 'هزینه پست', en: 'Postage' },
      rate: {
        basis: 'by-destination',
        destinations: [
          { code: 'tehran', description: { fa: 'تهران', en: 'Tehran' }, amount: 20000 },
          { code: 'other-provinces', description: { fa: 'سایر استان‌ها', en: 'other provinces' }, amount: 35000 },
        ],
      },
    },
    {
      kind: 'per-page',
      id: 'publication-pages',
      description: { fa: 'نشریه (هر صفحه)', en: 'Publication (per page)' },
      unitPrice: 100,
    },
    {
      kind: 'products',
      id: 'shop-products',
      description: { fa: 'محصول فروشگاه', en: 'Shop product' },
      products: [
        { productId: 'census-1395-results-cd', description: { fa: 'لوح فشرده نتایج سرشماری ۱۳۹۵', en: '1395 census results CD' }, listPrice: 150000 },
        { productId: 'statistical-yearbook-1401', description: { fa: 'سالنامه آماری کشور ۱۴۰۱', en: 'Statistical yearbook 1401' }, listPrice: 400000 },
      ],
    },
    {
      kind: 'category-discount',
      id: 'student-discount',
      description: { fa: 'تخفیف دانشجویی', en: 'Student discount' },
      category: 'student',
      basisPoints: 2000,
      appliesTo: ['entry-fee', 'per-record', 'per-table', 'expert-time', 'media', 'per-page'],
    },
    {
      kind: 'category-discount',
      id: 'organisation-discount',
      description: { fa: 'تخفیف دستگاه‌های اجرایی', en: 'Organisation discount' },
      category: 'organisation',
      basisPoints: 1000,
      appliesTo: ['entry-fee', 'per-record', 'per-table', 'expert-time'],
    },
    {
      kind: 'waiver',
      id: 'de-minimis',
      description: { fa: 'بخشودگی مبالغ جزئی', en: 'De-minimis waiver' },
      threshold: 5000,
    },
    {
      kind: 'vat',
      id: 'vat',
      description: { fa: 'مالیات بر ارزش افزوده', en: 'VAT' },
      rates: [
        { from: '1399-01-01', to: '1403-01-01', basisPoints: 900 },
        { from: '1403-01-01', basisPoints: 1000 },
      ],
      rounding: 'nearest',
    },
    {
      kind: 'rounding',
      id: 'rounding',
      description: { fa: 'گرد کردن', en: 'Rounding' },
      increment: 1000,
      mode: 'nearest',
      point: 'total',
    },
  ],
} satisfies TariffBookInput;

/** The sample book, validated. SAMPLE amounts — see `sampleTariffBookDocument`. */
export const sampleTariffBook: TariffBook = parseTariffBook(sampleTariffBookDocument);
