import { MemoryStorage, TestClock, createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_NOT_FOUND,
  RateLimitedError,
  TokenBucketRateLimiter,
  ValidationError,
  complaintWorkflow,
  dammCheckDigit,
  fileMessage,
  lookupComplaint,
  type Storage,
} from '../../../src';
import { SATURDAY_MORNING, citizen, complaintDesk, messageInput, officer, supervisor, tenantId } from './fixture';

/** Another valid code of the same length (so it passes the check digit) that is not `code`. */
function otherValid(code: string): string {
  const body = code.slice(0, -1);
  const changed = body.slice(0, -1) + String((Number(body.at(-1)) + 1) % 10);
  return changed + dammCheckDigit(changed);
}

/** Storage that records which port methods a lookup calls (the "code path shape"). */
function tracedStorage(): { storage: Storage; calls: string[] } {
  const inner = new MemoryStorage();
  const calls: string[] = [];
  const storage = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { storage, calls };
}

describe('public lookup', () => {
  it('shows a citizen-safe view with both codes: status, dates and public answers only', async () => {
    const t = await complaintDesk();
    const filed = await t.file();
    await t.send(filed.instanceId, officer, { type: 'assign', officerId: 'officer-1', officerName: 'Maryam Rahimi' });
    await t.send(filed.instanceId, officer, { type: 'note', text: 'internal: complainant called twice' });
    await t.send(filed.instanceId, officer, { type: 'answer', text: 'Your tables are ready.' });

    const result = await lookupComplaint(t.desk, { tenantId, trackingCode: filed.display.trackingCode, complaintCode: filed.complaintCode! });
    expect(result).toEqual({
      found: true,
      message: {
        kind: 'complaint',
        kindLabel: { fa: 'شکایت', en: 'Complaint' },
        status: 'answered',
        statusLabel: { fa: 'پاسخ داده شد', en: 'Answered' },
        stage: 1,
        trackingCode: filed.display.trackingCode,
        filedAt: { at: SATURDAY_MORNING, jalali: expect.stringContaining('۱۴۰۴') },
        answeredAt: { at: SATURDAY_MORNING, jalali: expect.stringContaining('فروردین') },
        closedAt: null,
        answers: [{ stage: 1, text: 'Your tables are ready.', at: { at: SATURDAY_MORNING, jalali: expect.any(String) } }],
      },
    });
    const text = JSON.stringify(result);
    for (const secret of ['internal', 'Maryam', 'officer-1', 'citizen-1', '09121234567', 'Census', filed.complaintCode!]) expect(text).not.toContain(secret);
  });

  it('shows officer names when the portal configures it', async () => {
    const t = await complaintDesk({ showOfficerNames: true });
    const filed = await t.file();
    await t.send(filed.instanceId, officer, { type: 'assign', officerId: 'officer-1', officerName: 'Maryam Rahimi' });
    await t.send(filed.instanceId, officer, { type: 'answer', text: 'Done.' });
    const result = await lookupComplaint(t.desk, { tenantId, trackingCode: filed.trackingCode, complaintCode: filed.complaintCode! });
    expect(result.found && result.message.answers[0]?.officerName).toBe('Maryam Rahimi');
  });

  it('tracks status through escalation and closing; questions need only their tracking code', async () => {
    const t = await complaintDesk();
    const filed = await t.file();
    const look = () => lookupComplaint(t.desk, { tenantId, trackingCode: filed.trackingCode, complaintCode: filed.complaintCode! });
    const status = async () => {
      const r = await look();
      return r.found ? r.message.status : 'missing';
    };
    expect(await status()).toBe('received');
    await t.send(filed.instanceId, officer, { type: 'acknowledge' });
    expect(await status()).toBe('acknowledged');
    await t.send(filed.instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(filed.instanceId, officer, { type: 'requestInfo', question: '?' });
    expect(await status()).toBe('awaiting-reply');
    await t.send(filed.instanceId, citizen, { type: 'reply', text: '!' });
    expect(await status()).toBe('under-review');
    await t.send(filed.instanceId, officer, { type: 'answer', text: 'a' });
    await t.send(filed.instanceId, citizen, { type: 'escalate', reason: 'no' });
    expect(await status()).toBe('escalated');
    await t.send(filed.instanceId, supervisor, { type: 'assign', officerId: 'boss-1' });
    await t.send(filed.instanceId, supervisor, { type: 'answer', text: 'b' });
    await t.send(filed.instanceId, citizen, { type: 'accept' });
    expect(await status()).toBe('closed');

    const question = await t.file('question');
    const found = await lookupComplaint(t.desk, { tenantId, trackingCode: question.trackingCode });
    expect(found.found && found.message.kind).toBe('question');
    // A complaint is never found by its tracking code alone.
    expect(await lookupComplaint(t.desk, { tenantId, trackingCode: filed.trackingCode })).toBe(COMPLAINT_NOT_FOUND);
  });

  it('answers a wrong pair exactly like a missing one, with the same storage calls, whichever code is wrong', async () => {
    const { storage, calls } = tracedStorage();
    const t = createTestDesk({ workflows: [complaintWorkflow()], storage, start: SATURDAY_MORNING });
    const a = await fileMessage(t.desk, { tenantId, actor: citizen, input: messageInput() });
    const b = await fileMessage(t.desk, { tenantId, actor: citizen, input: messageInput() });
    const cases = {
      'right tracking, wrong complaint': { trackingCode: a.trackingCode, complaintCode: otherValid(a.complaintCode!) },
      'wrong tracking, right complaint': { trackingCode: otherValid(a.trackingCode), complaintCode: a.complaintCode! },
      'both codes real but of different messages': { trackingCode: a.trackingCode, complaintCode: b.complaintCode! },
      'right tracking, complaint code left out': { trackingCode: a.trackingCode },
      'neither exists': { trackingCode: otherValid(otherValid(a.trackingCode)), complaintCode: otherValid(otherValid(a.complaintCode!)) },
      'another portal': { trackingCode: a.trackingCode, complaintCode: a.complaintCode!, tenantId: 'other-portal' },
    };
    const traces: string[][] = [];
    for (const query of Object.values(cases)) {
      calls.length = 0;
      const result = await lookupComplaint(t.desk, { tenantId, ...query });
      expect(result).toBe(COMPLAINT_NOT_FOUND);
      traces.push([...calls]);
    }
    expect(traces.every((trace) => JSON.stringify(trace) === JSON.stringify(traces[0]))).toBe(true);
    expect(traces[0]).toEqual(['findInstancesByKey']);
    expect(Object.isFrozen(COMPLAINT_NOT_FOUND)).toBe(true);

    calls.length = 0;
    expect((await lookupComplaint(t.desk, { tenantId, trackingCode: a.trackingCode, complaintCode: a.complaintCode! })).found).toBe(true);
  });

  it('rejects malformed codes (a typo, caught by the check digit) with a ValidationError naming the field', async () => {
    const t = await complaintDesk();
    const filed = await t.file();
    const typo = filed.trackingCode.slice(0, 5) + String((Number(filed.trackingCode[5]) + 3) % 10) + filed.trackingCode.slice(6);
    const error = await lookupComplaint(t.desk, { tenantId, trackingCode: typo, complaintCode: filed.complaintCode! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['trackingCode']);
    const short = await lookupComplaint(t.desk, { tenantId, trackingCode: filed.trackingCode, complaintCode: '123' }).catch((e: unknown) => e);
    expect((short as ValidationError).fields).toEqual(['complaintCode']);
    // Persian digits and spaces are read as typed.
    const persian = filed.display.trackingCode.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect((await lookupComplaint(t.desk, { tenantId, trackingCode: persian, complaintCode: filed.complaintCode! })).found).toBe(true);
  });
});

describe('rate limiting', () => {
  it('a token bucket allows a burst, then one request per refill interval, per client', () => {
    const clock = new TestClock(SATURDAY_MORNING);
    const limiter = new TokenBucketRateLimiter({ capacity: 3, refillMs: 10_000, clock });
    expect([1, 2, 3].map(() => limiter.take('ip-1').allowed)).toEqual([true, true, true]);
    expect(limiter.take('ip-1')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 10_000 });
    expect(limiter.take('ip-2').allowed).toBe(true);
    clock.advance(4_000);
    expect(limiter.take('ip-1')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 6_000 });
    clock.advance(6_000);
    expect(limiter.take('ip-1')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    clock.advance(60_000);
    expect(limiter.take('ip-1')).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('forgets refilled buckets beyond maxKeys, never a client still limited', () => {
    const clock = new TestClock(SATURDAY_MORNING);
    const limiter = new TokenBucketRateLimiter({ capacity: 1, refillMs: 1_000, clock, maxKeys: 2 });
    limiter.take('a');
    clock.advance(5_000);
    limiter.take('b');
    limiter.take('c'); // over the limit: 'a' has refilled and is forgotten
    expect(limiter.take('b').allowed).toBe(false);
    expect(limiter.take('c').allowed).toBe(false);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('the lookup spends a token per request, well-formed or not, and refuses when the client is out', async () => {
    const t = await complaintDesk();
    const filed = await t.file();
    const rateLimiter = new TokenBucketRateLimiter({ capacity: 2, refillMs: 60_000, clock: t.clock });
    const query = { tenantId, trackingCode: filed.trackingCode, complaintCode: filed.complaintCode!, clientId: '203.0.113.7' };
    await expect(lookupComplaint(t.desk, { ...query, trackingCode: '1' }, { rateLimiter })).rejects.toBeInstanceOf(ValidationError);
    expect((await lookupComplaint(t.desk, query, { rateLimiter })).found).toBe(true);
    const limited = await lookupComplaint(t.desk, query, { rateLimiter }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(60_000);
    // Another client is unaffected; after the refill this one may ask again.
    expect((await lookupComplaint(t.desk, { ...query, clientId: '198.51.100.1' }, { rateLimiter })).found).toBe(true);
    await t.advance(60_000);
    expect((await lookupComplaint(t.desk, query, { rateLimiter })).found).toBe(true);
    const { clientId: _clientId, ...anonymous } = query;
    await expect(lookupComplaint(t.desk, anonymous, { rateLimiter })).rejects.toSatisfy((e) => e instanceof ValidationError && e.fields.includes('clientId'));
  });
});
