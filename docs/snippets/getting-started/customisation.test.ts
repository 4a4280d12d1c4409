// Unit-testing the customisation: a real desk on in-memory storage with a test clock, driven
// through the public API the way the portal drives it.
import { createApplicantProfiles, createTariffRegistry, receiptUploadPolicy, storeUpload } from '@statdesk/core';
import { MemoryFileStore, MemoryProfileStore, actor, createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { tariffBook } from './tariff-book.js';
import { informationOrders } from './workflows.js';

const tenantId = 'sci';
const maryam = actor('maryam', 'applicant');
const consultant = actor('c-1', 'consultant');
const pricing = actor('p-1', 'pricing-officer');
const finance = actor('f-1', 'finance-officer');
const supervisor = actor('s-1', 'supervisor');

async function quotedOrder() {
  const profiles = new MemoryProfileStore();
  const files = new MemoryFileStore();
  const t = createTestDesk({
    workflows: [informationOrders],
    start: '2025-05-03T05:30:00Z',            // Saturday 13 Ordibehesht 1404, 09:00 in Tehran
    services: { tariffs: createTariffRegistry([tariffBook]), profiles, files },
  });
  await createApplicantProfiles({ store: profiles, files, clock: t.clock }).register({
    tenantId, actor: maryam, input: { nationalId: '0012345679', fullName: 'Maryam Ahmadi', mobile: '09121234567' },
  });
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'information-order', actor: maryam, input: { request: { subject: 'Household income by county', description: 'Tehran province, 1395–1400' } } });
  const order = { tenantId, instanceId };
  const send = (who: typeof maryam, event: { type: string } & Record<string, unknown>) => t.desk.send({ ...order, actor: who, event });
  await send(maryam, { type: 'submit' });
  await send(consultant, { type: 'accept' });
  await send(pricing, { type: 'issueQuote', items: { records: 120, tables: [{ level: 'county', count: 2 }] } });
  await send(maryam, { type: 'acceptQuote' });
  const { quote } = (await t.desk.get(order, supervisor)).data as { quote: { total: bigint } };

  let attempt = 0;
  const submitReceipt = async () => {
    attempt++;
    const pdf = new TextEncoder().encode(`%PDF-1.4\n% receipt ${attempt}\n%%EOF\n`);
    const scan = await storeUpload(files, { tenantId, key: `receipts/${instanceId}/${attempt}`, content: pdf, policy: receiptUploadPolicy });
    return send(maryam, { type: 'submitReceipt', bankTracking: `RCPT${attempt}0427`, amount: String(quote.total), paidOn: '2025-05-03', cardLastFour: '4321', scan: { key: scan.key } });
  };
  return { t, order, send, submitReceipt };
}

describe('our information-order customisation', () => {
  it('lets a supervisor verify a payment', async () => {
    const { send, submitReceipt } = await quotedOrder();
    await submitReceipt();
    const verified = await send(supervisor, { type: 'verifyPayment' });
    expect(verified.state).toBe('paymentVerified');
  });

  it('refuses the payment after the second rejected receipt', async () => {
    const { send, submitReceipt } = await quotedOrder();
    await submitReceipt();
    expect((await send(finance, { type: 'rejectReceipt', reason: 'unreadable' })).state).toBe('payment.receiptRejected');
    await submitReceipt();
    expect((await send(finance, { type: 'rejectReceipt', reason: 'wrong amount' })).state).toBe('paymentRefused');
  });

  it('keeps the card digits out of the history, which stays verifiable', async () => {
    const { t, order, submitReceipt } = await quotedOrder();
    await submitReceipt();
    const row = (await t.desk.history(order, supervisor)).find((h) => h.eventType === 'submitReceipt');
    expect(row?.payload).toMatchObject({ bankTracking: 'RCPT10427', $redacted: ['cardLastFour'] });
    expect(row?.payload).not.toHaveProperty('cardLastFour');
    expect(await t.desk.verifyHistory(order)).toMatchObject({ ok: true });
  });
});
