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

/** Products on sale are `active`; `withdrawn` ones stay for old orders but cannot be bought. */
export type ProductStatus = 'active' | 'withdrawn';

/** A product in the shop: what it is, its format, and its price in whole Rial. */
export interface Product {
  /** Product id, unique per tenant. */
  id: string;
  /** File, CD, book or publication. */
  kind: ProductKind;
  /** Digital (downloaded) or physical (posted). */
  format: ProductFormat;
  /** Title as shown in the shop (Persian, or as published). */
  title: string;
  /** Price of one item in whole Rial. */
  priceRial: bigint;
  /** On sale or withdrawn. */
  status: ProductStatus;
  /** Digital products: the file-store key of the file a buyer downloads. */
  fileKey?: string;
}

/** Filters and paging of `Catalogue.list`. */
export interface ListProductsOptions {
  /** Only products in this status. */
  status?: ProductStatus;
  /** Only products of this kind. */
  kind?: ProductKind;
  /** Start after this id (the previous page's `nextAfter`). */
  after?: string;
  /** Page size (default 100, at most 1000). */
  limit?: number;
}

/** One page of products, in ascending id order. */
export interface ProductListing {
  /** The products on this page. */
  products: Product[];
  /** Pass as `after` for the next page; absent on the last page. */
  nextAfter?: string;
}

/**
 * The catalogue port (see the module contract above): the products of each tenant's shop, with prices that
 * orders read server-side.
 */
export interface Catalogue {
  /** The product, or `undefined` for an unknown id (or another tenant's). */
  get(tenantId: string, productId: string): Promise<Product | undefined>;
  /** A page of products in ascending id order. */
  list(tenantId: string, options?: ListProductsOptions): Promise<ProductListing>;
  /** Validates and inserts or replaces a product by id; resolves with what was stored. */
  put(tenantId: string, product: Product): Promise<Product>;
  /** Takes a product off sale without deleting it; `NotFoundError` when missing. */
  withdraw(tenantId: string, productId: string): Promise<Product>;
}
