/**
 * Staff search and the revenue report on real information orders: an order driven to a
 * verified payment is found by its number, its receipt's tracking number (typed with spaces,
 * dashes or Persian digits) and the applicant's national ID (through the profile store's keyed
 * hash); the month's revenue books its quote total. Citizens never search.
 */
import { describe, expect, it } from 'vitest';
import { createOfficeReports, createStaffSearch, isStatdeskError, solarMonthOf, solarMonthRange, toPersianDigits } from '../../src';
import { contextOf, createWorld, finance, maryam, orderAt, supervisor, tenantId, consultant } from '../workflows/information-order/harness';

describe('staff search', () => {
  it('finds an order by number, receipt tracking number and national ID, for staff only', async () => {
    const world = await createWorld();
    const paid = await orderAt(world, 'paymentVerified');
    const draft = await orderAt(world, 'draft');
    const search = createStaffSearch({ desk: world.t.desk, profiles: world.profiles });
    const ids = async (field: Parameters<typeof search.search>[1], value: string, who = supervisor) => (await search.search(tenantId, field, value, who)).map((v) => v.id).sort();

    expect(await ids('order', paid)).toEqual([paid]);
    expect(await ids('order', 'no-such-order')).toEqual([]);

    const { bankTracking } = (await contextOf(world, paid)).payment.receipts[0]!;
    const typed = toPersianDigits(`${bankTracking.slice(0, 4)} - ${bankTracking.slice(4)}`);
    expect(await ids('receipt', typed, finance)).toEqual([paid]);
    expect(await ids('receipt', 'BT00000000')).toEqual([]);

    expect(await ids('nationalId', '۰۰۱۲۳۴۵۶۷۹', consultant)).toEqual([paid, draft].sort());
    expect(await ids('nationalId', '0067749828')).toEqual([]); // Reza has no orders
    expect(await ids('nationalId', '1234567890')).toEqual([]); // nobody

    const refused = await search.search(tenantId, 'order', paid, maryam).catch((error: unknown) => error);
    expect(isStatdeskError(refused, 'NOT_ALLOWED')).toBe(true);
    const badField = await search.search(tenantId, 'email' as never, 'x', supervisor).catch((error: unknown) => error);
    expect(isStatdeskError(badField, 'VALIDATION') && badField.issues[0]!.path).toBe('by');

    // The verified receipt is this month's revenue: the quote total, in Rial.
    const total = (await contextOf(world, paid)).quote!.total;
    const month = solarMonthRange(solarMonthOf(world.clock.now()));
    const [revenue] = await createOfficeReports({ storage: world.storage }).revenue(tenantId, month);
    expect(revenue!.lines[0]).toEqual({ name: 'quotesPaid', count: 1, amountRial: total });
  });
});
