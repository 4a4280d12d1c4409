/**
 * `mikroOrmCatalogue`: the shop's products in `statdesk_products`, on the storage's own
 * connection pool. Products are validated with `parseProduct` before anything is written; a put
 * is one upsert, so concurrent puts of one id leave one of them whole. Listings are in code-point
 * id order on both dialects (`COLLATE "C"` on PostgreSQL, SQLite's binary order).
 */
import {
  NotFoundError,
  ValidationError,
  parseProduct,
  type Catalogue,
  type ListProductsOptions,
  type Product,
  type ProductListing,
} from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import type { Dialect } from './orm-config';
import type { SqlDatabase, SqlRow } from './sql/sql-database';

const COLUMNS = 'id, kind, format, title, price_rial, status, file_key';

function statements(dialect: Dialect) {
  const byId = dialect === 'postgresql' ? 'id COLLATE "C"' : 'id';
  return {
    get: `SELECT ${COLUMNS} FROM statdesk_products WHERE tenant_id = ? AND id = ?`,
    put: `INSERT INTO statdesk_products (tenant_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tenant_id, id) DO UPDATE SET kind = excluded.kind, format = excluded.format, title = excluded.title,
      price_rial = excluded.price_rial, status = excluded.status, file_key = excluded.file_key`,
    withdraw: `UPDATE statdesk_products SET status = 'withdrawn' WHERE tenant_id = ? AND id = ? RETURNING ${COLUMNS}`,
    list: (filters: string[]) =>
      `SELECT ${COLUMNS} FROM statdesk_products WHERE ${['tenant_id = ?', ...filters].join(' AND ')} ORDER BY ${byId} LIMIT ?`,
    after: `${byId} > ?`,
  };
}

/**
 * The shop catalogue in the storage's database (`statdesk_products`); create it with {@link
 * mikroOrmCatalogue}.
 */
export class MikroOrmCatalogue implements Catalogue {
  private readonly sql: ReturnType<typeof statements>;

  /** @internal use `mikroOrmCatalogue()`. */
  constructor(private readonly db: SqlDatabase) {
    this.sql = statements(db.dialect);
  }

  get(tenantId: string, productId: string): Promise<Product | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(this.sql.get, [tenantId, productId]);
      return row && product(row);
    });
  }

  async list(tenantId: string, options: ListProductsOptions = {}): Promise<ProductListing> {
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new ValidationError('product listing', [{ path: 'limit', message: 'must be a whole number from 1 to 1000' }]);
    }
    const filters: string[] = [];
    const params: unknown[] = [tenantId];
    if (options.status !== undefined) {
      filters.push('status = ?');
      params.push(options.status);
    }
    if (options.kind !== undefined) {
      filters.push('kind = ?');
      params.push(options.kind);
    }
    if (options.after !== undefined) {
      filters.push(this.sql.after);
      params.push(options.after);
    }
    params.push(limit + 1);
    return this.db.session(async (s) => {
      const matching = (await s.all(this.sql.list(filters), params)).map(product);
      const page = matching.slice(0, limit);
      return matching.length > limit ? { products: page, nextAfter: page.at(-1)!.id } : { products: page };
    });
  }

  async put(tenantId: string, candidate: Product): Promise<Product> {
    // Inside the async function: a bad product is a rejection, as the port says, not a throw.
    const valid = parseProduct(candidate);
    return this.db.session(async (s) => {
      await s.run(this.sql.put, [tenantId, valid.id, valid.kind, valid.format, valid.title, valid.priceRial.toString(), valid.status, valid.fileKey ?? null]);
      return { ...valid };
    });
  }

  withdraw(tenantId: string, productId: string): Promise<Product> {
    return this.db.session(async (s) => {
      const [row] = await s.all(this.sql.withdraw, [tenantId, productId]);
      if (!row) throw new NotFoundError('product', productId);
      return product(row);
    });
  }
}

function product(row: SqlRow): Product {
  return {
    id: String(row.id),
    kind: row.kind as Product['kind'],
    format: row.format as Product['format'],
    title: String(row.title),
    priceRial: BigInt(String(row.price_rial)),
    status: row.status as Product['status'],
    ...(row.file_key !== null && row.file_key !== undefined ? { fileKey: String(row.file_key) } : {}),
  };
}

/** A catalogue on the storage's database and connection pool; run the storage's migrations first. */
export function mikroOrmCatalogue(storage: MikroOrmStorage): MikroOrmCatalogue {
  return new MikroOrmCatalogue(storage.database);
}
