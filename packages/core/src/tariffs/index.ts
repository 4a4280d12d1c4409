export { TariffBookError, QuoteError, formatIssuePath, type TariffIssue } from './errors';
export { GEOGRAPHIC_LEVELS, GEOGRAPHIC_LEVEL_NAMES, geographicLevelNumber, type GeographicLevel } from './geographic-level';
export { parseTariffDate, periodContains, type EffectivePeriod, type TariffDate } from './effective-date';
export {
  parseTariffBook,
  safeParseTariffBook,
  tariffBookSchema,
  tariffBookToJSON,
  tariffRuleSchema,
  type TariffBook,
  type TariffBookInput,
  type TariffRule,
  type TariffRuleKind,
} from './book.schema';
export {
  APPLICANT_CATEGORIES,
  MEDIA,
  REQUEST_ITEM_KINDS,
  quoteRequestSchema,
  type ApplicantCategory,
  type Medium,
  type ParsedQuoteRequest,
  type QuoteRequest,
  type RequestItemKind,
} from './request';
export { CHARGE_LINE_KINDS, quoteLines, type ChargeLineKind, type QuantityUnit, type Quote, type QuoteLine, type QuoteLineKind, type RoundingPoint } from './quote';
export { priceQuote } from './price-quote';
export { explainQuote, formatQuoteInstant } from './explain';
export { quoteFromJSON, quoteJSONSchema, quoteToJSON, type QuoteJSON } from './quote-json';
export { createTariffRegistry, type TariffRegistry } from './registry';
export { sampleTariffBook, sampleTariffBookDocument } from './sample-book';
export { formatBasisPoints } from './components/category-discount';
