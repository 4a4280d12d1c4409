import { MemoryStorage, memoryContacts, recordingTransports, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import {
  createCircuitBreaker,
  createDesk,
  createTemplateNotifier,
  createTemplateSet,
  DeliveryDeferredError,
  PermanentDeliveryError,
  withCircuitBreaker,
  type CircuitState,
} from '../../src';
import { applicant, lettersWorkflow, pricing } from './letters.workflow';

const tenantId = 'sci';

describe('the circuit breaker', () => {
  it('closed → open after N consecutive failures → half-open after the cool-down → closed on a good trial', async () => {
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const changes: CircuitState[] = [];
    const breaker = createCircuitBreaker({ name: 'sms', failureThreshold: 3, coolDownMs: 60_000, clock, onStateChange: (s) => changes.push(s) });
    const failing = () => Promise.reject(new Error('502 from provider'));
    for (let i = 0; i < 2; i++) await expect(breaker.run(failing)).rejects.toThrow('502');
    expect(breaker.state()).toBe('closed');
    await expect(breaker.run(failing)).rejects.toThrow('502');
    expect(breaker.state()).toBe('open');

    let called = 0;
    const ok = async () => ++called;
    const deferred = breaker.run(ok);
    await expect(deferred).rejects.toBeInstanceOf(DeliveryDeferredError);
    await expect(deferred).rejects.toMatchObject({ code: 'DELIVERY_DEFERRED', retryAt: new Date('2024-07-15T06:01:00Z') });
    expect(called).toBe(0);

    clock.advance(60_000);
    expect(breaker.state()).toBe('half-open');
    // Only one trial at a time while half-open.
    let release!: () => void;
    const trial = breaker.run(() => new Promise<string>((resolve) => (release = () => resolve('trial'))));
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(DeliveryDeferredError);
    release();
    expect(await trial).toBe('trial');
    expect(breaker.state()).toBe('closed');
    expect(await breaker.run(ok)).toBe(1);
    expect(changes).toEqual(['open', 'closed']);
  });

  it('a failed trial opens the circuit for another cool-down; permanent failures never open it', async () => {
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const breaker = createCircuitBreaker({ name: 'email', failureThreshold: 2, coolDownMs: 10_000, clock });
    const permanent = () => Promise.reject(new PermanentDeliveryError('550 no such mailbox'));
    for (let i = 0; i < 5; i++) await expect(breaker.run(permanent)).rejects.toThrow('550');
    expect(breaker.state()).toBe('closed');
    const failing = () => Promise.reject(new Error('ECONNREFUSED'));
    await expect(breaker.run(failing)).rejects.toThrow();
    await expect(breaker.run(failing)).rejects.toThrow();
    expect(breaker.state()).toBe('open');
    clock.advance(10_000);
    await expect(breaker.run(failing)).rejects.toThrow('ECONNREFUSED');
    expect(breaker.state()).toBe('open');
    clock.advance(9_999);
    expect(breaker.state()).toBe('open');
    clock.advance(1);
    expect(breaker.state()).toBe('half-open');
  });

  it('behind the outbox: an open SMS circuit defers rows without spending attempts, e-mail keeps flowing', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const transports = recordingTransports();
    const smsTransport = withCircuitBreaker(transports.sms, createCircuitBreaker({ name: 'sms', failureThreshold: 2, coolDownMs: 120_000, clock }));
    const contacts = memoryContacts().set(tenantId, 'citizen-1', { email: 'sara@example.ir', mobile: '09121234567', language: 'fa' });
    const notifier = createTemplateNotifier({ contacts, templates: createTemplateSet(), transports: { email: transports.email, sms: smsTransport }, clock });
    const desk = createDesk({
      storage,
      clock,
      notifier,
      workflows: [lettersWorkflow],
      logger: { warn: () => {}, error: () => {} },
      random: () => 1,
      outbox: { afterCommit: 'await', baseDelayMs: 1_000, leaseMs: 30_000 },
    });
    const create = async (n: number) => {
      const { instanceId } = await desk.create({ tenantId, workflow: 'letters', actor: applicant, input: { profileId: 'citizen-1', orderNumber: `IO-${n}` } });
      return instanceId;
    };
    // The SMS provider fails twice (two orders' SMS): the circuit opens.
    const first = await create(1);
    const second = await create(2);
    let smsFailures = 2;
    const realSend = transports.sms.send;
    transports.sms.send = (d) => (smsFailures-- > 0 ? Promise.reject(new Error('SMS provider 503')) : realSend(d));
    await desk.send({ tenantId, instanceId: first, actor: pricing, event: { type: 'quote', amount: '1000' } });
    await desk.send({ tenantId, instanceId: second, actor: pricing, event: { type: 'quote', amount: '2000' } });
    const smsRow = (id: string) => storage.oracle.outbox({ tenantId, instanceId: id }).find((r) => (r.payload as { channel: string }).channel === 'sms')!;
    expect(smsRow(first)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(smsRow(second)).toMatchObject({ status: 'pending', attempts: 1 });

    // A third order while the circuit is open: its SMS is deferred, its e-mail is sent.
    const third = await create(3);
    await desk.send({ tenantId, instanceId: third, actor: pricing, event: { type: 'quote', amount: '3000' } });
    expect(smsRow(third)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(transports.emails).toHaveLength(3);
    // Retries due during the cool-down are deferred too, keeping their attempts.
    clock.advance(60_000);
    await desk.dispatchOutbox();
    expect([smsRow(first).attempts, smsRow(second).attempts, smsRow(third).attempts]).toEqual([1, 1, 0]);
    expect(transports.texts).toHaveLength(0);

    // After the cool-down (and the leases) the provider is back: everything goes, once.
    clock.advance(120_000);
    await desk.dispatchOutbox();
    await desk.dispatchOutbox();
    expect(transports.texts.map((d) => d.message.lookup?.tokens['token']).sort()).toEqual(['IO-1', 'IO-2', 'IO-3']);
    expect([first, second, third].map((id) => smsRow(id).status)).toEqual(['done', 'done', 'done']);
  });
});
