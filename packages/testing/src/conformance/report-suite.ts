/**
 * The report conformance suite: what every `Storage` adapter's report reads must return (see
 * `ports/reports.ts` in `@statdesk/core`), checked against figures computed by hand from a small
 * fixture written through the port. Run it next to `describeStorageConformance`:
 *
 *   describeReportConformance({ name: 'my-adapter', setup: async () => ({ storage, teardown }) });
 */
import { describe, expect } from 'vitest';
import {
  isStatdeskError,
  type HistoryRecord,
  type InstanceRecord,
  type JsonValue,
  type ReportPeriod,
  type RevenueLine,
  type SlaOutcomeRecord,
  type Storage,
} from '@statdesk/core';
import { namedTest } from './named-test';

/** The names of the report conformance tests, in order. */
export const reportConformanceTests = [
  'SLA compliance: met, breached, nearest-rank median and p90 per target',
  'SLA outcomes are replaced by (instance, policy, target, cycle)',
  'volumes by workflow, kind and current state of instances created in the period',
  'revenue sums bigint Rial per line, the amount taken from the newest amount event',
  'satisfaction counts ratings per score',
  'a period that ends before it starts, or a field that is not a plain name, is a validation error',
] as const;

/** The name of one report conformance test. */
export type ReportConformanceTest = (typeof reportConformanceTests)[number];

/** A storage to test and how to dispose of it. */
export interface ReportStorageUnderTest {
  /** The adapter under test, empty. */
  storage: Storage;
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** Options of {@link describeReportConformance}. */
export interface ReportConformanceOptions {
  /** Label of the `describe` block. */
  name: string;
  /** A fresh, empty storage for each test. */
  setup: () => Promise<ReportStorageUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<ReportConformanceTest, string>>;
}

const T = 'tenant-r';
const OTHER = 'tenant-other';
const FROM = new Date('2025-03-01T00:00:00.000Z');
const TO = new Date('2025-04-01T00:00:00.000Z');
const PERIOD: ReportPeriod = { tenantId: T, from: FROM, to: TO };
const HOUR = 3_600_000;
const day = (d: number, hours = 0) => new Date(FROM.getTime() + (d - 1) * 24 * HOUR + hours * HOUR);
const BEFORE = new Date(FROM.getTime() - 1);
let counter = 0;

/** Revenue lines as the shipped workflows book them. */
const LINES: RevenueLine[] = [
  { name: 'quotesPaid', workflow: 'information-order', eventType: 'verifyPayment', amountEventType: 'submitReceipt', amountField: 'amount' },
  { name: 'shopSales', workflow: 'shop-order', eventType: 'paymentVerified', amountEventType: 'paymentVerified', amountField: 'amountRial' },
  { name: 'refunds', workflow: 'shop-order', eventType: 'refund', amountEventType: 'refund', amountField: 'amountRial' },
];

/** An instance with its history: each event `[type, at, payload]`, the first is the creation. */
async function seed(
  storage: Storage,
  spec: { tenantId?: string; workflow: string; state: string; createdAt?: Date; events: [string, Date, JsonValue][] },
): Promise<InstanceRecord> {
  const tenantId = spec.tenantId ?? T;
  const id = `r-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const createdAt = spec.createdAt ?? spec.events[0]![1];
  const last = spec.events[spec.events.length - 1]!;
  const instance: InstanceRecord = {
    tenantId, id, workflow: spec.workflow, definitionVersion: '1', state: spec.state, status: 'active', ownerId: null,
    snapshot: null, version: 1, historySeq: spec.events.length, historyHash: `h${spec.events.length}`, keys: [], createdAt, updatedAt: last[1],
  };
  const rows: HistoryRecord[] = spec.events.map(([eventType, at, payload], i) => ({
    tenantId, instanceId: id, seq: i + 1, at, actorId: 'a', actorRole: 'staff', eventType, fromState: i === 0 ? null : 'x', toState: spec.state,
    definitionVersion: '1', payload, prevHash: `h${i}`, hash: `h${i + 1}`,
  }));
  await storage.transaction(async (tx) => {
    await tx.insertInstance(instance);
    for (const row of rows) await tx.appendHistory(row);
  });
  return instance;
}

function outcome(overrides: Partial<SlaOutcomeRecord> & Pick<SlaOutcomeRecord, 'outcome' | 'decidedAt'>): SlaOutcomeRecord {
  const stopped = overrides.outcome === 'met';
  return {
    tenantId: T, instanceId: `o-${++counter}`, workflow: 'information-order', policy: 'io', target: 'answer', cycle: 0,
    stoppedAt: stopped ? overrides.decidedAt : null, elapsedMs: null, clock: 'business', bestEffort: false, ...overrides,
  };
}

const bigint = (value: bigint) => ({ $bigint: value.toString() });

/** Registers the report conformance tests for an adapter. */
export function describeReportConformance(options: ReportConformanceOptions): void {
  describe(`report conformance: ${options.name}`, () => {
    const test = namedTest<ReportConformanceTest, ReportStorageUnderTest>(options);

    test('SLA compliance: met, breached, nearest-rank median and p90 per target', async ({ storage }) => {
      const records: SlaOutcomeRecord[] = [
        // information-order/io/answer: five met (1 h … 5 h), two breached.
        outcome({ outcome: 'met', decidedAt: FROM, elapsedMs: 1 * HOUR }), // the period's first instant counts
        outcome({ outcome: 'met', decidedAt: day(3), elapsedMs: 5 * HOUR }),
        outcome({ outcome: 'met', decidedAt: day(4), elapsedMs: 3 * HOUR }),
        outcome({ outcome: 'met', decidedAt: day(5), elapsedMs: 2 * HOUR }),
        outcome({ outcome: 'met', decidedAt: day(31, 23), elapsedMs: 4 * HOUR }),
        outcome({ outcome: 'breached', decidedAt: day(6) }), // still running
        outcome({ outcome: 'breached', decidedAt: day(7), stoppedAt: day(8), elapsedMs: 9 * HOUR }),
        // Outside: the period's end, before it, another tenant.
        outcome({ outcome: 'met', decidedAt: TO, elapsedMs: 10 * HOUR }),
        outcome({ outcome: 'met', decidedAt: BEFORE, elapsedMs: 10 * HOUR }),
        outcome({ outcome: 'met', decidedAt: day(2), elapsedMs: 10 * HOUR, tenantId: OTHER }),
        // information-order/io/deliver: breached only.
        outcome({ outcome: 'breached', decidedAt: day(9), target: 'deliver' }),
        // complaint/complaint/firstResponse on the wall clock, best effort.
        outcome({ outcome: 'met', decidedAt: day(10), elapsedMs: 7 * 60_000, workflow: 'complaint', policy: 'complaint', target: 'firstResponse', clock: 'wall', bestEffort: true }),
      ];
      await storage.transaction((tx) => tx.recordSlaOutcomes(records));

      expect(await storage.reportSlaCompliance(PERIOD)).toEqual([
        { workflow: 'complaint', policy: 'complaint', target: 'firstResponse', clock: 'wall', bestEffort: true, met: 1, breached: 0, medianMsToMeet: 7 * 60_000, p90MsToMeet: 7 * 60_000 },
        // Sorted 1,2,3,4,5 h: the median is rank ⌈2.5⌉ = 3 (3 h), the p90 rank ⌈4.5⌉ = 5 (5 h).
        { workflow: 'information-order', policy: 'io', target: 'answer', clock: 'business', bestEffort: false, met: 5, breached: 2, medianMsToMeet: 3 * HOUR, p90MsToMeet: 5 * HOUR },
        { workflow: 'information-order', policy: 'io', target: 'deliver', clock: 'business', bestEffort: false, met: 0, breached: 1, medianMsToMeet: null, p90MsToMeet: null },
      ]);
      expect(await storage.reportSlaCompliance({ tenantId: 'nobody', from: FROM, to: TO })).toEqual([]);
    });

    test('SLA outcomes are replaced by (instance, policy, target, cycle)', async ({ storage }) => {
      const breachedRunning = outcome({ outcome: 'breached', decidedAt: day(2) });
      await storage.transaction((tx) => tx.recordSlaOutcomes([breachedRunning]));
      // Stopped late later: the same row, now with its elapsed time; a second cycle is a row of its own.
      await storage.transaction((tx) =>
        tx.recordSlaOutcomes([
          { ...breachedRunning, stoppedAt: day(3), elapsedMs: 30 * HOUR },
          { ...breachedRunning, cycle: 1, outcome: 'met', decidedAt: day(4), stoppedAt: day(4), elapsedMs: HOUR },
        ]),
      );
      // A rolled-back transaction writes nothing.
      await expect(
        storage.transaction(async (tx) => {
          await tx.recordSlaOutcomes([outcome({ outcome: 'met', decidedAt: day(5), elapsedMs: HOUR })]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await storage.reportSlaCompliance(PERIOD)).toEqual([
        { workflow: 'information-order', policy: 'io', target: 'answer', clock: 'business', bestEffort: false, met: 1, breached: 1, medianMsToMeet: HOUR, p90MsToMeet: HOUR },
      ]);
    });

    test('volumes by workflow, kind and current state of instances created in the period', async ({ storage }) => {
      await seed(storage, { workflow: 'information-order', state: 'submitted', events: [['statdesk.create', day(1), { request: 'x' }]] });
      await seed(storage, { workflow: 'information-order', state: 'submitted', events: [['statdesk.create', day(2), null]] });
      await seed(storage, { workflow: 'information-order', state: 'closed', events: [['statdesk.create', day(3), {}], ['close', day(4), {}]] });
      await seed(storage, { workflow: 'complaint', state: 'received', events: [['statdesk.create', day(5), { kind: 'complaint' }]] });
      await seed(storage, { workflow: 'complaint', state: 'received', events: [['statdesk.create', day(6), { kind: 'suggestion' }]] });
      await seed(storage, { workflow: 'complaint', state: 'received', events: [['statdesk.create', day(7), { kind: 'suggestion' }]] });
      // Outside: created before the period, another tenant.
      await seed(storage, { workflow: 'complaint', state: 'received', events: [['statdesk.create', BEFORE, { kind: 'complaint' }]] });
      await seed(storage, { tenantId: OTHER, workflow: 'complaint', state: 'received', events: [['statdesk.create', day(5), { kind: 'complaint' }]] });

      expect(await storage.reportVolumes(PERIOD)).toEqual([
        { workflow: 'complaint', kind: 'complaint', state: 'received', count: 1 },
        { workflow: 'complaint', kind: 'suggestion', state: 'received', count: 2 },
        { workflow: 'information-order', kind: null, state: 'closed', count: 1 },
        { workflow: 'information-order', kind: null, state: 'submitted', count: 2 },
      ]);
    });

    test('revenue sums bigint Rial per line, the amount taken from the newest amount event', async ({ storage }) => {
      const huge = 9_007_199_254_740_993n; // above 2^53: a double would round it
      await seed(storage, {
        workflow: 'information-order',
        state: 'preparing',
        events: [
          ['statdesk.create', BEFORE, {}],
          ['submitReceipt', BEFORE, { amount: bigint(1_000_000n) }],
          ['rejectReceipt', day(1), { reason: 'x' }],
          ['submitReceipt', day(2), { amount: bigint(1_200_000n) }],
          ['verifyPayment', day(3), {}],
        ],
      });
      await seed(storage, {
        workflow: 'information-order',
        state: 'preparing',
        events: [['statdesk.create', day(1), {}], ['submitReceipt', day(1), { amount: bigint(huge) }], ['verifyPayment', day(2), null]],
      });
      // Verified before the period; and a shop order's event of the same name is no quote.
      await seed(storage, {
        workflow: 'information-order',
        state: 'preparing',
        events: [['statdesk.create', BEFORE, {}], ['submitReceipt', BEFORE, { amount: bigint(5n) }], ['verifyPayment', BEFORE, {}]],
      });
      await seed(storage, {
        workflow: 'shop-order',
        state: 'paid',
        events: [
          ['statdesk.create', day(1), {}],
          ['submitReceipt', day(1), { amount: bigint(7n) }],
          ['verifyPayment', day(2), {}],
          ['paymentVerified', day(2), { amountRial: bigint(500_000n) }],
          ['refund', day(9), { amountRial: bigint(200_000n) }],
        ],
      });
      await seed(storage, { workflow: 'shop-order', state: 'paid', events: [['statdesk.create', day(4), {}], ['paymentVerified', day(4), { amountRial: 300_000 }]] });
      await seed(storage, { tenantId: OTHER, workflow: 'shop-order', state: 'paid', events: [['statdesk.create', day(4), {}], ['paymentVerified', day(4), { amountRial: bigint(1n) }]] });

      expect(await storage.reportRevenue(PERIOD, LINES)).toEqual([
        { name: 'quotesPaid', count: 2, amountRial: 1_200_000n + huge },
        { name: 'shopSales', count: 2, amountRial: 800_000n },
        { name: 'refunds', count: 1, amountRial: 200_000n },
      ]);
      expect(await storage.reportRevenue({ tenantId: 'nobody', from: FROM, to: TO }, LINES.slice(0, 1))).toEqual([{ name: 'quotesPaid', count: 0, amountRial: 0n }]);
    });

    test('satisfaction counts ratings per score', async ({ storage }) => {
      const rated = (score: JsonValue, at: Date, workflow = 'complaint', tenantId = T) =>
        seed(storage, { tenantId, workflow, state: 'closed', events: [['statdesk.create', BEFORE, { kind: 'complaint' }], ['rate', at, { score, comment: null }]] });
      await rated(5, day(1));
      await rated(5, day(2));
      await rated(4, day(3));
      await rated(1, day(31, 23));
      await rated(3, BEFORE);
      await rated(2, day(3), 'information-order');
      await rated(2, day(3), 'complaint', OTHER);
      await rated('5', day(3)); // not a number: not a score

      expect(await storage.reportSatisfaction(PERIOD, { workflow: 'complaint', eventType: 'rate', scoreField: 'score' })).toEqual([
        { score: 1, count: 1 },
        { score: 4, count: 1 },
        { score: 5, count: 2 },
      ]);
    });

    test('a period that ends before it starts, or a field that is not a plain name, is a validation error', async ({ storage }) => {
      const backwards = { tenantId: T, from: TO, to: FROM };
      const validation = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (isStatdeskError(error, 'VALIDATION') ? 'validation' : error));
      expect(await validation(storage.reportSlaCompliance(backwards))).toBe('validation');
      expect(await validation(storage.reportVolumes(backwards))).toBe('validation');
      expect(await validation(storage.reportRevenue(backwards, LINES))).toBe('validation');
      expect(await validation(storage.reportSatisfaction(backwards, { workflow: 'complaint', eventType: 'rate', scoreField: 'score' }))).toBe('validation');
      expect(await validation(storage.reportVolumes(PERIOD, "kind') OR 1=1 --"))).toBe('validation');
      expect(await validation(storage.reportRevenue(PERIOD, [{ ...LINES[0]!, amountField: 'a.b' }]))).toBe('validation');
      expect(await validation(storage.reportSatisfaction(PERIOD, { workflow: 'complaint', eventType: 'rate', scoreField: '$' }))).toBe('validation');
    });
  });
}
