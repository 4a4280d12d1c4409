/**
 * What a catalogue product must look like. Catalogue adapters validate with it before storing,
 * so every product the shop sells has a price in whole Rial and, if digital, a file to download.
 */
import { z } from 'zod';
import { issueFromZod } from '../../zod-issue';
import { ValidationError } from '../../errors';
import type { Product } from '../../ports/catalogue';

/** The kinds of product the shop sells. */
export const PRODUCT_KINDS = ['file', 'cd', 'book', 'publication'] as const;

/**
 * Schema of a catalogue product: id, kind, format, title, price in whole Rial, status and, for digital
 * products, the file key.
 */
export const productSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be 1–100 lower-case letters, digits, ".", "_" or "-"'),
    kind: z.enum(PRODUCT_KINDS),
    format: z.enum(['digital', 'physical']),
    title: z.string().trim().min(1).max(300),
    priceRial: z.bigint().positive('must be a whole number of Rial above zero'),
    status: z.enum(['active', 'withdrawn']),
    fileKey: z.string().min(1).max(500).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.format === 'digital' && !p.fileKey) ctx.addIssue({ code: 'custom', path: ['fileKey'], message: 'a digital product needs the file-store key of its file' });
    if (p.format === 'physical' && p.fileKey) ctx.addIssue({ code: 'custom', path: ['fileKey'], message: 'a physical product has no file' });
    if (p.kind === 'file' && p.format !== 'digital') ctx.addIssue({ code: 'custom', path: ['format'], message: 'a file is digital' });
    if ((p.kind === 'cd' || p.kind === 'book') && p.format !== 'physical') ctx.addIssue({ code: 'custom', path: ['format'], message: `a ${p.kind} is physical` });
  });

/** Validates a product; `ValidationError` naming each bad field otherwise. */
export function parseProduct(value: unknown): Product {
  const parsed = productSchema.safeParse(value);
  if (parsed.success) return parsed.data as Product;
  throw new ValidationError(
    'product',
    parsed.error.issues.map(issueFromZod),
  );
}
