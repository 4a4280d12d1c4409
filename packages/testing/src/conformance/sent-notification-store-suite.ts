/**
 * The sent-notification-store conformance suite: what every `SentNotificationStore` adapter must
 * do, as named tests derived from the port's contract. Run it from your adapter's test file:
 *
 *   describeSentNotificationStoreConformance({
 *     name: 'my-adapter',
 *     setup: async () => ({ store, oracle, teardown }),
 *   });
 *
 * The optional oracle counts the records the backend holds (not through the adapter under
 * test), so a repeated `record` can be seen to have added nothing. A test can be disabled only
 * with a written reason.
 */
import { describe, expect } from 'vitest';
import { namedTest } from './named-test';
import type { SentNotification, SentNotificationStore } from '@statdesk/core';

type Awaitable<T> = T | Promise<T>;

/** Reads the sent-notification store's backend directly. */
export interface SentNotificationStoreOracle {
  /** How many sent-notification records the backend holds. */
  count(): Awaitable<number>;
}

/** The sent-notification store to test, with its oracle and clean-up. */
export interface SentNotificationStoreUnderTest {
  /** The adapter under test. */
  store: SentNotificationStore;
  /** Direct reads of its backend; the checks that need one are skipped without it. */
  oracle?: SentNotificationStoreOracle;
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** The names of the sent-notification store conformance tests, in order. */
export const sentNotificationStoreConformanceTests = [
  'record then find returns the record',
  'a record without a provider message id has none',
  'an unknown key finds nothing',
  'recording a key again keeps the first record and does not fail',
  'concurrent records of one key: all resolve, the record is one of them',
  'keys are exact: case, Unicode, long keys',
  'returns copies, not live references',
  'an intent is found as sending; a record replaces it; an intent never replaces a record',
] as const;

/** The name of one sent-notification store conformance test. */
export type SentNotificationStoreConformanceTest = (typeof sentNotificationStoreConformanceTests)[number];

/** Options of {@link describeSentNotificationStoreConformance}. */
export interface SentNotificationStoreConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty store for each test. */
  setup: () => Promise<SentNotificationStoreUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<SentNotificationStoreConformanceTest, string>>;
}

const T0 = new Date('2025-03-22T05:30:00.123Z');

function sent(idempotencyKey: string, overrides: Partial<SentNotification> = {}): SentNotification {
  return {
    idempotencyKey,
    channel: 'email',
    template: 'information-order.quoted',
    providerMessageId: `<${idempotencyKey.length}.msg@mail.example.ir>`,
    sentAt: new Date(T0),
    ...overrides,
  };
}

/**
 * Registers the sent-notification store conformance suite with vitest for your adapter: record then find,
 * first record wins, exact keys, copies not references.
 */
export function describeSentNotificationStoreConformance(options: SentNotificationStoreConformanceOptions): void {
  const test = namedTest<SentNotificationStoreConformanceTest, SentNotificationStoreUnderTest>(options);

  describe(`sent-notification-store conformance: ${options.name}`, () => {
    test('record then find returns the record', async ({ store, oracle }) => {
      const record = sent('tenant-a:order-1:3:0', { channel: 'sms', template: 'complaint.answered', providerMessageId: '8812093' });
      await store.record(record);
      const found = await store.find(record.idempotencyKey);
      expect(found).toStrictEqual(record);
      expect(found!.sentAt).toBeInstanceOf(Date);
      expect(found!.sentAt.getTime()).toBe(T0.getTime());
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('a record without a provider message id has none', async ({ store }) => {
      const { providerMessageId: _none, ...record } = sent('tenant-a:order-2:1:0');
      await store.record(record);
      const found = await store.find(record.idempotencyKey);
      expect(found).toStrictEqual(record);
      expect(Object.hasOwn(found!, 'providerMessageId')).toBe(false);
    });

    test('an unknown key finds nothing', async ({ store }) => {
      expect(await store.find('tenant-a:nothing:1:0')).toBeUndefined();
      await store.record(sent('tenant-a:order-3:1:0'));
      expect(await store.find('tenant-a:order-3:1')).toBeUndefined();
      expect(await store.find('tenant-a:order-3:1:0:')).toBeUndefined();
    });

    test('recording a key again keeps the first record and does not fail', async ({ store, oracle }) => {
      const first = sent('tenant-a:order-4:2:1', { providerMessageId: 'first' });
      await store.record(first);
      await store.record(sent(first.idempotencyKey, { providerMessageId: 'second', channel: 'sms', template: 'other', sentAt: new Date(T0.getTime() + 5000) }));
      const { providerMessageId: _none, ...bare } = sent(first.idempotencyKey);
      await store.record(bare);
      expect(await store.find(first.idempotencyKey)).toStrictEqual(first);
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('concurrent records of one key: all resolve, the record is one of them', async ({ store, oracle }) => {
      for (let round = 0; round < 3; round++) {
        const key = `tenant-a:race-${round}:1:0`;
        const candidates = [0, 1, 2, 3, 4].map((i) => sent(key, { providerMessageId: `provider-${i}`, sentAt: new Date(T0.getTime() + i) }));
        await Promise.all(candidates.map((c) => store.record(c)));
        const found = await store.find(key);
        const winner = candidates.findIndex((c) => c.providerMessageId === found?.providerMessageId);
        expect(winner, 'the kept record is one of the recorded ones').toBeGreaterThanOrEqual(0);
        expect(found).toStrictEqual(candidates[winner]);
        // Later records do not replace it.
        await store.record(sent(key, { providerMessageId: 'late' }));
        expect(await store.find(key)).toStrictEqual(candidates[winner]);
      }
      if (oracle) expect(await oracle.count()).toBe(3);
    });

    test('keys are exact: case, Unicode, long keys', async ({ store }) => {
      const keys = ['Tenant-A:order:1:0', 'tenant-a:order:1:0', 'tenant-a:سفارش-۱۴۰۳:1:0', `tenant-a:${'x'.repeat(280)}:99:12`, 'key with spaces and %20'];
      for (const [i, key] of keys.entries()) await store.record(sent(key, { providerMessageId: `id-${i}` }));
      for (const [i, key] of keys.entries()) expect((await store.find(key))?.providerMessageId, key).toBe(`id-${i}`);
    });

    test('returns copies, not live references', async ({ store }) => {
      const record = sent('tenant-a:order-5:1:0');
      const expected = structuredClone(record);
      await store.record(record);
      record.template = 'mutated input';
      record.sentAt.setTime(0);
      const found = (await store.find(expected.idempotencyKey))!;
      found.template = 'mutated output';
      found.sentAt.setTime(0);
      expect(await store.find(expected.idempotencyKey)).toStrictEqual(expected);
    });

    test('an intent is found as sending; a record replaces it; an intent never replaces a record', async ({ store, oracle }) => {
      if (!store.recordIntent) return expect(store.recordIntent).toBeUndefined();
      const key = 'tenant-a:order-6:1:0';
      await store.recordIntent({ idempotencyKey: key, channel: 'sms', template: 'complaint.answered', sentAt: new Date(T0) });
      await store.recordIntent({ idempotencyKey: key, channel: 'email', template: 'other', sentAt: new Date(T0.getTime() + 1) });
      expect(await store.find(key)).toStrictEqual({ idempotencyKey: key, channel: 'sms', template: 'complaint.answered', sentAt: new Date(T0), state: 'sending' });
      const record = sent(key, { channel: 'sms', template: 'complaint.answered', providerMessageId: '9911', sentAt: new Date(T0.getTime() + 2000) });
      await store.record(record);
      expect(await store.find(key)).toStrictEqual(record);
      await store.recordIntent({ idempotencyKey: key, channel: 'sms', template: 'complaint.answered', sentAt: new Date(T0.getTime() + 9000) });
      await store.record(sent(key, { providerMessageId: 'late' }));
      expect(await store.find(key)).toStrictEqual(record);
      if (oracle) expect(await oracle.count()).toBe(1);
    });
  });
}
