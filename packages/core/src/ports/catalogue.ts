/**
 * The product catalogue of the online shop (channel B): files, CDs, books and publications,
 * each with its price in Rial. `@statdesk/testing` has `MemoryCatalogue`; storage adapters
 * persist it. The shop-order workflow reads it from `DeskOptions.services.catalogue` inside the
 * command's transaction, so prices always come from here, never from the client.
 *
 * Contract:
 * - Products are scoped by tenant: the same id in two tenants is two products.
 * - `put` validates with `productSchema` (from `@statdesk/core`) and rejects with a
 *   `ValidationError` naming the field, storing nothing; it inserts or replaces by id.
 * - `withdraw` keeps the product (old orders still name it) but takes it off sale; withdrawing a
 *   missing product is a `NotFoundError`.
 * - `get` resolves `undefined` for an unknown id (or another tenant's).
 * - `list` returns products in ascending id order, at most `limit` (default 100, at most 1000),
 *   after the id `after`; `nextAfter` is set when more may follow.
 */
export type ProductKind = 'file' | 'cd' | 'book' | 'publication';

/** Digital products are downloaded; physical ones are posted. */
export type ProductFormat = 'digital' | 'physical';

export type ProductStatus = 'active' | 'withdrawn';

export interface Product {
  id: string;
  kind: ProductKind;
  format: ProductFormat;
  /** Title as shown in the shop (Persian, or as published). */
  title: string;
  /** Price of one item in whole Rial. */
  priceRial: bigint;
  status: ProductStatus;
  /** Digital products: the file-store key of the file a buyer downloads. */
  fileKey?: string;
}

export interface ListProductsOptions {
  status?: ProductStatus;
  kind?: ProductKind;
  after?: string;
  limit?: number;
}

export interface ProductListing {
  products: Product[];
  nextAfter?: string;
}

export interface Catalogue {
  get(tenantId: string, productId: string): Promise<Product | undefined>;
  list(tenantId: string, options?: ListProductsOptions): Promise<ProductListing>;
  put(tenantId: string, product: Product): Promise<Product>;
  withdraw(tenantId: string, productId: string): Promise<Product>;
}
