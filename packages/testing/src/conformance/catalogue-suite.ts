/**
 * The catalogue conformance suite: what every `Catalogue` adapter must do, as named tests derived
 * from the port's contract. Run it from your adapter's test file:
 *
 *   describeCatalogueConformance({
 *     name: 'my-adapter',
 *     setup: async () => ({ catalogue, oracle, teardown }),
 *   });
 *
 * The optional oracle counts what the backend holds (not through the adapter under test), so a
 * refused `put` can be seen to have written nothing. A test can be disabled only with a written
 * reason.
 */
import { describe, expect } from 'vitest';
import { namedTest } from './named-test';
import { NotFoundError, ValidationError, type Catalogue, type Product } from '@statdesk/core';

type Awaitable<T> = T | Promise<T>;

/** Reads the catalogue's backend directly, so the suite can check what the adapter really stored. */
export interface CatalogueOracle {
  /** How many products the backend holds, all tenants together. */
  count(): Awaitable<number>;
}

/** The catalogue to test, with its oracle and clean-up. */
export interface CatalogueUnderTest {
  /** The adapter under test. */
  catalogue: Catalogue;
  /** Direct reads of its backend; the checks that need one are skipped without it. */
  oracle?: CatalogueOracle;
  /** Called once the test is done (drop a schema, close a pool). */
  teardown?: () => Promise<void>;
}

/**
 * The names of the catalogue conformance tests, in order; pick them with `only` or leave some out with
 * `skip`.
 */
export const catalogueConformanceTests = [
  'put then get returns the product',
  'keeps prices exact beyond 2^53 Rial',
  'a physical product has no fileKey',
  'put returns what get will return',
  'put replaces by id',
  'put validates, naming the field, storing nothing',
  'withdraw takes a product off sale and keeps it',
  'withdrawing a missing product is NotFoundError',
  'an unknown id reads as undefined',
  'tenants are isolated',
  'lists in ascending id order, by code point',
  'lists filtered by status and kind',
  'lists paginated with after and nextAfter',
  'list limit: default 100, from 1 to 1000',
  'concurrent puts of one id store one of them whole',
  'returns copies, not live references',
] as const;

/** The name of one catalogue conformance test. */
export type CatalogueConformanceTest = (typeof catalogueConformanceTests)[number];

/** Options of {@link describeCatalogueConformance}. */
export interface CatalogueConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty catalogue for each test. */
  setup: () => Promise<CatalogueUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<CatalogueConformanceTest, string>>;
}

const T = 'tenant-a';

/** A digital statistical file on sale; override what a test needs. */
export function sampleProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'census-1395-tehran',
    kind: 'file',
    format: 'digital',
    title: 'نتایج سرشماری ۱۳۹۵ — استان تهران',
    priceRial: 1_250_000n,
    status: 'active',
    fileKey: 'products/census-1395-tehran.xlsx',
    ...overrides,
  };
}

/** A posted book; override what a test needs. */
export function sampleBook(id: string, overrides: Partial<Product> = {}): Product {
  const { fileKey: _digitalOnly, ...book } = sampleProduct({ id, kind: 'book', format: 'physical', title: `سالنامه آماری ${id}`, priceRial: 3_400_000n });
  return { ...book, ...overrides };
}

async function expectValidation(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ValidationError naming ${field}`).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fields).toContain(field);
}

const ids = (products: Product[]) => products.map((p) => p.id);

/**
 * Registers the catalogue conformance suite with vitest for your adapter: products by id, listing and paging
 * per tenant, withdrawal, validation, concurrent writes, copies not references.
 */
export function describeCatalogueConformance(options: CatalogueConformanceOptions): void {
  const test = namedTest<CatalogueConformanceTest, CatalogueUnderTest>(options);

  describe(`catalogue conformance: ${options.name}`, () => {
    test('put then get returns the product', async ({ catalogue, oracle }) => {
      const product = sampleProduct();
      await catalogue.put(T, product);
      const back = await catalogue.get(T, product.id);
      expect(back).toStrictEqual(product);
      expect(typeof back!.priceRial).toBe('bigint');
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('keeps prices exact beyond 2^53 Rial', async ({ catalogue }) => {
      const price = 2n ** 53n + 1n;
      await catalogue.put(T, sampleProduct({ priceRial: price }));
      expect((await catalogue.get(T, 'census-1395-tehran'))?.priceRial).toBe(price);
      expect((await catalogue.list(T)).products[0]?.priceRial).toBe(price);
    });

    test('a physical product has no fileKey', async ({ catalogue }) => {
      const book = sampleBook('yearbook-1402');
      await catalogue.put(T, book);
      const back = await catalogue.get(T, book.id);
      expect(back).toStrictEqual(book);
      expect(Object.hasOwn(back!, 'fileKey')).toBe(false);
      expect(Object.hasOwn((await catalogue.list(T)).products[0]!, 'fileKey')).toBe(false);
    });

    test('put returns what get will return', async ({ catalogue }) => {
      // The schema trims titles: the stored, validated product is what comes back.
      const stored = await catalogue.put(T, sampleProduct({ title: '  سالنامه آماری کشور  ' }));
      expect(stored.title).toBe('سالنامه آماری کشور');
      expect(await catalogue.get(T, stored.id)).toStrictEqual(stored);
    });

    test('put replaces by id', async ({ catalogue, oracle }) => {
      await catalogue.put(T, sampleProduct());
      const replacement = sampleBook('census-1395-tehran', { title: 'Printed edition', priceRial: 9_000_000n, kind: 'publication' });
      await catalogue.put(T, replacement);
      const back = await catalogue.get(T, replacement.id);
      expect(back).toStrictEqual(replacement);
      expect(ids((await catalogue.list(T)).products)).toEqual([replacement.id]);
      if (oracle) expect(await oracle.count()).toBe(1);
      // A withdrawn product can be put back on sale by putting it again.
      await catalogue.withdraw(T, replacement.id);
      await catalogue.put(T, replacement);
      expect((await catalogue.get(T, replacement.id))?.status).toBe('active');
    });

    test('put validates, naming the field, storing nothing', async ({ catalogue, oracle }) => {
      await expectValidation(catalogue.put(T, sampleProduct({ priceRial: 0n })), 'priceRial');
      await expectValidation(catalogue.put(T, sampleProduct({ priceRial: -5n })), 'priceRial');
      await expectValidation(catalogue.put(T, sampleProduct({ priceRial: 1000 as unknown as bigint })), 'priceRial');
      await expectValidation(catalogue.put(T, sampleProduct({ id: 'Upper Case' })), 'id');
      await expectValidation(catalogue.put(T, sampleProduct({ title: '   ' })), 'title');
      await expectValidation(catalogue.put(T, sampleProduct({ kind: 'dvd' as Product['kind'] })), 'kind');
      await expectValidation(catalogue.put(T, sampleProduct({ fileKey: undefined })), 'fileKey');
      await expectValidation(catalogue.put(T, sampleBook('book-1', { fileKey: 'x.pdf' })), 'fileKey');
      await expectValidation(catalogue.put(T, sampleProduct({ kind: 'cd' })), 'format');
      expect(await catalogue.get(T, 'census-1395-tehran')).toBeUndefined();
      expect((await catalogue.list(T)).products).toEqual([]);
      if (oracle) expect(await oracle.count()).toBe(0);
      // A refused replacement leaves the stored product as it was.
      const stored = await catalogue.put(T, sampleProduct());
      await expectValidation(catalogue.put(T, sampleProduct({ priceRial: 0n, title: 'changed' })), 'priceRial');
      expect(await catalogue.get(T, stored.id)).toStrictEqual(stored);
    });

    test('withdraw takes a product off sale and keeps it', async ({ catalogue, oracle }) => {
      const product = await catalogue.put(T, sampleProduct());
      const withdrawn = await catalogue.withdraw(T, product.id);
      expect(withdrawn).toStrictEqual({ ...product, status: 'withdrawn' });
      expect(await catalogue.get(T, product.id)).toStrictEqual(withdrawn);
      expect(ids((await catalogue.list(T, { status: 'active' })).products)).toEqual([]);
      expect(ids((await catalogue.list(T, { status: 'withdrawn' })).products)).toEqual([product.id]);
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('withdrawing a missing product is NotFoundError', async ({ catalogue, oracle }) => {
      const error = await catalogue.withdraw(T, 'no-such-product').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NotFoundError);
      expect(await catalogue.get(T, 'no-such-product')).toBeUndefined();
      if (oracle) expect(await oracle.count()).toBe(0);
    });

    test('an unknown id reads as undefined', async ({ catalogue }) => {
      expect(await catalogue.get(T, 'nothing')).toBeUndefined();
      await catalogue.put(T, sampleProduct({ id: 'census-1395' }));
      // Ids are exact: no prefix or case-folded match.
      expect(await catalogue.get(T, 'census')).toBeUndefined();
      expect(await catalogue.get(T, 'census-1395-')).toBeUndefined();
      expect(await catalogue.get(T, 'CENSUS-1395')).toBeUndefined();
    });

    test('tenants are isolated', async ({ catalogue }) => {
      const a = await catalogue.put('tenant-a', sampleProduct({ priceRial: 100n }));
      const b = await catalogue.put('tenant-b', sampleProduct({ priceRial: 200n }));
      expect(await catalogue.get('tenant-a', a.id)).toStrictEqual(a);
      expect(await catalogue.get('tenant-b', b.id)).toStrictEqual(b);
      expect(await catalogue.get('tenant-c', a.id)).toBeUndefined();
      expect(await catalogue.get('Tenant-A', a.id)).toBeUndefined();
      expect((await catalogue.list('tenant-c')).products).toEqual([]);
      expect(await catalogue.withdraw('tenant-c', a.id).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
      await catalogue.withdraw('tenant-b', b.id);
      expect((await catalogue.get('tenant-a', a.id))?.status).toBe('active');
      expect((await catalogue.list('tenant-a')).products).toStrictEqual([a]);
    });

    test('lists in ascending id order, by code point', async ({ catalogue }) => {
      // Punctuation and digits order by code point ('-' < '.' < '0' < '_' < 'a'), whatever the
      // database's collation would say.
      const order = ['a-1', 'a.1', 'a0', 'a1', 'a10', 'a2', 'a_1', 'aa', 'b'];
      for (const id of [...order].reverse()) await catalogue.put(T, sampleBook(id));
      expect(ids((await catalogue.list(T)).products)).toEqual(order);
      expect(ids((await catalogue.list(T, { after: 'a1' })).products)).toEqual(['a10', 'a2', 'a_1', 'aa', 'b']);
      expect(ids((await catalogue.list(T, { after: 'a-' })).products)).toEqual(order);
    });

    test('lists filtered by status and kind', async ({ catalogue }) => {
      await catalogue.put(T, sampleProduct({ id: 'f1' }));
      await catalogue.put(T, sampleProduct({ id: 'f2' }));
      await catalogue.put(T, sampleBook('b1'));
      await catalogue.put(T, sampleBook('c1', { kind: 'cd' }));
      await catalogue.put(T, sampleBook('p1', { kind: 'publication' }));
      await catalogue.withdraw(T, 'f2');
      await catalogue.withdraw(T, 'b1');
      expect(ids((await catalogue.list(T)).products)).toEqual(['b1', 'c1', 'f1', 'f2', 'p1']);
      expect(ids((await catalogue.list(T, { status: 'active' })).products)).toEqual(['c1', 'f1', 'p1']);
      expect(ids((await catalogue.list(T, { status: 'withdrawn' })).products)).toEqual(['b1', 'f2']);
      expect(ids((await catalogue.list(T, { kind: 'file' })).products)).toEqual(['f1', 'f2']);
      expect(ids((await catalogue.list(T, { kind: 'file', status: 'active' })).products)).toEqual(['f1']);
      expect(ids((await catalogue.list(T, { kind: 'book', status: 'active' })).products)).toEqual([]);
      const page = await catalogue.list(T, { status: 'active', limit: 2 });
      expect(ids(page.products)).toEqual(['c1', 'f1']);
      expect(page.nextAfter).toBe('f1');
      const rest = await catalogue.list(T, { status: 'active', limit: 2, after: page.nextAfter! });
      expect(ids(rest.products)).toEqual(['p1']);
      expect(rest.nextAfter).toBeUndefined();
    });

    test('lists paginated with after and nextAfter', async ({ catalogue }) => {
      const all = Array.from({ length: 23 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
      for (const id of all) await catalogue.put(T, sampleBook(id));
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await catalogue.list(T, { limit: 5, ...(after !== undefined ? { after } : {}) });
        pages++;
        expect(page.products.length).toBeLessThanOrEqual(5);
        seen.push(...ids(page.products));
        if (page.nextAfter !== undefined) expect(page.nextAfter).toBe(page.products.at(-1)?.id);
        after = page.nextAfter;
      } while (after !== undefined && pages < 10);
      expect(seen).toEqual(all);
      // A short last page says nothing more follows.
      expect((await catalogue.list(T, { limit: 5, after: 'item-019' })).nextAfter).toBeUndefined();
      // Reading past the end is an empty page, not an error.
      expect(await catalogue.list(T, { after: 'item-999' })).toEqual({ products: [] });
    });

    test('list limit: default 100, from 1 to 1000', async ({ catalogue }) => {
      for (let i = 0; i < 101; i++) await catalogue.put(T, sampleBook(`p-${String(i).padStart(3, '0')}`));
      const first = await catalogue.list(T);
      expect(first.products).toHaveLength(100);
      expect(first.nextAfter).toBe('p-099');
      expect(ids((await catalogue.list(T, { after: first.nextAfter! })).products)).toEqual(['p-100']);
      expect((await catalogue.list(T, { limit: 1000 })).products).toHaveLength(101);
      expect((await catalogue.list(T, { limit: 1 })).products).toHaveLength(1);
      await expectValidation(catalogue.list(T, { limit: 0 }), 'limit');
      await expectValidation(catalogue.list(T, { limit: 1001 }), 'limit');
      await expectValidation(catalogue.list(T, { limit: 2.5 }), 'limit');
    });

    test('concurrent puts of one id store one of them whole', async ({ catalogue }) => {
      const candidates = [0, 1, 2, 3, 4].map((i) =>
        i % 2 === 0 ? sampleProduct({ id: 'race', title: `digital ${i}`, priceRial: BigInt(1000 + i) }) : sampleBook('race', { title: `book ${i}`, priceRial: BigInt(1000 + i) }),
      );
      const stored = await Promise.all(candidates.map((p) => catalogue.put(T, p)));
      const back = await catalogue.get(T, 'race');
      const winner = stored.findIndex((p) => p.title === back?.title);
      expect(winner, 'the stored product is one of the puts').toBeGreaterThanOrEqual(0);
      expect(back).toStrictEqual(candidates[winner]);
      expect((await catalogue.list(T)).products).toHaveLength(1);
    });

    test('returns copies, not live references', async ({ catalogue }) => {
      const input = sampleProduct();
      const stored = await catalogue.put(T, input);
      input.title = 'mutated input';
      stored.priceRial = 1n;
      const got = (await catalogue.get(T, input.id))!;
      got.status = 'withdrawn';
      const listed = (await catalogue.list(T)).products[0]!;
      listed.title = 'mutated listing';
      const withdrawn = await catalogue.withdraw(T, input.id);
      withdrawn.status = 'active';
      expect(await catalogue.get(T, input.id)).toStrictEqual({ ...sampleProduct(), status: 'withdrawn' });
    });
  });
}
