import { NotFoundError, ValidationError, parseProduct, type Catalogue, type ListProductsOptions, type Product, type ProductListing } from '@statdesk/core';

/**
 * The product catalogue in memory, per tenant. Follows the `Catalogue` port's contract: products
 * are validated before they are stored, withdrawn products stay readable, listings are in id
 * order. Values are copied in and out, so a caller cannot change a stored product by accident.
 */
export class MemoryCatalogue implements Catalogue {
  private readonly tenants = new Map<string, Map<string, Product>>();

  /** Optionally seeded with `{ tenantId: products }`. */
  constructor(seed: Readonly<Record<string, readonly Product[]>> = {}) {
    for (const [tenantId, products] of Object.entries(seed)) for (const product of products) this.store(tenantId, product);
  }

  async get(tenantId: string, productId: string): Promise<Product | undefined> {
    const product = this.tenants.get(tenantId)?.get(productId);
    return product ? { ...product } : undefined;
  }

  async list(tenantId: string, options: ListProductsOptions = {}): Promise<ProductListing> {
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ValidationError('product listing', [{ path: 'limit', message: 'must be a whole number from 1 to 1000' }]);
    const matching = [...(this.tenants.get(tenantId)?.values() ?? [])]
      .filter((p) => (options.status === undefined || p.status === options.status) && (options.kind === undefined || p.kind === options.kind))
      .filter((p) => options.after === undefined || p.id > options.after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = matching.slice(0, limit).map((p) => ({ ...p }));
    return matching.length > limit ? { products: page, nextAfter: page.at(-1)!.id } : { products: page };
  }

  async put(tenantId: string, product: Product): Promise<Product> {
    return { ...this.store(tenantId, product) };
  }

  async withdraw(tenantId: string, productId: string): Promise<Product> {
    const product = this.tenants.get(tenantId)?.get(productId);
    if (!product) throw new NotFoundError('product', productId);
    const withdrawn = { ...product, status: 'withdrawn' as const };
    this.tenants.get(tenantId)!.set(productId, withdrawn);
    return { ...withdrawn };
  }

  private store(tenantId: string, product: Product): Product {
    const valid = parseProduct(product);
    let products = this.tenants.get(tenantId);
    if (!products) this.tenants.set(tenantId, (products = new Map()));
    products.set(valid.id, valid);
    return valid;
  }
}

/** An in-memory `Catalogue`, optionally seeded per tenant; for tests and demos. */
export function memoryCatalogue(seed?: Readonly<Record<string, readonly Product[]>>): MemoryCatalogue {
  return new MemoryCatalogue(seed);
}
