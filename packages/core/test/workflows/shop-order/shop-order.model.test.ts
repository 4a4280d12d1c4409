import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { shopOrderMachine, type OrderLine, type ShopOrderContext } from '../../../src';
import { machineCoverage } from './machine-coverage';

const digital: OrderLine = { lineId: '', productId: 'tables', kind: 'file', format: 'digital', title: 'Tables', unitPriceRial: 250_000n, quantity: 1, fileKey: 'f/tables' };
const physical: OrderLine = { lineId: '', productId: 'yearbook', kind: 'book', format: 'physical', title: 'Yearbook', unitPriceRial: 400_000n, quantity: 1 };
const at = new Date('2025-04-12T06:00:00Z');

/** The events a user, staff or the engine could send, with the server's fields filled in as enrich would. */
function orderEvents(snapshot: AnyMachineSnapshot): AnyEventObject[] {
  const c = snapshot.context as ShopOrderContext;
  const total = c.pricing?.totalRial ?? 0n;
  const paid = c.payment?.amountRial ?? 0n;
  const events: AnyEventObject[] = [];
  // Bounded cart and attempts: each product at most once, lines numbered up to 3, two payments.
  if (c.nextLine > 3) return otherEvents(c, total, paid);
  if (!c.lines.some((l) => l.productId === 'tables')) events.push({ type: 'addLine', productId: 'tables', quantity: 1, line: digital });
  if (!c.lines.some((l) => l.productId === 'yearbook')) events.push({ type: 'addLine', productId: 'yearbook', quantity: 1, line: physical });
  return [...events, ...otherEvents(c, total, paid)];
}

function otherEvents(c: ShopOrderContext, total: bigint, paid: bigint): AnyEventObject[] {
  const events: AnyEventObject[] = [];
  events.push({ type: 'removeLine', lineId: c.lines[0]?.lineId ?? 'L0' });
  events.push({
    type: 'place',
    customer: { fullName: 'Sara', mobile: '09121234567' },
    shipping: { address: 'Tehran', postalCode: '1414714141', destination: 'tehran' },
    lines: c.lines,
    pricing: { bookId: 'b', bookVersion: '1', productsRial: 1n, postageRial: 0n, vatRial: 0n, totalRial: 1_000n, pricedAt: at },
    payBy: at,
    particulars: 'v1.k1.sealed-by-enrich',
  });
  if (c.paymentAttempts < 2) events.push({ type: 'pay' });
  const grants = c.lines.filter((l) => l.format === 'digital').map((l) => ({ lineId: l.lineId, token: `t-${l.lineId}`, tokenHash: `h-${l.lineId}`, issuedAt: at, expiresAt: at, maxDownloads: 5, downloads: 0 }));
  events.push({ type: 'paymentVerified', paymentId: c.currentPaymentId ?? 'none', amountRial: total, refId: 'R1', grants });
  events.push({ type: 'paymentVerified', paymentId: c.currentPaymentId ?? 'none', amountRial: total + 1n, refId: 'R2', grants });
  events.push({ type: 'paymentFailed', paymentId: c.currentPaymentId ?? 'none', reason: 'cancelled' });
  events.push({ type: 'cancel', reason: 'changed my mind' });
  events.push({ type: 'ship', trackingCode: 'TRK-000001' }, { type: 'markDelivered' }, { type: 'markReturned', reason: 'unknown addressee' });
  if ((c.shipment?.trackingCodes.length ?? 0) < 2) events.push({ type: 'reship', trackingCode: 'TRK-000002' });
  events.push({ type: 'closeShipment', reason: 'lost' });
  if (c.downloads.every((g) => g.downloads === 0) && c.downloads[0]) events.push({ type: 'download', token: 't', lineId: c.downloads[0].lineId });
  if (c.refundedRial === 0n && paid > 1n) events.push({ type: 'refund', amountRial: 1n, reference: 'RF-1', reason: 'part' });
  if (paid > c.refundedRial) events.push({ type: 'refund', amountRial: paid - c.refundedRial, reference: 'RF-2', reason: 'rest' });
  return events;
}

describe('shop-order machine, model-based (xstate/graph)', () => {
  const machine = shopOrderMachine();
  const coverage = machineCoverage(machine, { input: { lines: [], orderNumber: 'SO-1', customerId: 'c1', pricedLines: [] }, events: orderEvents });

  it('reaches every state', () => {
    expect(coverage.snapshots).toBeGreaterThan(20);
    expect(coverage.unvisitedStates).toEqual([]);
  });

  it('takes every transition, every guarded branch and every timer', () => {
    expect(coverage.untakenTransitions).toEqual([]);
  });

  it('every final state is reachable; the shortest paths read like the service', () => {
    const byState = Object.fromEntries(coverage.pathsToFinal.map((p) => [p.state, p.events]));
    expect(Object.keys(byState).sort()).toEqual(['"cancelled"', '"closed"', '"refunded"']);
    expect(byState['"cancelled"']).toEqual(['cancel']);
    expect(byState['"closed"']).toEqual(['addLine', 'place', 'pay', 'paymentVerified', 'xstate.after.retention.shopOrder.completed']);
    expect(byState['"refunded"']).toEqual(['addLine', 'place', 'pay', 'paymentVerified', 'refund']);
  });
});
