/**
 * Every command of an information order's whole life, delivered twice. The scenario runs through
 * a desk that gives each command an idempotency key (as a portal does from the
 * `Idempotency-Key` header) and sends it again at once with the same key: the second delivery
 * must return the first one's result marked `replayed`, write nothing and notify no one. At
 * the end every command is sent once more without its key: the state machine rejects it with a
 * typed error, or, for the few a person may really do again, takes it as a new intent.
 */
import { describe, expect, it } from 'vitest';
import { isStatdeskError, type CommandResult, type CreateCommand, type Desk, type SendCommand } from '../../src';
import { createWorld, placeOrder, stateOf, steps, type OrderWorld } from '../workflows/information-order/harness';

type Delivered = { kind: 'create'; command: CreateCommand; result: CommandResult } | { kind: 'send'; command: SendCommand; result: CommandResult };

/** Sends every command twice with one key and checks the second changed nothing. */
function twiceDeliveringDesk(world: OrderWorld, inner: Desk, log: Delivered[]): Desk {
  const desk = Object.create(inner) as Desk;
  const footprint = async () => ({ counts: await world.oracle.counts(), messages: world.notifier.calls.length });
  const twice = async <C extends CreateCommand | SendCommand>(kind: 'create' | 'send', command: C, run: (c: C) => Promise<CommandResult>) => {
    const keyed = { ...command, idempotencyKey: `key-${log.length + 1}` };
    const result = await run(keyed);
    const before = await footprint();
    const again = await run(keyed);
    expect(again, `${kind} ${keyed.idempotencyKey} delivered again`).toEqual({ ...result, replayed: true });
    expect(await footprint()).toEqual(before);
    log.push({ kind, command: keyed, result } as Delivered);
    return result;
  };
  desk.create = (command) => twice('create', command, (c) => inner.create(c));
  desk.send = (command) => twice('send', command, (c) => inner.send(c));
  return desk;
}

/** Commands a person may really do again without a key (each is a new intent, not a retry). */
const NEW_INTENTS: Readonly<Record<string, string>> = {
  'create information-order': 'without a key or an instance id, another create is another order',
  download: 'each download of a delivered file is counted against the link, as it should be',
  sendMessage: 'the order\'s thread stays open after delivery: the same words sent again are another message',
};

describe('every command of an information order delivered twice', () => {
  it('with its key the repeat is a replay that writes nothing; without, it is rejected or a new intent', async () => {
    const world = await createWorld();
    const log: Delivered[] = [];
    world.t = { ...world.t, desk: twiceDeliveringDesk(world, world.t.desk, log) };

    const id = await placeOrder(world);
    for (const step of ['submit', 'ask', 'reply', 'accept', 'quote', 'acceptQuote', 'submitReceipt', 'verify', 'startPreparation', 'attach', 'deliver', 'download'] as const) {
      await steps[step](world, id);
    }
    expect(await stateOf(world, id)).toBe('delivered');
    expect(log).toHaveLength(13);

    const inner = Object.getPrototypeOf(world.t.desk) as Desk;
    const accepted: string[] = [];
    for (const entry of log) {
      const { idempotencyKey: _key, ...bare } = entry.command;
      const type = entry.kind === 'create' ? `create ${(bare as CreateCommand).workflow}` : (bare as SendCommand).event.type;
      const before = await world.oracle.counts();
      const outcome = await (entry.kind === 'create' ? inner.create(bare as CreateCommand) : inner.send(bare as SendCommand)).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (outcome === undefined) {
        expect(Object.keys(NEW_INTENTS), `${type} without its key was applied`).toContain(type);
        accepted.push(type);
        continue;
      }
      expect(isStatdeskError(outcome, 'INVALID_TRANSITION'), `${type} without its key: ${String(outcome)}`).toBe(true);
      expect(await world.oracle.counts(), `${type} without its key wrote something`).toEqual(before);
    }
    expect(accepted.sort()).toEqual(Object.keys(NEW_INTENTS).sort());
  });
});
