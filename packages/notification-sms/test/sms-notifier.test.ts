import { createDesk, createTemplateNotifier, createTemplateSet, defineWorkflow, isStatdeskError, notification, notify, type SmsTransport } from '@statdesk/core';
import { MemoryStorage, memoryContacts, TestClock } from '@statdesk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { z } from 'zod';
import { kavenegarProvider, localIdFor, smsIrProvider, smsTransport } from '../src';
import { ProviderServer } from './provider-server';

const tenantId = 'sci';
const templates = createTemplateSet();
const mobile = '09121234567';

/** A shop order that texts its customer when it ships. */
const shipping = defineWorkflow({
  name: 'shipping',
  version: '1',
  machine: setup({ types: {} as { context: { profileId: string; orderNumber: string }; input: { profileId: string; orderNumber: string }; events: { type: 'ship'; postalTrackingCode: string } } }).createMachine({
    id: 'shipping',
    context: ({ input }) => input,
    initial: 'paid',
    states: {
      paid: {
        on: {
          ship: {
            target: 'shipped',
            actions: notify(({ context, event }) => ({
              recipient: { profileId: context.profileId },
              channel: 'sms',
              ...notification('shop-order.shipped', { orderNumber: context.orderNumber, postalTrackingCode: event.postalTrackingCode }),
            })),
          },
        },
      },
      shipped: { type: 'final' },
    },
  }),
  create: { schema: z.object({ profileId: z.string(), orderNumber: z.string() }), roles: ['customer'] },
  events: { ship: { schema: z.object({ postalTrackingCode: z.string() }), roles: ['shop'] } },
  ownerRoles: ['customer'],
  readRoles: ['shop'],
});

const kavenegarOk = () => ({ status: 200, body: { return: { status: 200, message: 'تایید شد' }, entries: [{ messageid: 8792343, receptor: mobile, status: 5 }] } });
const smsIrOk = () => ({ status: 200, body: { status: 1, message: 'موفق', data: { messageId: 556677, cost: 1 } } });

const servers: ProviderServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
async function startServer(success: ConstructorParameters<typeof ProviderServer>[0], port = 0) {
  const server = await new ProviderServer(success).start(port);
  servers.push(server);
  return server;
}

function deskWith(sms: SmsTransport, language: 'fa' | 'en' = 'fa') {
  const storage = new MemoryStorage();
  const clock = new TestClock('2024-07-15T06:00:00Z');
  const contacts = memoryContacts().set(tenantId, 'c-1', { mobile, language }).set(tenantId, 'c-2', { email: 'x@example.ir', language });
  const logs: unknown[] = [];
  const desk = createDesk({
    storage,
    clock,
    notifier: createTemplateNotifier({ contacts, templates, transports: { sms }, clock }),
    workflows: [shipping],
    random: () => 1,
    logger: { warn: (m, f) => void logs.push([m, f]), error: (m, f) => void logs.push([m, f]) },
    outbox: { afterCommit: 'await', baseDelayMs: 1_000 },
  });
  const ship = async (profileId = 'c-1', code = 'PT-123456789') => {
    const { instanceId } = await desk.create({ tenantId, workflow: 'shipping', actor: { id: profileId, roles: ['customer'] }, input: { profileId, orderNumber: 'SO-42' } });
    await desk.send({ tenantId, instanceId, actor: { id: 'shop-1', roles: ['shop'] }, event: { type: 'ship', postalTrackingCode: code } });
    return storage.oracle.outbox({ tenantId, instanceId })[0]!;
  };
  return { desk, storage, clock, ship, logs, row: (id: string) => storage.oracle.outbox().find((r) => r.id === id)! };
}

describe('Kavenegar-style lookup', () => {
  it('POSTs the receptor, template and tokens to /v1/{apikey}/verify/lookup.json', async () => {
    const server = await startServer(kavenegarOk);
    const t = deskWith(smsTransport({ provider: kavenegarProvider({ apiKey: 'KEY-1', baseUrl: server.baseUrl }), templates }));
    const row = await t.ship();
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url.pathname).toBe('/v1/KEY-1/verify/lookup.json');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
      receptor: mobile,
      template: 'shop-order-shipped-fa',
      token: 'SO-42',
      token2: 'PT-123456789',
    });
  });

  it('GET puts the fields in the query, spaces inside tokens become ZWNJ, and a local-id parameter carries a stable id derived from the key', async () => {
    const server = await startServer(kavenegarOk);
    const transport = smsTransport({ provider: kavenegarProvider({ apiKey: 'KEY-1', baseUrl: server.baseUrl, method: 'GET', localIdParam: 'localid' }) });
    const message = templates.render({ template: 'information-order.quote-ready', channel: 'sms', language: 'fa', params: { orderNumber: 'IO-7', amount: 12_500_000n, validUntil: '2024-07-20T08:00:00Z', link: 'https://portal.example.ir/o/IO-7' } });
    const delivery = { to: mobile, message, idempotencyKey: 'sci:i-7:3:0', tenantId, language: 'fa' as const };
    expect(await transport.send(delivery)).toEqual({ providerMessageId: '8792343' });
    await transport.send(delivery);
    const [a, b] = server.requests;
    expect(a!.method).toBe('GET');
    expect(a!.url.searchParams.get('token2')).toBe('۱٬۲۵۰٬۰۰۰\u200cتومان');
    expect(a!.url.searchParams.get('token3')).toBe('۳۰\u200cتیر\u200c۱۴۰۳');
    expect(a!.url.searchParams.get('localid')).toBe(localIdFor('sci:i-7:3:0'));
    expect(b!.url.searchParams.get('localid')).toBe(a!.url.searchParams.get('localid'));
    expect(localIdFor('sci:i-7:4:0')).not.toBe(localIdFor('sci:i-7:3:0'));
  });

  it('a provider outage delays the message with backoff, then it is sent once', async () => {
    const server = await startServer(kavenegarOk);
    server.queued.push({ status: 502, body: { return: { status: 502, message: 'bad gateway' } } }, { status: 503, body: 'down' });
    const t = deskWith(smsTransport({ provider: kavenegarProvider({ apiKey: 'KEY-1', baseUrl: server.baseUrl }) }));
    const row = await t.ship();
    expect(t.row(row.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS provider kavenegar failed: Kavenegar 502: bad gateway' });
    t.clock.advance(1_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 1, dead: 0 });
    t.clock.advance(2_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    t.clock.advance(3_600_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(server.requests).toHaveLength(3);
    expect(t.row(row.id)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('an unreachable provider is retried, and the error names neither the key nor the number', async () => {
    const probe = await startServer(kavenegarOk);
    const port = probe.port;
    await probe.stop();
    const t = deskWith(smsTransport({ provider: kavenegarProvider({ apiKey: 'SECRET-KEY', baseUrl: `http://127.0.0.1:${port}`, method: 'GET' }), timeoutMs: 2_000 }));
    const row = await t.ship();
    const stored = t.row(row.id);
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
    expect(stored.lastError).toBe('SMS provider kavenegar unreachable (ECONNREFUSED)');
    expect(JSON.stringify(t.logs)).not.toContain(mobile);
  });

  it('an invalid receptor (411) is dead-lettered at once; the number echoed by the provider is masked', async () => {
    const server = await startServer(kavenegarOk);
    server.queued.push({ status: 411, body: { return: { status: 411, message: `receptor ${mobile} is invalid` } } });
    const t = deskWith(smsTransport({ provider: kavenegarProvider({ apiKey: 'KEY-1', baseUrl: server.baseUrl }) }));
    const row = await t.ship();
    expect(t.row(row.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'SMS provider kavenegar refused the message: Kavenegar 411: receptor <mobile> is invalid' });
    expect(JSON.stringify(t.logs)).not.toContain(mobile);
    expect(t.logs).toHaveLength(1); // the engine's "gave up" line
  });

  it('a profile without a mobile is dead-lettered before any request', async () => {
    const server = await startServer(kavenegarOk);
    const t = deskWith(smsTransport({ provider: kavenegarProvider({ apiKey: 'KEY-1', baseUrl: server.baseUrl }) }));
    const row = await t.ship('c-2');
    expect(t.row(row.id)).toMatchObject({ status: 'dead', lastError: 'Profile "c-2" has no official mobile number' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('SMS.ir-style verify', () => {
  const templateIds = Object.fromEntries(
    templates.ids().flatMap((id, i) => (['fa', 'en'] as const).map((language, j) => [templates.template(id)[language].sms.lookup!.template, 100_000 + i * 2 + j])),
  );

  it('POSTs JSON {mobile, templateId, parameters} with the x-api-key header', async () => {
    const server = await startServer(smsIrOk);
    const t = deskWith(smsTransport({ provider: smsIrProvider({ apiKey: 'IR-KEY', baseUrl: server.baseUrl, templateIds }), templates }), 'en');
    const row = await t.ship();
    expect(row).toMatchObject({ status: 'done' });
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url.pathname).toBe('/v1/send/verify');
    expect(request!.headers['x-api-key']).toBe('IR-KEY');
    expect(JSON.parse(request!.body)).toEqual({
      mobile,
      templateId: templateIds['shop-order-shipped-en'],
      parameters: [
        { name: 'token', value: 'SO-42' },
        { name: 'token2', value: 'PT-123456789' },
      ],
    });
  });

  it('a 400 answer is permanent; a 429 is retried', async () => {
    const server = await startServer(smsIrOk);
    server.queued.push({ status: 400, body: { status: 0, message: 'invalid mobile' } }, { status: 429, body: { status: 0, message: 'too many requests' } });
    const t = deskWith(smsTransport({ provider: smsIrProvider({ apiKey: 'IR-KEY', baseUrl: server.baseUrl, templateIds }) }));
    const dead = await t.ship();
    expect(t.row(dead.id)).toMatchObject({ status: 'dead', lastError: 'SMS provider sms.ir refused the message: SMS.ir HTTP 400: invalid mobile' });
    const retried = await t.ship('c-1', 'PT-2');
    expect(t.row(retried.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS provider sms.ir failed: SMS.ir HTTP 429: too many requests' });
  });

  it('a template the provider has no id for is refused at startup, listing every gap', () => {
    const { ['complaint-closed-fa']: _a, ['complaint-closed-en']: _b, ...partial } = templateIds;
    let error: unknown;
    try {
      smsTransport({ provider: smsIrProvider({ apiKey: 'IR-KEY', templateIds: partial }), templates });
    } catch (e) {
      error = e;
    }
    expect(isStatdeskError(error, 'DEFINITION')).toBe(true);
    expect((error as Error).message).toBe('SMS provider sms.ir cannot send every notification:\n- no SMS.ir template id for "complaint-closed-fa"\n- no SMS.ir template id for "complaint-closed-en"');
  });
});
