/**
 * Money back on an information order (paid by bank receipt): the applicant cancels before
 * preparation starts, or the office declares it cannot fulfil the order; either way the whole
 * amount is due, the applicant is told, finance records the transfer, and the applicant is told
 * again. Runs on memory, PostgreSQL and SQLite.
 */
import { testPersonalDataSealer } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { openRefundAccount } from '../../../src';
import { contextOf, createWorld, finance, maryam, orderAt, preparer, send, stateOf, supervisor, tenantId, type OrderWorld } from '../information-order/harness';

const templatesSent = (world: OrderWorld, template: string) => world.notifier.sent.filter((m) => m.template === template);

describe('information order: cancellation and "cannot fulfil" after payment', () => {
  it('the applicant cancels before preparation starts: the whole amount is due, then refunded by transfer', async () => {
    const world = await createWorld();
    const id = await orderAt(world, 'paymentVerified');
    const paid = (await contextOf(world, id)).quote!.total;
    await send(world, id, maryam, { type: 'cancel', reason: 'no longer needed' });
    expect(await stateOf(world, id)).toBe('refundDue');
    expect((await contextOf(world, id)).refund).toMatchObject({ cause: 'cancelled', amountRial: paid });
    expect(templatesSent(world, 'information-order.refund-due').length).toBeGreaterThan(0);

    // Only finance records the transfer; the applicant cannot.
    await expect(send(world, id, maryam, { type: 'recordRefund', reference: 'SATNA-1' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await send(world, id, finance, { type: 'recordRefund', reference: 'SATNA-1403-77' });
    expect(await stateOf(world, id)).toBe('refunded');
    expect((await contextOf(world, id)).refund).toMatchObject({ paid: { reference: 'SATNA-1403-77', by: finance.id } });
    expect(templatesSent(world, 'information-order.refunded')[0]?.params).toMatchObject({ reference: 'SATNA-1403-77' });
    const history = (await world.t.desk.history({ tenantId, instanceId: id }, supervisor)).map((h) => h.eventType);
    expect(history.slice(-2)).toEqual(['cancel', 'recordRefund']);
  });

  it('once preparation started the applicant can no longer cancel; the office may declare it cannot fulfil, with its reason', async () => {
    const world = await createWorld();
    const id = await orderAt(world, 'inPreparation');
    await expect(send(world, id, maryam, { type: 'cancel', reason: 'too slow' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(send(world, id, maryam, { type: 'cannotFulfil', reason: 'x' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await send(world, id, preparer, { type: 'cannotFulfil', reason: 'the survey data for these counties was withdrawn' });
    expect(await stateOf(world, id)).toBe('refundDue');
    expect((await contextOf(world, id)).refund).toMatchObject({ cause: 'cannot-fulfil', reason: 'the survey data for these counties was withdrawn' });
    await send(world, id, finance, { type: 'recordRefund', reference: 'PAYA-88' });
    expect(await stateOf(world, id)).toBe('refunded');
  });

  it('a refund reference is validated: empty is a 4xx naming the field, and nothing changes', async () => {
    const world = await createWorld();
    const id = await orderAt(world, 'paymentVerified');
    await send(world, id, supervisor, { type: 'cannotFulfil', reason: 'no data' });
    await expect(send(world, id, finance, { type: 'recordRefund', reference: '' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'reference' })] });
    expect(await stateOf(world, id)).toBe('refundDue');
  });

  it('the applicant gives a Sheba for the transfer: mod-97 checked, sealed at rest, never in history; finance opens it and records the transfer', async () => {
    const world = await createWorld();
    const id = await orderAt(world, 'paymentVerified');
    await send(world, id, maryam, { type: 'cancel', reason: 'no longer needed' });
    // One digit wrong: the check digits catch it, and nothing is written.
    await expect(send(world, id, maryam, { type: 'provideRefundAccount', iban: 'IR570629600000001003242002' })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'iban' })],
    });
    expect((await contextOf(world, id)).refund?.account).toBeUndefined();
    // Persian digits and spaces, as people type it.
    await send(world, id, maryam, { type: 'provideRefundAccount', iban: 'IR۵۷ ۰۶۲۹ ۶۰۰۰ ۰۰۰۰ ۱۰۰۳ ۲۴۲۰ ۰۱' });
    const refund = (await contextOf(world, id)).refund!;
    expect(refund.account?.lastFour).toBe('2001');
    const stored = JSON.stringify(await world.oracle.instance({ tenantId, instanceId: id }), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const history = JSON.stringify(await world.t.desk.history({ tenantId, instanceId: id }, supervisor), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    for (const text of [stored, history]) expect(text).not.toContain('0629600000001003242001');
    expect(await openRefundAccount(testPersonalDataSealer(), { tenantId, instanceId: id }, refund.account!.sealed)).toBe('IR570629600000001003242001');
    await send(world, id, finance, { type: 'recordRefund', reference: 'PAYA-1403-5' });
    expect((await contextOf(world, id)).refund).toMatchObject({ account: { lastFour: '2001' }, paid: { reference: 'PAYA-1403-5' } });
  });
});
