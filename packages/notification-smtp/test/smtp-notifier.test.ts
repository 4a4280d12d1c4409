import { createDesk, createTemplateSet, defineWorkflow, notification, notify, type Notifier } from '@statdesk/core';
import { MemoryStorage, memoryContacts, TestClock } from '@statdesk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { z } from 'zod';
import { messageIdFor, smtpNotifier, smtpTransport } from '../src';
import { decodeWords, header, MailServer, textBody } from './mail-server';

const tenantId = 'sci';

/** A complaint that notifies its complainant by e-mail when it is escalated. */
const complaints = defineWorkflow({
  name: 'complaint-mail',
  version: '1',
  machine: setup({ types: {} as { context: { profileId: string; trackingCode: string }; input: { profileId: string; trackingCode: string }; events: { type: 'escalate' } } }).createMachine({
    id: 'complaint-mail',
    context: ({ input }) => input,
    initial: 'open',
    states: {
      open: {
        on: {
          escalate: {
            target: 'escalated',
            actions: notify(({ context }) => ({
              recipient: { profileId: context.profileId },
              channel: 'email',
              ...notification('complaint.escalated', { trackingCode: context.trackingCode }),
            })),
          },
        },
      },
      escalated: { type: 'final' },
    },
  }),
  create: { schema: z.object({ profileId: z.string(), trackingCode: z.string() }), roles: ['complainant'] },
  events: { escalate: { roles: ['system'] } },
  ownerRoles: ['complainant'],
  readRoles: ['supervisor'],
});

const servers: MailServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function startServer(port = 0) {
  const server = await new MailServer().start(port);
  servers.push(server);
  return server;
}

function contacts() {
  return memoryContacts()
    .set(tenantId, 'sara', { email: 'sara@example.ir', language: 'fa', displayName: 'سارا احمدی' })
    .set(tenantId, 'john', { email: 'john@example.com', language: 'en' })
    .set(tenantId, 'gone', { email: 'gone@example.ir', language: 'fa' });
}

function deskWith(notifier: Notifier, clock: TestClock, storage = new MemoryStorage()) {
  const desk = createDesk({
    storage,
    clock,
    notifier,
    workflows: [complaints],
    random: () => 1,
    logger: { warn: () => {}, error: () => {} },
    outbox: { afterCommit: 'await', baseDelayMs: 1_000, maxAttempts: 6 },
  });
  return { desk, storage };
}

async function escalate(desk: ReturnType<typeof deskWith>['desk'], profileId: string, trackingCode: string) {
  const { instanceId } = await desk.create({ tenantId, workflow: 'complaint-mail', actor: { id: profileId, roles: ['complainant'] }, input: { profileId, trackingCode } });
  await desk.send({ tenantId, instanceId, actor: { id: 'sla', roles: ['system'] }, event: { type: 'escalate' } });
  return instanceId;
}

describe('smtpNotifier against a real SMTP server', () => {
  it('delivers a Persian message with an encoded subject, the body, and a Message-ID derived from the key', async () => {
    const server = await startServer();
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const notifier = smtpNotifier({
      smtp: { host: '127.0.0.1', port: server.port, from: { name: 'مرکز آمار ایران', address: 'no-reply@amar.example.ir' } },
      contacts: contacts(),
      clock,
    });
    const { desk, storage } = deskWith(notifier, clock);
    const instanceId = await escalate(desk, 'sara', 'C-1403-77');

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.from).toBe('no-reply@amar.example.ir');
    expect(mail!.to).toEqual(['sara@example.ir']);
    const subjectHeader = header(mail!.raw, 'Subject')!;
    expect(subjectHeader).toMatch(/^=\?UTF-8\?[BQ]\?/); // non-ASCII subjects travel as RFC 2047 encoded words
    expect(decodeWords(subjectHeader)).toBe('پیام C-1403-77 به سرپرست ارجاع شد');
    expect(decodeWords(header(mail!.raw, 'From')!)).toBe('مرکز آمار ایران <no-reply@amar.example.ir>');
    expect(header(mail!.raw, 'Content-Language')).toBe('fa');
    expect(header(mail!.raw, 'X-Statdesk-Template')).toBe('complaint.escalated');
    const row = storage.oracle.outbox({ tenantId, instanceId })[0]!;
    expect(header(mail!.raw, 'Message-ID')).toBe(messageIdFor(row.idempotencyKey, 'amar.example.ir'));
    expect(textBody(mail!.raw)).toBe(
      'سارا احمدی گرامی،\n\nپیام شما با کد رهگیری C-1403-77 برای بررسی دوباره به سرپرست ارجاع شد. نتیجه از همین راه به شما اعلام می‌شود.\n\nسامانه دریافت پرسش، انتقاد، پیشنهاد و شکایت\nمرکز آمار ایران\n',
    );
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('while the server is down the mail waits in the outbox, then arrives exactly once', async () => {
    // Find a free port, then leave nothing listening on it.
    const probe = await startServer();
    const port = probe.port;
    await probe.stop();

    const clock = new TestClock('2024-07-15T06:00:00Z');
    const notifier = smtpNotifier({ smtp: { host: '127.0.0.1', port, from: 'no-reply@amar.example.ir', timeoutMs: 2_000 }, contacts: contacts(), clock });
    const { desk, storage } = deskWith(notifier, clock);
    const instanceId = await escalate(desk, 'john', 'C-9');
    const row = () => storage.oracle.outbox({ tenantId, instanceId })[0]!;
    expect(row()).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row().lastError).toMatch(/^SMTP delivery failed \((ESOCKET|ECONNECTION)\): .*ECONNREFUSED/);

    clock.advance(1_000);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(row()).toMatchObject({ status: 'pending', attempts: 2 });

    // The server comes back on the same port.
    const server = await startServer(port);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 }); // not due yet (backoff)
    clock.advance(2_000);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    clock.advance(3_600_000);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(server.received).toHaveLength(1);
    expect(decodeWords(header(server.received[0]!.raw, 'Subject')!)).toBe('Message C-9 referred to a supervisor');
    expect(row()).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('a mailbox the server rejects (550) is dead-lettered at once, the error visible without the address', async () => {
    const server = await startServer();
    server.unknownMailboxes.add('gone@example.ir');
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const notifier = smtpNotifier({ smtp: { host: '127.0.0.1', port: server.port, from: 'no-reply@amar.example.ir' }, contacts: contacts(), clock });
    const { desk, storage } = deskWith(notifier, clock);
    const instanceId = await escalate(desk, 'gone', 'C-10');
    const row = storage.oracle.outbox({ tenantId, instanceId })[0]!;
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toContain('SMTP server refused the message: 550');
    expect(row.lastError).toContain('mailbox unavailable');
    expect(row.lastError).not.toContain('gone@example.ir');
    expect(server.received).toHaveLength(0);
  });

  it('with a circuit breaker, a dead server stops being called until the cool-down, without spending attempts', async () => {
    const probe = await startServer();
    const port = probe.port;
    await probe.stop();
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const notifier = smtpNotifier({
      smtp: { host: '127.0.0.1', port, from: 'no-reply@amar.example.ir', timeoutMs: 2_000 },
      contacts: contacts(),
      clock,
      circuitBreaker: { failureThreshold: 1, coolDownMs: 30_000 },
    });
    const { desk, storage } = deskWith(notifier, clock);
    const first = await escalate(desk, 'john', 'C-1');
    const second = await escalate(desk, 'sara', 'C-2');
    const row = (id: string) => storage.oracle.outbox({ tenantId, instanceId: id })[0]!;
    expect(row(first)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row(second)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });

    const server = await startServer(port);
    clock.advance(60_000); // past the cool-down and the lease
    await desk.dispatchOutbox();
    expect([row(first).status, row(second).status]).toEqual(['done', 'done']);
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['john@example.com', 'sara@example.ir']);
  });

  it('a resend of the same key carries the same Message-ID; different keys differ', async () => {
    const server = await startServer();
    const transport = smtpTransport({ host: '127.0.0.1', port: server.port, from: 'no-reply@amar.example.ir' });
    const message = createTemplateSet().render({ template: 'complaint.escalated', channel: 'email', language: 'en', params: { trackingCode: 'C-1' } });
    const delivery = { idempotencyKey: 'sci:i-1:2:0', tenantId, language: 'en' as const, to: 'john@example.com', message };
    const a = await transport.send(delivery);
    const b = await transport.send(delivery);
    const c = await transport.send({ ...delivery, idempotencyKey: 'sci:i-1:3:0' });
    expect(a.providerMessageId).toBe(b.providerMessageId);
    expect(c.providerMessageId).not.toBe(a.providerMessageId);
    expect(server.received.map((m) => header(m.raw, 'Message-ID'))).toEqual([a.providerMessageId, a.providerMessageId, c.providerMessageId]);
    transport.close();
  });
});

describe('smtpNotifier and portal links', () => {
  const closing = defineWorkflow({
    name: 'complaint-close',
    version: '1',
    machine: setup({ types: {} as { context: { profileId: string }; input: { profileId: string }; events: { type: 'close' } } }).createMachine({
      id: 'complaint-close',
      context: ({ input }) => input,
      initial: 'open',
      states: {
        open: {
          on: {
            close: {
              target: 'closed',
              actions: notify(({ context }) => ({
                recipient: { profileId: context.profileId },
                channel: 'email',
                // Workflows send root-relative links: one definition serves several portals.
                ...notification('complaint.closed', { trackingCode: 'C-1403-77', link: '/complaints/C-1403-77' }),
              })),
            },
          },
        },
        closed: { type: 'final' },
      },
    }),
    create: { schema: z.object({ profileId: z.string() }), roles: ['complainant'] },
    events: { close: { roles: ['system'] } },
  });

  it.each([
    ['with portalUrl, a relative link is sent as the portal address', 'https://amar.example.ir', 'done'],
    ['without it, the message is dead-lettered rather than sent with a broken link', undefined, 'dead'],
  ] as const)('%s', async (_label, portalUrl, status) => {
    const server = await startServer();
    const clock = new TestClock('2024-07-15T06:00:00Z');
    const notifier = smtpNotifier({
      smtp: { host: '127.0.0.1', port: server.port, from: 'no-reply@amar.example.ir' },
      contacts: contacts(),
      clock,
      ...(portalUrl ? { portalUrl } : {}),
    });
    const storage = new MemoryStorage();
    const desk = createDesk({ storage, clock, notifier, workflows: [closing], logger: { warn: () => {}, error: () => {} }, outbox: { afterCommit: 'await' } });
    const { instanceId } = await desk.create({ tenantId, workflow: 'complaint-close', actor: { id: 'john', roles: ['complainant'] }, input: { profileId: 'john' } });
    await desk.send({ tenantId, instanceId, actor: { id: 'sla', roles: ['system'] }, event: { type: 'close' } });
    expect(storage.oracle.outbox({ tenantId, instanceId })[0]?.status).toBe(status);
    if (status === 'done') expect(textBody(server.received[0]!.raw)).toContain('https://amar.example.ir/complaints/C-1403-77');
    else expect(server.received).toHaveLength(0);
  });
});
