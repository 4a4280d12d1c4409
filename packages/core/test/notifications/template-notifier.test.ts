import { MemoryStorage, memoryContacts, recordingTransports, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import {
  createDesk,
  createTemplateNotifier,
  createTemplateSet,
  memorySentNotificationStore,
  type SentNotificationStore,
  type Storage,
} from '../../src';
import { applicant, finance, lettersWorkflow, pricing } from './letters.workflow';

const tenantId = 'sci';
const quiet = { warn: () => {}, error: () => {} };
const templates = createTemplateSet();

function setup(options: { storage?: Storage; sent?: SentNotificationStore; afterCommit?: 'await' | 'off' } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const clock = new TestClock('2024-07-15T06:00:00Z');
  const contacts = memoryContacts().set(tenantId, 'citizen-1', { email: 'sara@example.ir', mobile: '09121234567', language: 'fa', displayName: 'سارا احمدی' });
  const transports = recordingTransports();
  const sent = options.sent ?? memorySentNotificationStore();
  const notifier = createTemplateNotifier({ contacts, templates, transports: transports.transports, sent, clock });
  const desk = createDesk({ storage, clock, notifier, workflows: [lettersWorkflow], logger: quiet, outbox: { afterCommit: options.afterCommit ?? 'await' } });
  return { storage, clock, contacts, transports, sent, notifier, desk };
}

async function quoted(t: ReturnType<typeof setup>, amount = '12500000') {
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'letters', actor: applicant, input: { profileId: 'citizen-1', orderNumber: 'IO-1403-000123' } });
  await t.desk.send({ tenantId, instanceId, actor: pricing, event: { type: 'quote', amount } });
  return instanceId;
}

/** Memory storage whose next commit fails after the transaction's writes were made. */
class FailingCommitStorage extends MemoryStorage {
  failNextCommit = false;
  override async transaction<T>(fn: Parameters<MemoryStorage['transaction']>[0]): Promise<T> {
    return super.transaction(async (tx) => {
      const result = await fn(tx);
      if (this.failNextCommit) {
        this.failNextCommit = false;
        throw new Error('simulated commit failure');
      }
      return result as T;
    }) as Promise<T>;
  }
}

describe('the template notifier behind the outbox', () => {
  it('a committed transition sends each message once, rendered for the profile, to its official contacts', async () => {
    const t = setup();
    await quoted(t);
    expect(t.transports.emails).toHaveLength(1);
    expect(t.transports.texts).toHaveLength(1);
    const [email] = t.transports.emails;
    expect(email).toMatchObject({ to: 'sara@example.ir', toName: 'سارا احمدی', language: 'fa', tenantId });
    expect(email!.message.subject).toBe('اعلام هزینه سفارش اطلاعات IO-1403-000123');
    expect(email!.message.text).toContain('۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)');
    expect(email!.message.text.startsWith('سارا احمدی گرامی،')).toBe(true);
    const [sms] = t.transports.texts;
    expect(sms).toMatchObject({ to: '09121234567', message: { lookup: { template: 'information-order-quote-ready-fa' } } });
    expect(email!.idempotencyKey).not.toBe(sms!.idempotencyKey);
    // Running the outbox again sends nothing more.
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(t.transports.attempts).toBe(2);
  });

  it('a transition that rolls back sends nothing and leaves no outbox row', async () => {
    const storage = new FailingCommitStorage();
    const t = setup({ storage });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'letters', actor: applicant, input: { profileId: 'citizen-1', orderNumber: 'IO-9' } });
    storage.failNextCommit = true;
    await expect(t.desk.send({ tenantId, instanceId, actor: pricing, event: { type: 'quote', amount: '1000' } })).rejects.toThrow('simulated commit failure');
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(storage.oracle.outbox({ tenantId, instanceId })).toEqual([]);
    expect(t.transports.attempts).toBe(0);
    // The same command committed later sends once.
    await t.desk.send({ tenantId, instanceId, actor: pricing, event: { type: 'quote', amount: '1000' } });
    expect(t.transports.emails).toHaveLength(1);
  });

  it('a process that dies between commit and send: a new desk on the same storage sends once', async () => {
    const storage = new MemoryStorage();
    const sent = memorySentNotificationStore();
    const first = setup({ storage, sent, afterCommit: 'off' });
    const instanceId = await quoted(first);
    expect(first.transports.attempts).toBe(0);

    const second = setup({ storage, sent });
    expect(await second.desk.dispatchOutbox()).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(await second.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(second.transports.emails).toHaveLength(1);
    expect(second.transports.texts).toHaveLength(1);
    expect(storage.oracle.outbox({ tenantId, instanceId }).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('a process that dies after sending and before marking the row done does not send again', async () => {
    const storage = new MemoryStorage();
    const sent = memorySentNotificationStore();
    const first = setup({ storage, sent, afterCommit: 'off' });
    await quoted(first);
    // The first worker claims the rows and delivers them, then dies before completing the rows.
    const rows = await storage.claimOutbox({ now: first.clock.now(), limit: 10, leaseMs: 60_000, workerId: 'dying' });
    for (const row of rows) {
      const payload = row.payload as { recipient: { profileId: string }; channel: 'email' | 'sms'; template: string; params: Record<string, never> };
      await first.notifier.send({ recipient: { tenantId, profileId: payload.recipient.profileId }, channel: payload.channel, template: payload.template, params: payload.params, language: 'fa', idempotencyKey: row.idempotencyKey });
    }
    expect(first.transports.attempts).toBe(2);

    const second = setup({ storage, sent });
    second.clock.set(new Date(first.clock.now().getTime() + 60_000));
    expect(await second.desk.dispatchOutbox()).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(second.transports.attempts).toBe(0);
    expect(sent.size).toBe(2);
  });

  it('the intent is recorded before the provider is called; a lost "sent" record is resent with the same key, or skipped when asked', async () => {
    // The record after a send fails (the database went away), as in a PostgreSQL restart under load.
    const lossy = (): SentNotificationStore & { inner: ReturnType<typeof memorySentNotificationStore> } => {
      const inner = memorySentNotificationStore();
      return {
        inner,
        find: (key) => inner.find(key),
        recordIntent: (intent) => inner.recordIntent(intent),
        record: () => Promise.reject(new Error('connection terminated')),
      };
    };
    for (const mode of ['send', 'skip'] as const) {
      const sent = lossy();
      const storage = new MemoryStorage();
      const t = setup({ storage, sent, afterCommit: 'off' });
      await quoted(t);
      expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 2, dead: 0 });
      expect(t.transports.attempts).toBe(2);
      const [row] = storage.oracle.outbox();
      expect(await sent.inner.find(row!.idempotencyKey)).toMatchObject({ state: 'sending' });

      const transports = recordingTransports();
      const contacts = memoryContacts().set(tenantId, 'citizen-1', { email: 'sara@example.ir', mobile: '09121234567', language: 'fa' });
      const retry = createTemplateNotifier({ contacts, templates, transports: transports.transports, sent: sent.inner, clock: t.clock, uncertainResend: mode });
      const payload = row!.payload as { channel: 'email' | 'sms'; template: string; params: Record<string, never> };
      const receipt = await retry.send({ recipient: { tenantId, profileId: 'citizen-1' }, channel: payload.channel, template: payload.template, params: payload.params, language: 'fa', idempotencyKey: row!.idempotencyKey });
      if (mode === 'send') {
        // Again, with the same key for the provider to recognise.
        expect(receipt.duplicate).toBe(false);
        expect([...transports.emails, ...transports.texts].map((m) => m.idempotencyKey)).toEqual([row!.idempotencyKey]);
      } else {
        expect(receipt.duplicate).toBe(true);
        expect(transports.attempts).toBe(0);
      }
      expect(await sent.inner.find(row!.idempotencyKey)).not.toHaveProperty('state');
    }
  });

  it('contacts are resolved at send time: a changed address is used by the next message', async () => {
    const t = setup();
    const instanceId = await quoted(t);
    t.contacts.set(tenantId, 'citizen-1', { email: 'sara@example.ir', mobile: '09359876543', language: 'en' });
    await t.desk.send({ tenantId, instanceId, actor: finance, event: { type: 'confirm' } });
    expect(t.transports.texts.at(-1)).toMatchObject({ to: '09359876543', language: 'en' });
    expect(t.transports.texts.at(-1)!.message.text).toBe(
      'Statistical Centre of Iran: payment of 1,250,000 Toman for order IO-1403-000123 confirmed; data preparation has started.',
    );
  });

  it('an unknown profile, or one without the channel contact, is dead-lettered at once with the reason', async () => {
    const t = setup();
    t.contacts.set(tenantId, 'citizen-1', { email: 'sara@example.ir', language: 'fa' }); // no mobile
    const instanceId = await quoted(t);
    const rows = t.storage instanceof MemoryStorage ? t.storage.oracle.outbox({ tenantId, instanceId }) : [];
    expect(rows.map((r) => [(r.payload as { channel: string }).channel, r.status, r.attempts, r.lastError]).sort()).toEqual([
      ['email', 'done', 1, null],
      ['sms', 'dead', 1, 'Profile "citizen-1" has no official mobile number'],
    ]);

    t.contacts.remove(tenantId, 'citizen-1');
    await t.desk.send({ tenantId, instanceId, actor: finance, event: { type: 'confirm' } });
    const last = (t.storage as MemoryStorage).oracle.outbox({ tenantId, instanceId }).find((r) => (r.payload as { template: string }).template === 'information-order.payment-confirmed')!;
    expect(last).toMatchObject({ status: 'dead', attempts: 1, lastError: 'No profile "citizen-1" in tenant "sci"' });
  });

  it('a transport failure is retried with the same key and then delivered once', async () => {
    const t = setup();
    t.transports.fail(() => new Error('provider timeout'), 1);
    const instanceId = await quoted(t);
    const oracle = (t.storage as MemoryStorage).oracle;
    const statuses = () => oracle.outbox({ tenantId, instanceId }).map((r) => `${r.status}/${r.attempts}`).sort();
    expect(statuses()).toEqual(['done/1', 'pending/1']);
    t.clock.advance(3_600_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(statuses()).toEqual(['done/1', 'done/2']);
    expect(t.transports.emails).toHaveLength(1);
    expect(t.transports.texts).toHaveLength(1);
    expect(t.transports.attempts).toBe(3);
  });
});
