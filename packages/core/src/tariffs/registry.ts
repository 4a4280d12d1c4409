import { periodContains, periodsOverlap } from './effective-date';
import type { TariffBook } from './book.schema';
import { QuoteError, TariffBookError, type TariffIssue } from './errors';
import { priceQuote } from './price-quote';
import type { Quote } from './quote';
import type { QuoteRequest } from './request';

/**
 * The tariff books an office has published, across time. Books with the same id are versions of
 * one tariff and must not overlap in time, so exactly one (or none) is in force at any instant.
 */
export interface TariffRegistry {
  /** All books, ordered by id then effective date. */
  readonly books: readonly TariffBook[];
  /** The book with `id` in force at `at`, or undefined. `id` may be omitted when the registry holds one tariff. */
  bookInForce(at: Date, id?: string): TariffBook | undefined;
  /** A specific version, e.g. to re-show a stored quote with the book it was priced with. */
  findVersion(id: string, version: string): TariffBook | undefined;
  /** Price with the book in force at `request.quotedAt`. Throws `QuoteError` when none is. */
  priceQuote(request: QuoteRequest, id?: string): Quote;
}

/** Build a registry; throws `TariffBookError` (paths like `books[2]`) for overlaps and duplicate versions. */
export function createTariffRegistry(books: readonly TariffBook[]): TariffRegistry {
  const issues: TariffIssue[] = [];
  books.forEach((book, j) => {
    for (let i = 0; i < j; i++) {
      const other = books[i]!;
      if (other.id !== book.id) continue;
      if (other.version === book.version) {
        issues.push({ path: `books[${j}].version`, message: `${book.id} version ${book.version} is already given as books[${i}]` });
      } else if (periodsOverlap({ from: other.effectiveFrom, to: other.effectiveTo }, { from: book.effectiveFrom, to: book.effectiveTo })) {
        issues.push({
          path: `books[${j}].effectiveFrom`,
          message: `${book.id} version ${book.version} (${book.effectiveFrom.text} – ${book.effectiveTo?.text ?? 'open'}) overlaps version ${other.version} (${other.effectiveFrom.text} – ${other.effectiveTo?.text ?? 'open'}) at books[${i}]`,
        });
      }
    }
  });
  if (issues.length > 0) throw new TariffBookError(issues, 'Invalid tariff registry');

  const sorted = [...books].sort((a, b) => (a.id === b.id ? a.effectiveFrom.instant.getTime() - b.effectiveFrom.instant.getTime() : a.id < b.id ? -1 : 1));
  const ids = [...new Set(sorted.map((b) => b.id))];

  function bookInForce(at: Date, id?: string): TariffBook | undefined {
    if (id === undefined && ids.length > 1) {
      throw new RangeError(`bookInForce: the registry holds several tariffs (${ids.join(', ')}); name one`);
    }
    return sorted.find((b) => (id === undefined || b.id === id) && periodContains({ from: b.effectiveFrom, to: b.effectiveTo }, at));
  }

  return {
    books: sorted,
    bookInForce,
    findVersion: (id, version) => sorted.find((b) => b.id === id && b.version === version),
    priceQuote(request, id) {
      const at = request.quotedAt instanceof Date ? request.quotedAt : new Date(request.quotedAt);
      if (Number.isNaN(at.getTime())) throw new QuoteError([{ path: 'quotedAt', message: 'must be a valid instant' }], 'Invalid quote request');
      const book = bookInForce(at, id);
      if (!book) {
        const name = id ?? ids[0] ?? '(no tariff)';
        throw new QuoteError([{ path: 'quotedAt', message: `no version of tariff ${name} is in force at ${at.toISOString()}` }]);
      }
      return priceQuote(request, book);
    },
  };
}
