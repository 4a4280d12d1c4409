import { describe, expect, it } from 'vitest';
import { contextOf, createWorld, maryam, orderAt, send, stateOf, steps, tenantId, type OrderWorld } from './harness';

/** The next step from each waiting state towards a closed order, as its actor takes it. */
async function step(w: OrderWorld, id: string): Promise<void> {
  const state = await stateOf(w, id);
  switch (state) {
    case 'draft':
      return void (await steps.submit(w, id));
    case 'submitted':
      return void (await steps.ask(w, id));
    case 'consultation.awaitingApplicant':
      return void (await steps.reply(w, id));
    case 'consultation.open':
      return void (await steps.accept(w, id));
    case 'accepted':
    case 'quoteExpired':
      return void (await steps.quote(w, id));
    case 'quoted':
      return void (await steps.acceptQuote(w, id));
    case 'payment.awaitingReceipt':
    case 'payment.receiptRejected':
      return void (await steps.submitReceipt(w, id));
    case 'payment.receiptSubmitted':
      return void (await steps.verify(w, id));
    case 'paymentVerified':
      return void (await steps.startPreparation(w, id));
    case 'inPreparation':
      return void ((await contextOf(w, id)).delivery.files.length ? await steps.deliver(w, id) : await steps.attach(w, id));
    case 'delivered':
      await steps.download(w, id);
      return void (await send(w, id, maryam, { type: 'close' }));
    default:
      throw new Error(`no next step from ${state}`);
  }
}

async function finish(w: OrderWorld, id: string): Promise<void> {
  for (let i = 0; i < 20 && (await stateOf(w, id)) !== 'closed'; i++) await step(w, id);
  expect(await stateOf(w, id)).toBe('closed');
}

const WAITING = ['draft', 'submitted', 'awaitingApplicant', 'accepted', 'quoted', 'awaitingReceipt', 'receiptSubmitted', 'receiptRejected', 'paymentVerified', 'inPreparation', 'delivered'] as const;

describe('information order: restarts', () => {
  it.each(WAITING)('a new desk on the same storage carries an order waiting in %s through to closed', async (state) => {
    const before = await createWorld();
    const id = await orderAt(before, state);
    const timers = await before.oracle.timers({ tenantId, instanceId: id });
    // The process dies; a new one starts over the same database, files and profiles.
    const after = await createWorld({ from: before });
    expect(after.t.desk).not.toBe(before.t.desk);
    expect(await after.oracle.timers({ tenantId, instanceId: id })).toEqual(timers);
    await finish(after, id);
    expect(await after.t.desk.verifyHistory({ tenantId, instanceId: id })).toMatchObject({ ok: true });
  });

  it.each([
    ['awaitingApplicant', { days: 30 }, 'expired'],
    ['quoted', { days: 30 }, 'quoteExpired'],
    ['awaitingReceipt', { days: 30 }, 'expired'],
    ['receiptRejected', { days: 30 }, 'expired'],
    ['delivered', { days: 60 }, 'closed'],
  ] as const)('a deadline set before a restart fires after it, once (%s)', async (state, wait, expected) => {
    const before = await createWorld();
    const id = await orderAt(before, state);
    const after = await createWorld({ from: before });
    const fired = await after.t.advance(wait);
    expect(fired).toBe(1);
    expect(await stateOf(after, id)).toBe(expected);
    // The old desk, still alive in the same process, finds nothing left to do.
    expect(await before.t.runDue()).toBe(0);
  });
});
