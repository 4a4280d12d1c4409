import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, NotFoundError, ValidationError, quoteFromJSON, type InformationOrderContext } from '../../../src';
import { asText, PDF, consultant, contextOf, createWorld, finance, maryam, orderAt, preparer, pricing, reza, send, stateOf, steps, supervisor, system, tenantId, uploadReceipt, type OrderWorld } from './harness';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: unknown) => e,
  );
}

/** A command that fails must leave storage exactly as it was. */
async function refusedWithoutWrites(w: OrderWorld, command: () => Promise<unknown>): Promise<unknown> {
  const before = await w.oracle.counts();
  const error = await failure(command());
  expect(await w.oracle.counts()).toEqual(before);
  return error;
}

describe('information order: decisions in consultation', () => {
  it('rejection ends the order with its reason', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'submitted');
    await send(w, id, consultant, { type: 'reject', reason: 'The data is confidential at block level' });
    expect(await stateOf(w, id)).toBe('rejected');
    const view = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { decision: object };
    expect(view.decision).toMatchObject({ kind: 'rejected', reason: 'The data is confidential at block level' });
    expect((await w.t.desk.get({ tenantId, instanceId: id }, maryam)).availableEvents).toEqual([]);
    await expect(send(w, id, consultant, { type: 'reject', reason: '' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('redirection points to a published product', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'awaitingApplicant');
    await send(w, id, consultant, { type: 'redirect', productId: 'statistical-yearbook-1401', productUrl: 'https://amar.org.ir/yearbook-1401' });
    expect(await stateOf(w, id)).toBe('redirected');
    expect((await contextOf(w, id)).decision).toMatchObject({ kind: 'redirected', productId: 'statistical-yearbook-1401', by: 'consultant-1' });
    const bad = await failure(send(w, await orderAt(w, 'submitted'), consultant, { type: 'redirect', productId: 'x', productUrl: 'not a url' }));
    expect((bad as ValidationError).fields).toEqual(['productUrl']);
  });

  it('a staff follow-up keeps waiting for the applicant; the applicant’s answer reopens the thread', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'awaitingApplicant');
    await send(w, id, consultant, { type: 'sendMessage', text: 'Also: which format?' });
    expect(await stateOf(w, id)).toBe('consultation.awaitingApplicant');
    await steps.reply(w, id);
    const order = await contextOf(w, id);
    expect(order.state).toBe('consultation.open');
    expect(order.messages.map((m) => [m.from, m.kind])).toEqual([
      ['staff', 'question'],
      ['staff', 'message'],
      ['applicant', 'message'],
    ]);
  });

  it('an unanswered question expires the order after the reply window (working days)', async () => {
    const w = await createWorld({ options: { replyWindowDays: 2 } });
    const id = await orderAt(w, 'awaitingApplicant');
    expect((await contextOf(w, id)).replyDueAt?.toISOString()).toBe('2025-05-05T11:00:00.000Z'); // end of Mon 1404-02-15
    await w.t.advance({ hours: 53 });
    expect(await stateOf(w, id)).toBe('consultation.awaitingApplicant');
    await w.t.advance({ hours: 1 });
    expect(await stateOf(w, id)).toBe('expired');
    expect((await contextOf(w, id)).expiry).toEqual({ reason: 'no-reply' });
  });
});

describe('information order: quotes', () => {
  it('a changed request supersedes the quote and is priced again', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'quoted');
    const first = (await contextOf(w, id)).quote!;
    await send(w, id, maryam, { type: 'updateRequest', request: { subject: 'Household income by county', description: 'Only the 2 largest counties, and a CD copy.' } });
    expect(await stateOf(w, id)).toBe('consultation.open');
    let order = await contextOf(w, id);
    expect(order.quote).toBeNull();
    expect(order.previousQuotes).toMatchObject([{ number: 1, supersededAt: expect.any(Date) }]);
    await expect(steps.acceptQuote(w, id)).rejects.toBeInstanceOf(InvalidTransitionError);

    await steps.accept(w, id);
    await steps.quote(w, id, { records: 40, media: [{ medium: 'cd', records: 40 }] });
    order = await contextOf(w, id);
    expect(order.quote).toMatchObject({ number: 2, requestRevision: 2 });
    expect(order.quote!.total).not.toBe(first.total);
    expect(quoteFromJSON(order.quote!.detail).lines.map((l) => l.ruleId)).toEqual(['entry-fee', 'records', 'cd', 'cd']); // CD: per copy and per record
    expect(w.notifier.sent.filter((m) => m.template === 'information-order.quote-ready')).toHaveLength(4);
  });

  it('the pricing officer may revise a standing quote; the validity restarts', async () => {
    const w = await createWorld({ options: { quoteValidityDays: 1 } });
    const id = await orderAt(w, 'quoted');
    await w.t.advance({ hours: 20 });
    await steps.quote(w, id, { records: 10 });
    const order = await contextOf(w, id);
    expect(order.quote).toMatchObject({ number: 2 });
    expect(order.previousQuotes).toHaveLength(1);
    await w.t.advance({ hours: 4 });
    expect(await stateOf(w, id)).toBe('quoted');
  });

  it('a quote expires at the end of its last working day; it can be issued again', async () => {
    const w = await createWorld({ options: { quoteValidityDays: 3 } });
    const id = await orderAt(w, 'quoted');
    const { validUntil } = (await contextOf(w, id)).quote!;
    expect(validUntil.toISOString()).toBe('2025-05-06T11:00:00.000Z'); // end of Tue 1404-02-16
    w.t.clock.set(new Date(validUntil.getTime() - 1));
    await w.t.runDue();
    expect(await stateOf(w, id)).toBe('quoted');
    await w.t.advance(1);
    expect(await stateOf(w, id)).toBe('quoteExpired');
    await expect(steps.acceptQuote(w, id)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect((await contextOf(w, id)).previousQuotes).toMatchObject([{ expiredAt: validUntil }]);
    await steps.quote(w, id);
    expect(await stateOf(w, id)).toBe('quoted');
  });

  it('an unverified student pays the full tariff; a verified student gets the discount', async () => {
    const unverified = await createWorld({ category: 'student' });
    const verified = await createWorld({ category: 'student', verified: true });
    const individual = await createWorld();
    const totals: bigint[] = [];
    for (const w of [unverified, verified, individual]) {
      const id = await orderAt(w, 'quoted');
      totals.push((await contextOf(w, id)).quote!.total);
      const quote = quoteFromJSON((await contextOf(w, id)).quote!.detail);
      if (w === unverified) {
        expect(quote.applicant).toEqual({ category: 'student', verified: false });
        expect(quote.discounts).toEqual([]);
      }
      if (w === verified) expect(quote.discounts.map((d) => d.ruleId)).toEqual(['student-discount']);
    }
    expect(totals[0]).toBe(totals[2]);
    expect(totals[1]! < totals[0]!).toBe(true);
  });

  it('a request the book cannot price is refused naming the item, and nothing is written', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'accepted');
    const e = await refusedWithoutWrites(w, () => steps.quote(w, id, { records: -1 }));
    expect((e as ValidationError).fields).toEqual(['items.records']);
    const none = await refusedWithoutWrites(w, () => steps.quote(w, id, {}));
    expect((none as ValidationError).fields).toEqual(['items']);
  });
});

describe('information order: receipts', () => {
  it('refuses an amount other than the quote, naming the field; nothing is written', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'awaitingReceipt');
    const total = (await contextOf(w, id)).quote!.total;
    const { key } = await uploadReceipt(w, id);
    const e = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { amount: (total - 1000n).toString(), scan: { key } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual(['amount']);
    expect((e as ValidationError).message).toContain(`quote's total is ${total} Rial`);
    // Persian digits with separators are the same amount.
    const persian = total.toLocaleString('fa-IR');
    await steps.submitReceipt(w, id, { amount: persian, scan: { key } });
    expect((await contextOf(w, id)).payment.receipts[0]!.amount).toBe(total);
  });

  it('checks the scan from the file store: missing, wrong type, too large', async () => {
    const w = await createWorld({ options: { receiptPolicy: { allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 60 } } });
    const id = await orderAt(w, 'awaitingReceipt');
    const missing = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { scan: { key: 'receipts/nothing.pdf' } }));
    expect((missing as ValidationError).fields).toEqual(['scan.key']);
    await w.files.put(tenantId, 'receipts/notes.txt', new TextEncoder().encode('paid'), { contentType: 'text/plain' });
    const text = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { scan: { key: 'receipts/notes.txt' } }));
    expect((text as ValidationError).fields).toEqual(['scan.contentType']);
    await w.files.put(tenantId, 'receipts/big.pdf', PDF('x'.repeat(100)), { contentType: 'application/pdf' });
    const big = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { scan: { key: 'receipts/big.pdf' } }));
    expect((big as ValidationError).fields).toEqual(['scan.size']);
    const fields = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { cardLastFour: '12', paidOn: '1404/12/31', bankTracking: '!' }));
    expect((fields as ValidationError).fields.sort()).toEqual(['bankTracking', 'cardLastFour', 'paidOn']);
    const future = await refusedWithoutWrites(w, () => steps.submitReceipt(w, id, { paidOn: '2025-06-01' }));
    expect((future as ValidationError).fields).toEqual(['paidOn']);
    // A client cannot supply the file's facts or the duplicate flags.
    const { key, sha256 } = await uploadReceipt(w, id);
    await steps.submitReceipt(w, id, { scan: { key, sha256: 'f'.repeat(64), size: 1, contentType: 'image/png' }, duplicates: [{ instanceId: 'forged', matchedOn: ['sha256'] }] });
    const receipt = (await contextOf(w, id)).payment.receipts[0]!;
    expect(receipt.scan).toMatchObject({ key, sha256, contentType: 'application/pdf' });
    expect(receipt.duplicates).toEqual([]);
  });

  it('a rejected receipt can be resubmitted, then verified', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'receiptRejected');
    expect(await stateOf(w, id)).toBe('payment.receiptRejected');
    const rejected = w.notifier.sent.filter((m) => m.template === 'information-order.receipt-rejected');
    expect(rejected.map((m) => m.params)).toEqual([
      { orderNumber: id, reason: 'The receipt is unreadable', attemptsLeft: 2, link: `/information-orders/${id}` },
      { orderNumber: id, reason: 'The receipt is unreadable', attemptsLeft: 2, link: `/information-orders/${id}` },
    ]);
    await steps.submitReceipt(w, id);
    await steps.verify(w, id);
    const order = await contextOf(w, id);
    expect(order.state).toBe('paymentVerified');
    expect(order.payment.receipts.map((r) => r.review?.outcome)).toEqual(['rejected', 'verified']);
    const own = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { payment: { receipts: { outcome: string; reason?: string }[] } };
    expect(own.payment.receipts).toMatchObject([{ outcome: 'rejected', reason: 'The receipt is unreadable' }, { outcome: 'verified' }]);
  });

  it('after the configured number of rejected receipts the order ends', async () => {
    const w = await createWorld({ options: { maxReceiptAttempts: 2 } });
    const id = await orderAt(w, 'receiptRejected');
    await steps.submitReceipt(w, id);
    await steps.rejectReceipt(w, id);
    expect(await stateOf(w, id)).toBe('paymentRefused');
  });

  it('flags a receipt whose tracking number or file appears on another order; finance must acknowledge it', async () => {
    const w = await createWorld();
    const first = await orderAt(w, 'receiptSubmitted');
    const firstReceipt = (await contextOf(w, first)).payment.receipts[0]!;
    const second = await orderAt(w, 'awaitingReceipt');
    await steps.submitReceipt(w, second, { bankTracking: firstReceipt.bankTracking, scan: { key: firstReceipt.scan.key } });
    const flagged = (await contextOf(w, second)).payment.receipts[0]!;
    expect(flagged.duplicates).toEqual([{ instanceId: first, matchedOn: ['bankTracking', 'sha256'] }]);
    // The applicant does not see other orders' ids.
    expect(asText((await w.t.desk.get({ tenantId, instanceId: second }, maryam)).data)).not.toContain(first);

    const e = await refusedWithoutWrites(w, () => steps.verify(w, second));
    expect((e as ValidationError).fields).toEqual(['acknowledgeDuplicates']);
    await steps.verify(w, second, { acknowledgeDuplicates: true, note: 'Checked: the first order was a test' });
    expect((await contextOf(w, second)).payment.receipts[0]!.review).toMatchObject({ outcome: 'verified', duplicatesAcknowledged: true });

    // A third order with only the same file is flagged on the file hash alone.
    const third = await orderAt(w, 'awaitingReceipt');
    await steps.submitReceipt(w, third, { scan: { key: firstReceipt.scan.key } });
    expect((await contextOf(w, third)).payment.receipts[0]!.duplicates).toEqual([
      { instanceId: first, matchedOn: ['sha256'] },
      { instanceId: second, matchedOn: ['sha256'] },
    ].sort((a, b) => (a.instanceId < b.instanceId ? -1 : 1)));
  });

  it('an unpaid order expires when the payment window closes', async () => {
    const w = await createWorld({ options: { paymentWindowDays: 1 } });
    const id = await orderAt(w, 'awaitingReceipt');
    await w.t.advance({ hours: 5 });
    expect(await stateOf(w, id)).toBe('payment.awaitingReceipt');
    await w.t.advance({ days: 2 });
    expect(await stateOf(w, id)).toBe('expired');
    expect((await contextOf(w, id)).expiry).toEqual({ reason: 'unpaid' });
  });
});

describe('information order: cancellation', () => {
  it('the applicant may cancel before paying, not after the receipt is in', async () => {
    const w = await createWorld();
    for (const state of ['draft', 'submitted', 'awaitingApplicant', 'accepted', 'quoted', 'awaitingReceipt', 'receiptRejected'] as const) {
      const id = await orderAt(w, state);
      await send(w, id, maryam, { type: 'cancel', reason: 'No longer needed' });
      const order = await contextOf(w, id);
      expect([state, order.state]).toEqual([state, 'cancelled']);
      expect(order.cancellation).toMatchObject({ by: 'maryam', reason: 'No longer needed' });
      expect(await w.oracle.timers({ tenantId, instanceId: id })).toEqual([]);
    }
    const paid = await orderAt(w, 'receiptSubmitted');
    await expect(send(w, paid, maryam, { type: 'cancel', reason: 'too late' })).rejects.toBeInstanceOf(InvalidTransitionError);
    // Nobody else's applicant may cancel it; a supervisor may.
    const other = await orderAt(w, 'submitted');
    await expect(send(w, other, reza, { type: 'cancel', reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await send(w, other, supervisor, { type: 'cancel', reason: 'Duplicate of another order' });
    expect(await stateOf(w, other)).toBe('cancelled');
  });
});

describe('information order: delivery', () => {
  async function tokenOf(w: OrderWorld, id: string): Promise<string> {
    return ((await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { delivery: { link: { token: string } } }).delivery.link.token;
  }
  const fileOf = (id: string) => `deliveries/${id}/tables.xlsx`;

  it('a link stops working after N days, and every refusal writes nothing', async () => {
    const w = await createWorld({ options: { download: { validDays: 2, maxDownloads: 5, closeAfterDays: 10 } } });
    const id = await orderAt(w, 'delivered');
    const token = await tokenOf(w, id);
    await w.t.advance({ hours: 47 });
    await send(w, id, system, { type: 'download', token, fileKey: fileOf(id) });
    await w.t.advance({ hours: 1 });
    const e = await refusedWithoutWrites(w, () => send(w, id, maryam, { type: 'download', token, fileKey: fileOf(id) }));
    expect(e).toMatchObject({ fields: ['token'], issues: [{ code: 'link_expired' }] });
    // Staff reissue: a new token, the old one is dead.
    await send(w, id, preparer, { type: 'reissueLink' });
    const fresh = await tokenOf(w, id);
    expect(fresh).not.toBe(token);
    const old = await refusedWithoutWrites(w, () => send(w, id, maryam, { type: 'download', token, fileKey: fileOf(id) }));
    expect(old).toMatchObject({ issues: [{ code: 'unknown_link' }] });
    await send(w, id, maryam, { type: 'download', token: fresh, fileKey: fileOf(id) });
    expect((await contextOf(w, id)).delivery.downloads).toHaveLength(2);
    expect(w.notifier.sent.filter((m) => m.template === 'information-order.data-ready')).toHaveLength(4);
  });

  it('a link allows M downloads; revoking stops it; unknown files are refused', async () => {
    const w = await createWorld({ options: { download: { maxDownloads: 2 } } });
    const id = await orderAt(w, 'delivered');
    const token = await tokenOf(w, id);
    const unknown = await refusedWithoutWrites(w, () => send(w, id, maryam, { type: 'download', token, fileKey: 'deliveries/other.xlsx' }));
    expect((unknown as ValidationError).fields).toEqual(['fileKey']);
    await send(w, id, maryam, { type: 'download', token, fileKey: fileOf(id) });
    await send(w, id, maryam, { type: 'download', token, fileKey: fileOf(id) });
    const limit = await refusedWithoutWrites(w, () => send(w, id, maryam, { type: 'download', token, fileKey: fileOf(id) }));
    expect(limit).toMatchObject({ issues: [{ code: 'download_limit', message: 'was used 2 times; the limit is 2' }] });
    const history = await w.t.desk.history({ tenantId, instanceId: id }, supervisor);
    expect(history.filter((h) => h.eventType === 'download').map((h) => h.payload)).toEqual([
      expect.objectContaining({ fileKey: fileOf(id), actorId: 'maryam', $redacted: ['token'] }),
      expect.objectContaining({ fileKey: fileOf(id), actorId: 'maryam', $redacted: ['token'] }),
    ]);

    await send(w, id, preparer, { type: 'reissueLink' });
    const second = await tokenOf(w, id);
    await send(w, id, supervisor, { type: 'revokeLink', reason: 'Sent to the wrong address' });
    const revoked = await refusedWithoutWrites(w, () => send(w, id, maryam, { type: 'download', token: second, fileKey: fileOf(id) }));
    expect(revoked).toMatchObject({ issues: [{ code: 'link_revoked' }] });
    const view = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { delivery: { link: { token?: string; revoked: boolean } } };
    expect(view.delivery.link).toMatchObject({ revoked: true });
    expect(view.delivery.link.token).toBeUndefined();
  });

  it('a delivered order closes itself after the link expires and the grace period passes', async () => {
    const w = await createWorld({ options: { download: { validDays: 3, closeAfterDays: 2 } } });
    const id = await orderAt(w, 'delivered');
    await w.t.advance({ days: 4 });
    expect(await stateOf(w, id)).toBe('delivered');
    await w.t.advance({ days: 1 });
    expect(await stateOf(w, id)).toBe('closed');
  });
});

describe('information order: orders belong to registered applicants', () => {
  it('refuses an order from someone without a profile, writing nothing', async () => {
    const w = await createWorld();
    const stranger = { id: 'stranger', roles: ['applicant'] };
    const e = await refusedWithoutWrites(w, () => w.t.desk.create({ tenantId, workflow: 'information-order', actor: stranger, input: { request: { subject: 'x', description: 'y' } } }));
    expect((e as ValidationError).fields).toEqual(['applicant']);
    const empty = await refusedWithoutWrites(w, () => w.t.desk.create({ tenantId, workflow: 'information-order', actor: maryam, input: { request: { subject: ' ', description: '' } } }));
    expect((empty as ValidationError).fields.sort()).toEqual(['request.description', 'request.subject']);
    // An applicant sees only their own orders.
    const id = await orderAt(w, 'submitted');
    await expect(w.t.desk.get({ tenantId, instanceId: id }, reza)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const order = (await contextOf(w, id)) as InformationOrderContext;
    expect(order.applicantId).toBe('maryam');
    void pricing;
    void finance;
  });
});
