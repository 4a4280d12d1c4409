import { createTestDesk } from '@statdesk/testing';
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConflictError, defineWorkflow } from '../../src';

const tenantId = 'sci';
const clerk = { id: 'clerk-1', roles: ['clerk'] };

const ticketMachine = setup({
  types: {} as {
    context: { code: string; receipt?: string; duplicateOf: string[]; price?: bigint };
    input: { code: string };
    events: { type: 'attachReceipt'; bankTracking: string; duplicateOf?: string[] } | { type: 'price'; product: string; unitPrice?: bigint };
  },
}).createMachine({
  id: 'ticket',
  context: ({ input }) => ({ code: input.code, duplicateOf: [] }),
  initial: 'open',
  states: {
    open: {
      on: {
        attachReceipt: { actions: assign({ receipt: ({ event }) => event.bankTracking, duplicateOf: ({ event }) => event.duplicateOf ?? [] }) },
        price: { actions: assign({ price: ({ event }) => event.unitPrice }) },
      },
    },
  },
});

const ticket = defineWorkflow({
  name: 'ticket',
  version: '1',
  machine: ticketMachine,
  create: { schema: z.object({ code: z.string().regex(/^\d{4}$/) }), roles: ['clerk'] },
  readRoles: ['clerk'],
  events: {
    attachReceipt: {
      schema: z.object({ bankTracking: z.string(), duplicateOf: z.array(z.string()).optional() }),
      roles: ['clerk'],
      // The server, not the sender, says which other tickets carry the same receipt.
      enrich: async ({ bankTracking }, { findInstancesByKey, instanceId }) => ({
        duplicateOf: (await findInstancesByKey('receipt.bankTracking', bankTracking)).map((r) => r.instanceId).filter((id) => id !== instanceId),
      }),
    },
    price: {
      schema: z.object({ product: z.string() }),
      roles: ['clerk'],
      enrich: ({ product }, { services }) => ({ unitPrice: (services.prices as Record<string, bigint>)[product] }),
    },
  },
  keys: (snapshot) => [
    { name: 'ticket.code', value: snapshot.context.code, unique: true },
    ...(snapshot.context.receipt ? [{ name: 'receipt.bankTracking', value: snapshot.context.receipt }] : []),
  ],
});

describe('instance keys', () => {
  it('finds instances by key; a unique key clash is a conflict and writes nothing', async () => {
    const t = createTestDesk({ workflows: [ticket] });
    const first = await t.desk.create({ tenantId, workflow: 'ticket', actor: clerk, input: { code: '1234' } });
    expect(await t.desk.findByKey(tenantId, 'ticket.code', '1234')).toEqual([{ tenantId, instanceId: first.instanceId }]);
    const counts = t.storage.oracle.counts();
    const error = await t.desk.create({ tenantId, workflow: 'ticket', actor: clerk, input: { code: '1234' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toMatchObject({ entity: 'instance-key', id: 'ticket.code' });
    expect(t.storage.oracle.counts()).toEqual(counts);
    // The same code in another portal is fine.
    await expect(t.desk.create({ tenantId: 'other', workflow: 'ticket', actor: clerk, input: { code: '1234' } })).resolves.toBeDefined();
    expect(t.storage.oracle.instance({ tenantId, instanceId: first.instanceId })?.keys).toEqual([{ name: 'ticket.code', value: '1234', unique: true }]);
  });

  it('enrich adds server-side facts the sender cannot forge', async () => {
    const t = createTestDesk({ workflows: [ticket], services: { prices: { cd: 250_000n } } });
    const a = await t.desk.create({ tenantId, workflow: 'ticket', actor: clerk, input: { code: '1111' } });
    const b = await t.desk.create({ tenantId, workflow: 'ticket', actor: clerk, input: { code: '2222' } });
    await t.desk.send({ tenantId, instanceId: a.instanceId, actor: clerk, event: { type: 'attachReceipt', bankTracking: 'BT-9', duplicateOf: ['forged'] } });
    await t.desk.send({ tenantId, instanceId: b.instanceId, actor: clerk, event: { type: 'attachReceipt', bankTracking: 'BT-9' } });
    const contextOf = async (id: string) => ((await t.desk.get({ tenantId, instanceId: id }, clerk)).data as { context: { duplicateOf: string[]; price?: bigint } }).context;
    expect((await contextOf(a.instanceId)).duplicateOf).toEqual([]);
    expect((await contextOf(b.instanceId)).duplicateOf).toEqual([a.instanceId]);
    expect(await t.desk.findByKey(tenantId, 'receipt.bankTracking', 'BT-9')).toHaveLength(2);

    await t.desk.send({ tenantId, instanceId: a.instanceId, actor: clerk, event: { type: 'price', product: 'cd', unitPrice: 1n } });
    expect((await contextOf(a.instanceId)).price).toBe(250_000n);
  });
});

describe('enrich and the current state', () => {
  it('an event the state does not handle is an invalid transition before its enrich step runs', async () => {
    let enrichCalls = 0;
    const machine = setup({ types: {} as { events: { type: 'open' } | { type: 'price'; total?: number } } }).createMachine({
      id: 'gate',
      initial: 'closed',
      states: { closed: { on: { open: 'opened' } }, opened: { on: { price: {} } } },
    });
    const gate = defineWorkflow({
      name: 'gate',
      version: '1',
      machine,
      create: { roles: ['clerk'] },
      events: {
        open: { roles: ['clerk'] },
        price: {
          roles: ['clerk'],
          enrich: () => {
            enrichCalls++;
            throw new Error('no price list for a closed gate');
          },
        },
      },
    });
    const t = createTestDesk({ workflows: [gate] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'gate', actor: clerk });
    await expect(t.desk.send({ tenantId, instanceId, actor: clerk, event: { type: 'price' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(enrichCalls).toBe(0);
    await t.desk.send({ tenantId, instanceId, actor: clerk, event: { type: 'open' } });
    await expect(t.desk.send({ tenantId, instanceId, actor: clerk, event: { type: 'price' } })).rejects.toThrow('no price list');
    expect(enrichCalls).toBe(1);
  });
});
