import { describe, expect, it } from 'vitest';
import { DOWNLOAD_TOKEN_KEY, downloadTokenHash, quoteFromJSON } from '../../../src';
import { asText, ITEMS, contextOf, createWorld, finance, maryam, placeOrder, preparer, pricing, send, stateOf, steps, tenantId, consultant } from './harness';

describe('information order: the happy path', () => {
  it('walks draft → consultation → quote → payment → preparation → delivery → closed', async () => {
    const w = await createWorld();
    const id = await placeOrder(w);
    expect(await stateOf(w, id)).toBe('draft');
    await send(w, id, maryam, { type: 'updateRequest', request: { subject: 'Household income by county', description: 'Also 1401, please.' } });
    await steps.submit(w, id);
    expect(await stateOf(w, id)).toBe('submitted');

    await steps.ask(w, id);
    expect(await stateOf(w, id)).toBe('consultation.awaitingApplicant');
    expect(w.notifier.sent.map((m) => [m.template, m.channel, m.recipient.profileId]).sort()).toEqual([
      ['information-order.question-asked', 'email', 'maryam'],
      ['information-order.question-asked', 'sms', 'maryam'],
    ]);
    await steps.reply(w, id);
    expect(await stateOf(w, id)).toBe('consultation.open');
    await send(w, id, consultant, { type: 'sendMessage', text: 'Thank you, we can prepare that.' });
    await steps.accept(w, id);
    expect(await stateOf(w, id)).toBe('accepted');

    const quoted = await send(w, id, pricing, { type: 'issueQuote', items: ITEMS });
    expect(quoted.state).toBe('quoted');
    const order = await contextOf(w, id);
    const quote = quoteFromJSON(order.quote!.detail);
    expect(order.quote).toMatchObject({ number: 1, total: quote.total.amount, issuedBy: 'pricing-1', requestRevision: 2 });
    expect(quote).toMatchObject({ bookId: 'sci-information-orders', bookVersion: 'sample-1402.1', applicant: { category: 'individual', verified: true } });
    expect(quote.lines.map((l) => l.ruleId)).toEqual(['entry-fee', 'records', 'records', 'tables']); // two record tiers: 100 × 50 and 20 × 40
    expect(quote.explanation.en).toContain('Records extracted');
    // Valid to the end of the 10th working day after Sat 1404-02-13 (Thursdays and Fridays off): Sat 1404-02-27, 14:30 Tehran.
    expect(order.quote!.validUntil.toISOString()).toBe('2025-05-17T11:00:00.000Z');
    const quoteReady = w.notifier.sent.filter((m) => m.template === 'information-order.quote-ready');
    expect(quoteReady).toHaveLength(2);
    expect(quoteReady[0]!.params).toEqual({ orderNumber: id, amount: { $bigint: order.quote!.total.toString() }, validUntil: '2025-05-17T11:00:00.000Z', link: `/information-orders/${id}` });

    await steps.acceptQuote(w, id);
    expect(await stateOf(w, id)).toBe('payment.awaitingReceipt');
    await steps.submitReceipt(w, id);
    expect(await stateOf(w, id)).toBe('payment.receiptSubmitted');
    const receipt = (await contextOf(w, id)).payment.receipts[0]!;
    expect(receipt.scan.contentType).toBe('application/pdf');
    expect(receipt.scan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.duplicates).toEqual([]);

    await steps.verify(w, id);
    expect(await stateOf(w, id)).toBe('paymentVerified');
    expect(w.notifier.sent.filter((m) => m.template === 'information-order.payment-confirmed')).toHaveLength(2);
    await steps.startPreparation(w, id);
    await expect(steps.deliver(w, id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' }); // nothing attached yet
    await steps.attach(w, id);
    await steps.deliver(w, id);
    expect(await stateOf(w, id)).toBe('delivered');

    const applicantView = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { delivery: { link: { token: string; downloadsLeft: number } } };
    const token = applicantView.delivery.link.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await w.t.desk.findByKey(tenantId, DOWNLOAD_TOKEN_KEY, downloadTokenHash(token))).toEqual([{ tenantId, instanceId: id }]);
    const ready = w.notifier.sent.find((m) => m.template === 'information-order.data-ready')!;
    expect(ready.params).toMatchObject({ orderNumber: id, link: `/information-orders/download/${token}`, downloadLimit: 5 });

    await steps.download(w, id);
    const after = await contextOf(w, id);
    expect(after.delivery.downloads).toHaveLength(1);
    expect(after.delivery.link!.downloads).toBe(1);
    // Staff never see the token itself.
    expect(asText((await w.t.desk.get({ tenantId, instanceId: id }, preparer)).data)).not.toContain(token);

    await send(w, id, maryam, { type: 'close' });
    expect(await stateOf(w, id)).toBe('closed');
    expect(await w.t.desk.findByKey(tenantId, DOWNLOAD_TOKEN_KEY, downloadTokenHash(token))).toEqual([]);

    // The trail: every step, by whom, hash-chained; no personal data or token in it.
    const history = await w.t.desk.history({ tenantId, instanceId: id }, finance);
    expect(history.map((h) => h.eventType)).toEqual([
      'statdesk.create', 'updateRequest', 'submit', 'askQuestion', 'sendMessage', 'sendMessage', 'accept', 'issueQuote', 'acceptQuote',
      'submitReceipt', 'verifyPayment', 'startPreparation', 'attachFile', 'deliver', 'download', 'close',
    ]);
    expect(history.find((h) => h.eventType === 'verifyPayment')).toMatchObject({ actorId: 'finance-1', actorRole: 'finance-officer', fromState: 'payment.receiptSubmitted', toState: 'paymentVerified' });
    const stored = JSON.stringify((await w.t.historyOf({ tenantId, instanceId: id })).map((h) => h.payload));
    for (const secret of [token, '4321', '0012345679', '09121234567', '1395 to 1400']) expect(stored).not.toContain(secret);
    expect(await w.t.desk.verifyHistory({ tenantId, instanceId: id })).toMatchObject({ ok: true });
  });
});
