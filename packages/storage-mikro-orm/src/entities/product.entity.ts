import { EntitySchema } from '@mikro-orm/core';

/**
 * A catalogue product. The price is whole Rial as decimal digits in text, so any bigint comes
 * back exactly (a SQLite integer column would hand large values back as a rounded number).
 */
export interface ProductRow {
  tenantId: string;
  id: string;
  kind: string;
  format: string;
  title: string;
  priceRial: string;
  status: string;
  fileKey: string | null;
}

/** Table `statdesk_products`: the shop's catalogue per tenant; the price is exact decimal text of Rial. */
export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'StatdeskProduct',
  tableName: 'statdesk_products',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    id: { type: 'string', length: 100, primary: true },
    kind: { type: 'string', length: 20 },
    format: { type: 'string', length: 20 },
    title: { type: 'string', length: 300 },
    priceRial: { type: 'string', length: 40 },
    status: { type: 'string', length: 20 },
    fileKey: { type: 'string', length: 500, nullable: true },
  },
  indexes: [{ name: 'statdesk_products_listing_idx', properties: ['tenantId', 'status', 'kind', 'id'] }],
});
