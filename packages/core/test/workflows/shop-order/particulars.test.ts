/**
 * The shop order's checkout particulars at rest: sealed when the order is placed, opened only
 * for readers the desk lets read the order, readable across key rotation, erased on request with
 * the money and the history chain intact.
 */
import { actor, createTestDesk, testPersonalDataSealer, TEST_PERSONAL_DATA_KEY_ID } from '@statdesk/testing';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeJson,
  encodeJson,
  forgetShopCustomer,
  paymentWorkflow,
  personalDataSealer,
  readShopOrderParticulars,
  resealShopOrders,
  shopOrderWorkflow,
  staticProfileKeys,
  type PersonalDataSealer,
  type ShopOrderContext,
} from '../../../src';
import { clerk, customer, deliverCallback, finance, orderView, otherCustomer, particulars, placedOrder, shipping, shopHarness, startPayment, tenantId, type ShopHarness } from './shop-harness';

let h: ShopHarness;
afterEach(async () => {
  await h?.close();
});

const PLAIN = ['Sara Ahmadi', '09121234567', '9121234567', 'sara@example.ir', 'Fatemi', '1414714141'];
const privacyOfficer = actor('privacy-1', 'privacy-officer');
const ref = (instanceId: string) => ({ tenantId, instanceId });

/** Everything storage holds of an order: the instance row and its history, as text. */
async function storedText(harness: ShopHarness, instanceId: string): Promise<string> {
  return JSON.stringify([await harness.oracle.instance(ref(instanceId)), await harness.oracle.history(ref(instanceId))]);
}

/** The harness's services (catalogue, tariffs) with another sealer: a process deployed with other keys. */
function deskWith(harness: ShopHarness, sealer: PersonalDataSealer | undefined) {
  return createTestDesk({
    storage: harness.storage,
    clock: harness.clock,
    workflows: [shopOrderWorkflow(), paymentWorkflow()],
    services: { catalogue: harness.catalogue, tariffs: harness.tariffs, personalDataSealer: sealer },
  }).desk;
}

const keyBytes = { k1: randomBytes(32), k2: randomBytes(32) };
const lookupKey = randomBytes(32);

describe('shop-order particulars at rest', () => {
  it('are sealed when placed: the stored order and its history hold none of them, the view only the sealed value', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }], 'SO-SEAL-1');
    const stored = await storedText(h, orderId);
    for (const value of PLAIN) expect(stored).not.toContain(value);
    const view = await orderView(h, orderId);
    expect(view.particulars).toMatch(new RegExp(`^v1\\.${TEST_PERSONAL_DATA_KEY_ID}\\.`));
    expect(view).not.toHaveProperty('customer');
    expect(view).not.toHaveProperty('shipping');
    // History says what was left out, not even the sealed value.
    const place = (await h.historyOf(ref(orderId))).find((r) => r.eventType === 'place')!;
    expect((place.payload as Record<string, unknown>).$redacted).toEqual(expect.arrayContaining(['customer', 'shipping', 'particulars']));
    expect(JSON.stringify(place.payload)).not.toContain(view.particulars!);
  });

  it('open for the customer, shop staff and finance; another customer gets NOT_FOUND; a digital order keeps no address', async () => {
    h = await shopHarness();
    const sealer = testPersonalDataSealer();
    const posted = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }], 'SO-SEAL-2');
    for (const reader of [customer, clerk, finance]) {
      expect(await readShopOrderParticulars(h.desk, sealer, ref(posted), reader)).toEqual({ status: 'sealed', keyId: TEST_PERSONAL_DATA_KEY_ID, particulars: { ...particulars, shipping } });
    }
    await expect(readShopOrderParticulars(h.desk, sealer, ref(posted), otherCustomer)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Sent with an address, but nothing is posted: the address is not kept at all.
    await h.desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-SEAL-3', input: { lines: [{ productId: 'census-1395-tables' }] } });
    expect(await readShopOrderParticulars(h.desk, sealer, ref('SO-SEAL-3'), clerk)).toEqual({ status: 'not-placed' });
    await h.desk.send({ ...ref('SO-SEAL-3'), actor: customer, event: { type: 'place', ...particulars, shipping } });
    expect(await readShopOrderParticulars(h.desk, sealer, ref('SO-SEAL-3'), clerk)).toEqual({ status: 'sealed', keyId: TEST_PERSONAL_DATA_KEY_ID, particulars });
  });

  it('a desk without a sealer refuses to place (naming the service) and writes nothing', async () => {
    h = await shopHarness();
    await h.desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-BARE', input: { lines: [{ productId: 'census-1395-tables' }] } });
    const before = await h.oracle.instance(ref('SO-BARE'));
    const noSealer = deskWith(h, undefined);
    const refused = await noSealer.send({ ...ref('SO-BARE'), actor: customer, event: { type: 'place', ...particulars } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'DEFINITION', message: expect.stringContaining('"personalDataSealer"') });
    expect(await h.oracle.instance(ref('SO-BARE'))).toEqual(before);
  });

  it('are bound to their order: copied into another order they do not open', async () => {
    h = await shopHarness();
    const sealer = testPersonalDataSealer();
    const first = await placedOrder(h, [{ productId: 'census-1395-tables' }], 'SO-BIND-1');
    const second = await placedOrder(h, [{ productId: 'census-1395-tables' }], 'SO-BIND-2');
    const stolen = (await orderView(h, first)).particulars!;
    await h.storage.transaction(async (tx) => {
      const record = (await tx.loadInstance(ref(second)))!;
      const snapshot = decodeJson(record.snapshot) as { context: ShopOrderContext };
      await tx.updateInstance({ ...record, snapshot: encodeJson({ ...snapshot, context: { ...snapshot.context, particulars: stolen } }), version: record.version + 1 }, record.version);
    });
    await expect(readShopOrderParticulars(h.desk, sealer, ref(second), clerk)).rejects.toMatchObject({ code: 'DEFINITION', message: expect.stringContaining('integrity') });
    await expect(readShopOrderParticulars(h.desk, sealer, ref(first), clerk)).resolves.toMatchObject({ status: 'sealed' });
  });

  it('survive key rotation: old orders open while their key is listed, new ones use the new key, a retired key is named, resealShopOrders moves old ones', async () => {
    h = await shopHarness();
    const k1 = personalDataSealer(staticProfileKeys({ current: { id: 'k1', key: keyBytes.k1 }, lookupKey }));
    const both = personalDataSealer(staticProfileKeys({ current: { id: 'k2', key: keyBytes.k2 }, previous: [{ id: 'k1', key: keyBytes.k1 }], lookupKey }));
    const k2only = personalDataSealer(staticProfileKeys({ current: { id: 'k2', key: keyBytes.k2 }, lookupKey }));
    const before = deskWith(h, k1);
    await before.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-OLD', input: { lines: [{ productId: 'census-1395-tables' }] } });
    await before.send({ ...ref('SO-OLD'), actor: customer, event: { type: 'place', ...particulars } });

    const after = deskWith(h, both);
    await after.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-NEW', input: { lines: [{ productId: 'census-1395-tables' }] } });
    await after.send({ ...ref('SO-NEW'), actor: customer, event: { type: 'place', ...particulars } });
    expect(await readShopOrderParticulars(after, both, ref('SO-OLD'), clerk)).toEqual({ status: 'sealed', keyId: 'k1', particulars });
    expect(await readShopOrderParticulars(after, both, ref('SO-NEW'), clerk)).toEqual({ status: 'sealed', keyId: 'k2', particulars });
    await expect(readShopOrderParticulars(after, k2only, ref('SO-OLD'), clerk)).rejects.toMatchObject({ code: 'DEFINITION', message: expect.stringContaining('key k1') });

    // Re-seal: old orders move to k2 (history untouched), then k1 can go; a second run changes nothing.
    await after.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-CART', input: { lines: [] } });
    const historyBefore = await h.historyOf(ref('SO-OLD'));
    expect(await resealShopOrders({ storage: h.storage, sealer: both, clock: h.clock }, { tenantId })).toEqual({ resealed: 1, current: 1, without: 1 });
    expect(await readShopOrderParticulars(after, k2only, ref('SO-OLD'), clerk)).toEqual({ status: 'sealed', keyId: 'k2', particulars });
    expect(await h.historyOf(ref('SO-OLD'))).toEqual(historyBefore);
    expect(await after.verifyHistory(ref('SO-OLD'))).toMatchObject({ ok: true });
    expect(await resealShopOrders({ storage: h.storage, sealer: both, clock: h.clock }, { tenantId })).toEqual({ resealed: 0, current: 2, without: 1 });
    await expect(resealShopOrders({ storage: h.storage, sealer: both }, { tenantId: '' })).rejects.toMatchObject({ code: 'VALIDATION', fields: ['tenantId'] });
  });

  it('erasure anonymises every order of the customer, keeps prices, payments and a verifying history, and is idempotent', async () => {
    h = await shopHarness();
    const sealer = testPersonalDataSealer();
    const paid = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }], 'SO-ERASE-PAID');
    const payment = await startPayment(h, paid);
    await deliverCallback(h, h.sim.pay(payment.authority!));
    await h.desk.send({ ...ref(paid), actor: clerk, event: { type: 'ship', trackingCode: 'TRK-123456' } });
    const waiting = await placedOrder(h, [{ productId: 'census-1395-tables' }], 'SO-ERASE-WAITING');
    await h.desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-ERASE-CART', input: { lines: [] } });
    await h.desk.create({ tenantId, workflow: 'shop-order', actor: otherCustomer, instanceId: 'SO-OTHER', input: { lines: [{ productId: 'census-1395-tables' }] } });
    await h.desk.send({ ...ref('SO-OTHER'), actor: otherCustomer, event: { type: 'place', ...particulars } });
    await h.advance({ days: 45 }); // the paid order stays shipped; the unpaid one is cancelled
    expect((await orderView(h, waiting, finance)).state).toBe('cancelled');
    const money = async (id: string) => {
      const { pricing, payment, refunds, refundedRial, lines, state } = await orderView(h, id, finance);
      return { pricing, payment, refunds, refundedRial, lines, state };
    };
    const moneyBefore = { paid: await money(paid), waiting: await money(waiting) };
    const historyBefore = await h.historyOf(ref(paid));

    // Only the privacy role may erase; bad input names the field.
    await expect(forgetShopCustomer({ storage: h.storage, clock: h.clock }, { tenantId, customerId: customer.id, actor: clerk })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(forgetShopCustomer({ storage: h.storage, clock: h.clock }, { tenantId, customerId: ' ', actor: privacyOfficer })).rejects.toMatchObject({ code: 'VALIDATION', fields: ['customerId'] });

    const report = await forgetShopCustomer({ storage: h.storage, clock: h.clock }, { tenantId, customerId: customer.id, actor: privacyOfficer });
    expect(report).toEqual({ erased: expect.arrayContaining([paid, waiting]), unchanged: 1 });
    expect(report.erased).toHaveLength(2);
    for (const id of [paid, waiting]) {
      expect(await readShopOrderParticulars(h.desk, sealer, ref(id), finance)).toEqual({ status: 'erased', erasedAt: h.clock.now() });
      expect(await h.desk.verifyHistory(ref(id))).toMatchObject({ ok: true });
      expect((await orderView(h, id, finance)).particulars).toBeUndefined();
    }
    expect({ paid: await money(paid), waiting: await money(waiting) }).toEqual(moneyBefore);
    // The old rows are untouched; one row says what was erased and who did it.
    const historyAfter = await h.historyOf(ref(paid));
    expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(historyAfter.slice(historyBefore.length)).toMatchObject([{ eventType: 'statdesk.erasePersonalData', actorId: privacyOfficer.id, actorRole: 'privacy-officer', payload: { erased: ['particulars'] } }]);
    // Another customer's order keeps its particulars.
    expect(await readShopOrderParticulars(h.desk, sealer, ref('SO-OTHER'), clerk)).toMatchObject({ status: 'sealed' });

    // The paid order goes on: delivered and completed as before.
    await h.desk.send({ ...ref(paid), actor: clerk, event: { type: 'markDelivered' } });
    expect((await orderView(h, paid, finance)).state).toBe('completed');

    // Again: nothing to erase, nothing written.
    const rows = (await h.historyOf(ref(paid))).length;
    expect(await forgetShopCustomer({ storage: h.storage, clock: h.clock }, { tenantId, customerId: customer.id, actor: privacyOfficer })).toEqual({ erased: [], unchanged: 3 });
    expect(await h.historyOf(ref(paid))).toHaveLength(rows);
  });

  it('erasure racing commands on the same order loses neither', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }], 'SO-RACE');
    const pay = () => h.desk.send({ ...ref(orderId), actor: customer, event: { type: 'pay' } });
    const [erased, paid] = await Promise.all([
      forgetShopCustomer({ storage: h.storage, clock: h.clock }, { tenantId, customerId: customer.id, actor: privacyOfficer }),
      pay().catch((e: unknown) => e),
    ]);
    expect(erased.erased).toEqual([orderId]);
    // The erasure re-reads and retries; a command that lost the race is refused whole (the desk's
    // default: no retries), and the client's retry then applies on top of the erasure.
    if (paid instanceof Error) {
      expect(paid).toMatchObject({ code: 'CONFLICT' });
      await pay();
    }
    const events = (await h.historyOf(ref(orderId))).map((r) => r.eventType);
    expect(events).toEqual(expect.arrayContaining(['pay', 'statdesk.erasePersonalData']));
    expect(await h.desk.verifyHistory(ref(orderId))).toMatchObject({ ok: true });
    const order = await orderView(h, orderId, finance);
    expect(order.particulars).toBeUndefined();
    expect(order.paymentAttempts).toBe(1);
  });
});
