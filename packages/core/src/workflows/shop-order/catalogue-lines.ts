/**
 * Order lines from the catalogue: the product must exist and be on sale, and its price is the
 * catalogue's, read on the server. Refusals are `ValidationError`s naming the field.
 */
import { ValidationError, type ValidationIssue } from '../../errors';
import type { Catalogue, Product } from '../../ports/catalogue';
import type { OrderLine } from './context';

export function lineFromProduct(product: Product, lineId: string, quantity: number): OrderLine {
  return {
    lineId,
    productId: product.id,
    kind: product.kind,
    format: product.format,
    title: product.title,
    unitPriceRial: product.priceRial,
    quantity,
    ...(product.fileKey ? { fileKey: product.fileKey } : {}),
  };
}

/** Checks one requested product; an issue (at `path`) when it cannot be sold. */
export async function productForSale(
  catalogue: Catalogue,
  tenantId: string,
  productId: string,
  quantity: number,
  path: string,
): Promise<Product | ValidationIssue> {
  const product = await catalogue.get(tenantId, productId);
  if (!product) return { path: `${path}productId`, message: `no product ${productId} in the catalogue`, code: 'unknown_product' };
  if (product.status !== 'active') return { path: `${path}productId`, message: `product ${productId} is withdrawn from sale`, code: 'withdrawn' };
  if (product.format === 'digital' && quantity !== 1) return { path: `${path}quantity`, message: 'a digital product is bought once (quantity 1)', code: 'digital_quantity' };
  return product;
}

export function isIssue(value: Product | ValidationIssue): value is ValidationIssue {
  return 'message' in value && 'path' in value && !('priceRial' in value);
}

/** Prices requested lines; throws one `ValidationError` listing every line that cannot be sold. */
export async function pricedLines(
  catalogue: Catalogue,
  tenantId: string,
  requested: readonly { productId: string; quantity: number; lineId: string }[],
  subject: string,
  pathOf: (index: number) => string,
): Promise<OrderLine[]> {
  const issues: ValidationIssue[] = [];
  const lines: OrderLine[] = [];
  for (const [index, item] of requested.entries()) {
    const found = await productForSale(catalogue, tenantId, item.productId, item.quantity, pathOf(index));
    if (isIssue(found)) issues.push(found);
    else lines.push(lineFromProduct(found, item.lineId, item.quantity));
  }
  if (issues.length) throw new ValidationError(subject, issues);
  return lines;
}
