/**
 * The office reports through the public API: instances driven through an SLA-bound workflow on
 * the durable engine, the figures checked against what was computed by hand from the office
 * calendar (08–12 and 13–16, Saturday to Wednesday).
 */
import { actor, createTestDesk, MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createOfficeReports, isStatdeskError, reportTable, solarMonthOf, solarMonthPeriod, solarMonthRange, withSla } from '../../src';
import { office, t } from '../calendar/fixtures';
import { quotePolicy, quoteRequestWorkflow } from '../sla/quote.workflow';

const tenantId = 'sci';
const applicant = actor('citizen-1', 'applicant');
const consultant = actor('consultant-1', 'consultant');
const HOUR = 3_600_000;

describe('Solar Hijri report months', () => {
  it('span midnight to midnight in Tehran, Esfand into the next year', () => {
    expect(solarMonthPeriod('1404-07')).toEqual({ month: '1404-07', from: new Date('2025-09-22T20:30:00Z'), to: new Date('2025-10-22T20:30:00Z') });
    expect(solarMonthPeriod('۱۴۰۳-۱۲')).toEqual({ month: '1403-12', from: new Date('2025-02-18T20:30:00Z'), to: new Date('2025-03-20T20:30:00Z') });
    expect(solarMonthOf(new Date('2025-10-22T20:29:59.999Z'))).toBe('1404-07');
    expect(solarMonthOf(new Date('2025-10-22T20:30:00Z'))).toBe('1404-08');
    expect(solarMonthRange('1403-11', '1404-02').map((m) => m.month)).toEqual(['1403-11', '1403-12', '1404-01', '1404-02']);
  });

  it('refuses a malformed month or a backwards range, naming the field', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return isStatdeskError(error, 'VALIDATION') ? error.issues.map((i) => i.path) : error;
      }
      return 'no error';
    };
    expect(issue(() => solarMonthPeriod('1404-13'))).toEqual(['month']);
    expect(issue(() => solarMonthRange('1404-02', '1404-01'))).toEqual(['to']);
    expect(issue(() => solarMonthRange('2025-01'))).toEqual(['from']);
    expect(issue(() => solarMonthRange('1400-01', '1404-01'))).toEqual(['to']);
  });
});

describe('office reports on the durable engine', () => {
  it('SLA compliance and volumes of Mehr 1404 match the hand-computed figures', async () => {
    const storage = new MemoryStorage();
    // Saturday 1404-07-12 08:00 Tehran.
    const clock = new TestClock(t('2025-10-04T08:00+03:30'));
    const { desk, advance } = createTestDesk({ workflows: [withSla(quoteRequestWorkflow, { policy: quotePolicy, calendar: office })], storage, clock });
    const create = async () => ({ tenantId, instanceId: (await desk.create({ tenantId, workflow: 'quote-request', actor: applicant })).instanceId });
    const send = (ref: { tenantId: string; instanceId: string }, event: { type: string } & Record<string, unknown>, who = consultant) => desk.send({ ...ref, actor: who, event });
    const [a, b, c, d] = [await create(), await create(), await create(), await create()];

    await advance(HOUR); // 09:00
    await send(a, { type: 'quote' }); // met after 1 business hour
    await send(b, { type: 'requestInfo', question: 'Which provinces?' }); // 1 h spent, then paused
    await advance(HOUR); // 10:00
    await send(d, { type: 'quote' }); // met after 2 h
    await advance(24 * HOUR); // Sunday 10:00; c's 4 h ran out on Saturday at 12:00: breached
    await send(b, { type: 'reply', answer: 'All of them' }, applicant);
    await advance(2.5 * HOUR); // Sunday 12:30: 10–12 counts, the lunch hour does not
    await send(b, { type: 'quote' }); // met after 1 h + 2 h = 3 h

    const reports = createOfficeReports({ storage });
    const mehr = solarMonthRange('1404-07');
    // Met after 1, 2 and 3 hours: the median is rank ⌈1.5⌉ = 2 (2 h), the p90 rank ⌈2.7⌉ = 3 (3 h).
    expect(await reports.slaCompliance(tenantId, mehr)).toEqual([
      { month: '1404-07', workflow: 'quote-request', policy: 'quote-request', target: 'quote', clock: 'business', bestEffort: false, met: 3, breached: 1, medianMsToMeet: 2 * HOUR, p90MsToMeet: 3 * HOUR },
    ]);
    expect(await reports.slaCompliance(tenantId, solarMonthRange('1404-08'))).toEqual([]);
    expect(await reports.slaCompliance('another-office', mehr)).toEqual([]);
    expect(await reports.volumes(tenantId, mehr)).toEqual([
      { month: '1404-07', workflow: 'quote-request', kind: null, state: 'quoted', count: 3 },
      { month: '1404-07', workflow: 'quote-request', kind: null, state: 'submitted', count: 1 },
    ]);

    // The same figures as people read them: 75 % met, hours not milliseconds, no keys.
    const table = reportTable('sla', await reports.slaCompliance(tenantId, mehr), 'fa', { workflow: () => ({ fa: 'استعلام هزینه', en: 'Quote request' }) });
    expect(table.columns[0]).toBe('ماه');
    expect(table.rows).toEqual([['1404-07', 'استعلام هزینه', 'quote', 3, 1, 75, 2, 3]]);
    expect(storage.oracle.history(c).some((h) => h.eventType === 'sla.breach')).toBe(true);
  });

  it('revenue nets refunds and satisfaction averages the ratings, in bigint Rial', async () => {
    const storage = new MemoryStorage();
    const at = new Date('2025-10-05T08:00:00Z'); // 1404-07-13
    const seed = (id: string, workflow: string, events: [string, unknown][]) =>
      storage.transaction(async (tx) => {
        await tx.insertInstance({
          tenantId, id, workflow, definitionVersion: '1', state: 'closed', status: 'active', ownerId: null, snapshot: null,
          version: 1, historySeq: events.length, historyHash: 'h', keys: [], createdAt: at, updatedAt: at,
        });
        for (const [i, [eventType, payload]] of events.entries()) {
          await tx.appendHistory({
            tenantId, instanceId: id, seq: i + 1, at, actorId: 'x', actorRole: 'system', eventType, fromState: null, toState: 'closed',
            definitionVersion: '1', payload: payload as never, prevHash: 'h', hash: 'h',
          });
        }
      });
    await seed('shop-1', 'shop-order', [['statdesk.create', {}], ['paymentVerified', { amountRial: { $bigint: '500000' } }], ['refund', { amountRial: { $bigint: '200000' } }]]);
    await seed('complaint-1', 'complaint', [['statdesk.create', { kind: 'complaint' }], ['rate', { score: 5 }]]);
    await seed('complaint-2', 'complaint', [['statdesk.create', { kind: 'question' }], ['rate', { score: 4 }]]);
    const reports = createOfficeReports({ storage });
    const month = solarMonthRange('1404-07');
    expect(await reports.revenue(tenantId, month)).toEqual([
      {
        month: '1404-07',
        lines: [
          { name: 'quotesPaid', count: 0, amountRial: 0n },
          { name: 'shopSales', count: 1, amountRial: 500_000n },
          { name: 'refunds', count: 1, amountRial: 200_000n },
        ],
        netRial: 300_000n,
      },
    ]);
    expect(await reports.satisfaction(tenantId, month)).toEqual([{ month: '1404-07', scores: [{ score: 4, count: 1 }, { score: 5, count: 1 }], count: 2, average: 4.5 }]);
    expect(reportTable('revenue', await reports.revenue(tenantId, month), 'en').rows.at(-1)).toEqual(['1404-07', 'Net', null, 300_000n]);
  });
});
