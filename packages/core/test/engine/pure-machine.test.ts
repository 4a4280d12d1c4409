// The engine's pure steps must give exactly what XState's own pure functions give — the same
// next snapshot and the same actions — while reusing one inert actor scope per machine.
import { assign, createActor, emit, fromPromise, initialTransition, raise, setup, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { initialMachineTransition, restoreMachineSnapshot, transitionMachine } from '../../src/engine/pure-machine';
import { reviewInput, reviewMachine } from './review.workflow';

const machineWithHistory = setup({
  types: {} as {
    context: { count: number; log: string[] };
    events: { type: 'next' } | { type: 'pause' } | { type: 'resume' } | { type: 'tick'; by: number };
    emitted: { type: 'reached'; level: number };
  },
}).createMachine({
  id: 'steps',
  context: { count: 0, log: [] },
  initial: 'working',
  states: {
    working: {
      initial: 'one',
      states: {
        one: { on: { next: 'two' } },
        two: { entry: raise({ type: 'tick', by: 2 }, { delay: 1_000, id: 'tick-two' }), exit: assign({ log: ({ context }) => [...context.log, 'left two'] }), on: { next: 'three' } },
        three: { entry: emit({ type: 'reached', level: 3 }) },
        hist: { type: 'history', history: 'shallow' },
      },
      on: { pause: 'paused', tick: { actions: assign({ count: ({ context, event }) => context.count + event.by }) } },
    },
    paused: { on: { resume: 'working.hist' } },
  },
});

const parallel = setup({}).createMachine({
  id: 'order',
  type: 'parallel',
  states: {
    payment: { initial: 'open', states: { open: { on: { pay: 'paid' } }, paid: {} } },
    sla: { initial: 'running', states: { running: { after: { 5_000: 'breached' } }, breached: {} } },
  },
});

function persisted(machine: AnyStateMachine, snapshot: AnyMachineSnapshot) {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))) as unknown;
}

function actionsOf(actions: readonly { type: string; params?: unknown }[]) {
  return actions.map((a) => ({ type: a.type, params: a.params }));
}

/** XState's restore: an unstarted actor given the persisted snapshot. */
function xstateRestore(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): AnyMachineSnapshot {
  const stored = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as never;
  return createActor(machine, { snapshot: stored }).getSnapshot() as AnyMachineSnapshot;
}

describe('pure machine steps', () => {
  it('walk a machine with delays, emits, exits and a history state exactly as XState does', () => {
    const events = [{ type: 'next' }, { type: 'pause' }, { type: 'resume' }, { type: 'tick', by: 2 }, { type: 'next' }, { type: 'pause' }, { type: 'resume' }] as const;
    let [ours, ourActions] = initialMachineTransition(machineWithHistory, undefined);
    let [theirs, theirActions] = initialTransition(machineWithHistory);
    expect(persisted(machineWithHistory, ours)).toEqual(persisted(machineWithHistory, theirs));
    expect(actionsOf(ourActions)).toEqual(actionsOf(theirActions));
    for (const event of events) {
      // Each step starts from a restored snapshot, as the engine's commands do.
      const restored = restoreMachineSnapshot(machineWithHistory, JSON.parse(JSON.stringify(machineWithHistory.getPersistedSnapshot(ours))));
      expect(persisted(machineWithHistory, restored)).toEqual(persisted(machineWithHistory, xstateRestore(machineWithHistory, theirs)));
      [ours, ourActions] = transitionMachine(machineWithHistory, restored, event);
      [theirs, theirActions] = transition(machineWithHistory, xstateRestore(machineWithHistory, theirs), event);
      expect(persisted(machineWithHistory, ours), event.type).toEqual(persisted(machineWithHistory, theirs));
      expect(actionsOf(ourActions), event.type).toEqual(actionsOf(theirActions));
    }
    expect(ours.value).toEqual({ working: 'three' });
    expect(ours.context).toEqual({ count: 2, log: ['left two', 'left two'] }); // left by pause, then by next
  });

  it('agree with XState on the review workflow and on parallel regions', () => {
    const machine = reviewMachine();
    const input = { title: reviewInput.title, amount: 1_200_000n, applicantId: reviewInput.applicantId };
    let [ours, ourActions] = initialMachineTransition(machine, input);
    let [theirs, theirActions] = initialTransition(machine, input);
    for (const event of [{ type: 'submit' }, { type: 'requestInfo', question: 'q' }, { type: 'reply', answer: 'a' }, { type: 'approve' }] as const) {
      [ours, ourActions] = transitionMachine(machine, ours, event);
      [theirs, theirActions] = transition(machine, theirs, event);
      expect(persisted(machine, ours)).toEqual(persisted(machine, theirs));
      expect(actionsOf(ourActions)).toEqual(actionsOf(theirActions));
    }
    expect(ours.status).toBe('done');

    const [start, startActions] = initialMachineTransition(parallel, undefined);
    expect(start.value).toEqual({ payment: 'open', sla: 'running' });
    expect(actionsOf(startActions)).toEqual(actionsOf(initialTransition(parallel)[1]));
    expect(transitionMachine(parallel, start, { type: 'pay' })[0].value).toEqual({ payment: 'paid', sla: 'running' });
  });

  it('leave nothing behind when a step creates child actors: the next step behaves as with a fresh scope', () => {
    const invoking = setup({ actors: { lookup: fromPromise(async () => 1) } }).createMachine({
      id: 'invoking',
      initial: 'idle',
      states: { idle: { on: { go: 'busy' } }, busy: { invoke: { src: 'lookup', systemId: 'the-lookup' }, on: { back: 'idle' } } },
    });
    const [idle] = initialMachineTransition(invoking, undefined);
    // With a shared system the second spawn of "the-lookup" would clash with the first.
    for (let i = 0; i < 2; i++) {
      const [busy, actions] = transitionMachine(invoking, idle, { type: 'go' });
      const [expected, expectedActions] = transition(invoking, idle, { type: 'go' });
      expect(busy.value).toBe('busy');
      expect(Object.keys(busy.children)).toEqual(Object.keys(expected.children));
      expect(actions.map((a) => a.type)).toEqual(expectedActions.map((a) => a.type));
    }
  });

  it('restore what an unstarted actor restores, and refuse a state the machine does not have', () => {
    const machine = reviewMachine();
    const [draft] = initialMachineTransition(machine, { title: 'Census', amount: 5n, applicantId: 'c' });
    const stored = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(draft), (_k, v: unknown) => (typeof v === 'bigint' ? 5 : v))) as Record<string, unknown>;
    const restored = restoreMachineSnapshot(machine, stored);
    expect(restored.value).toBe('draft');
    expect(restored.can({ type: 'submit' })).toBe(true);
    expect(() => restoreMachineSnapshot(machine, { ...stored, value: 'no-such-state' })).toThrow(/no-such-state/);
  });
});
