import type { z } from 'zod';

/** One problem found in a tariff book or a quote request, located by a path such as `components[2].tiers[1].upTo`. */
export interface TariffIssue {
  /** Where, e.g. `components[2].tiers[1].upTo`. */
  path: string;
  /** What is wrong there. */
  message: string;
}

/** `['components', 2, 'tiers', 1, 'upTo']` → `components[2].tiers[1].upTo`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesFromZod(error: z.ZodError): TariffIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

function summarise(title: string, issues: readonly TariffIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return `${title}: ${shown.join('; ')}${more}`;
}

/** A tariff book (or a set of books given to a registry) is invalid. Nothing was priced. */
export class TariffBookError extends Error {
  /** Error name. */
  override readonly name = 'TariffBookError';
  /** Every problem found. */
  readonly issues: TariffIssue[];
  constructor(issues: readonly TariffIssue[], title = 'Invalid tariff book') {
    super(summarise(title, issues));
    this.issues = [...issues];
  }
}

/**
 * A quote request cannot be priced with the given book: the request is malformed, asks for
 * something the book has no rule for, or falls outside the book's effective period.
 */
export class QuoteError extends Error {
  /** Error name. */
  override readonly name = 'QuoteError';
  /** Every problem found. */
  readonly issues: TariffIssue[];
  constructor(issues: readonly TariffIssue[], title = 'Cannot price quote') {
    super(summarise(title, issues));
    this.issues = [...issues];
  }
}
