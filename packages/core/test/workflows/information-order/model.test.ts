/**
 * Model-based tests with `xstate/graph`: the machine is explored with one sample of every event
 * (in the enriched form the desk hands it), and the test checks that every state is reached and
 * every transition the machine declares is taken. Then the shortest path to every state is
 * replayed through a real desk, turning each machine event into the command an actor sends
 * (timer events into test-clock advances).
 */
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { informationOrderMachine, stateToString, type InformationOrderContext, type InformationOrderEvent } from '../../../src';
import { REQUEST, createWorld, maryam, orderAt, send, stateOf, steps, consultant, supervisor, preparer, finance, type OrderWorld } from './harness';

const machine = informationOrderMachine({ maxReceiptAttempts: 2, download: { maxDownloads: 2 } });
const at = new Date('2025-05-03T05:30:00Z');
const later = (days: number) => new Date(at.getTime() + days * 86_400_000);
const file = { key: 'deliveries/o/tables.xlsx', sha256: 'a'.repeat(64), size: 10, contentType: 'application/pdf' };
const link = (id: string) => ({ id, token: `token-${id}`, tokenHash: `hash-${id}`, issuedAt: at, expiresAt: later(7), maxDownloads: 2, downloads: 0 });
const quote = { number: 1, issuedAt: at, issuedBy: 'pricing-1', validUntil: later(10), total: 125_000n, detail: {} as never, requestRevision: 1 };

/** Every leaf state, named as the engine names states (`consultation.open`). */
function leaves(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length ? children.flatMap(leaves) : [node];
}
const nameOf = (node: AnyStateNode) => node.id.slice(machine.id.length + 1);
function initialLeaf(node: AnyStateNode): AnyStateNode {
  const children = Object.values(node.states) as AnyStateNode[];
  if (!children.length) return node;
  return initialLeaf(node.states[node.config.initial as string] as AnyStateNode);
}

/** The machine's declared transitions as `from --event--> to` (leaf to leaf). */
function declaredTransitions(): Set<string> {
  const edges = new Set<string>();
  for (const leaf of leaves(machine.root)) {
    const handled = new Set<string>();
    for (let node: AnyStateNode | undefined = leaf; node && node !== machine.root; node = node.parent) {
      for (const [type, candidates] of node.transitions) {
        if (handled.has(type)) continue; // the nearest state's handler wins
        handled.add(type);
        for (const candidate of candidates) {
          const target = candidate.target?.[0];
          edges.add(`${nameOf(leaf)} --${type}--> ${target ? nameOf(initialLeaf(target)) : nameOf(leaf)}`);
        }
      }
    }
  }
  return edges;
}

const timerEvents = leaves(machine.root).flatMap((leaf) => (leaf.after ?? []).map((t) => ({ type: t.eventType }) as unknown as InformationOrderEvent));

const sampleEvents: InformationOrderEvent[] = [
  { type: 'updateRequest', request: REQUEST, at, actorId: 'maryam' },
  { type: 'submit', at, actorId: 'maryam' },
  { type: 'sendMessage', text: 'from the applicant', at, actorId: 'maryam' },
  { type: 'sendMessage', text: 'from staff', at, actorId: 'consultant-1' },
  { type: 'askQuestion', text: 'Which years?', replyDueAt: later(10), at, actorId: 'consultant-1' },
  { type: 'accept', at, actorId: 'consultant-1' },
  { type: 'reject', reason: 'no', at, actorId: 'consultant-1' },
  { type: 'redirect', productId: 'yearbook', at, actorId: 'consultant-1' },
  { type: 'issueQuote', items: { records: 10 }, quote, at, actorId: 'pricing-1' },
  { type: 'acceptQuote', paymentDueAt: later(5), at, actorId: 'maryam' },
  { type: 'cancel', reason: 'changed my mind', at, actorId: 'maryam' },
  { type: 'submitReceipt', bankTracking: 'BT1', amount: 125_000n, paidOn: '2025-05-03', cardLastFour: '1234', scan: file, duplicates: [], at, actorId: 'maryam' },
  { type: 'verifyPayment', at, actorId: 'finance-1' },
  { type: 'rejectReceipt', reason: 'unreadable', paymentDueAt: later(5), at, actorId: 'finance-1' },
  { type: 'startPreparation', at, actorId: 'preparer-1' },
  { type: 'attachFile', file, at, actorId: 'preparer-1' },
  { type: 'deliver', link: link('L1'), closesAt: later(21), at, actorId: 'preparer-1' },
  { type: 'download', token: 'token-L1', fileKey: file.key, linkId: 'L1', at, actorId: 'maryam' },
  { type: 'reissueLink', link: link('L1'), closesAt: later(21), at, actorId: 'preparer-1' },
  { type: 'revokeLink', reason: 'wrong person', at, actorId: 'preparer-1' },
  { type: 'close', at, actorId: 'maryam' },
  { type: 'cannotFulfil', reason: 'data withdrawn', at, actorId: 'preparer-1' },
  { type: 'recordRefund', reference: 'SATNA-1', at, actorId: 'finance-1' },
  { type: 'provideRefundAccount', iban: '', account: { sealed: 'sealed', lastFour: '0001' }, at, actorId: 'maryam' },
  ...timerEvents,
];

/** States are the same for the model when the facts that guards read are the same. */
function serializeState(snapshot: { value: unknown; context: InformationOrderContext }): string {
  const c = snapshot.context;
  const l = c.delivery.link;
  return JSON.stringify([stateToString(snapshot.value as never), c.payment.receipts.length, c.delivery.files.length, l ? [l.revokedAt !== undefined, l.downloads] : null]);
}

const traversal = {
  events: sampleEvents,
  input: { request: REQUEST, applicantId: 'maryam', orderNumber: 'o' },
  serializeState: serializeState as never,
  serializeEvent: (event: InformationOrderEvent) => `${event.type}:${'actorId' in event ? event.actorId : ''}`,
};

describe('information order: model-based', () => {
  const adjacency = getAdjacencyMap(machine, traversal);
  const observed = new Set<string>();
  const reached = new Set<string>();
  type Snapshot = ReturnType<typeof Object.values<(typeof adjacency)[keyof typeof adjacency]>>[number]['state'];
  const edgesOf = (transitions: object) => Object.values(transitions) as { event: InformationOrderEvent; state: Snapshot }[];
  for (const { state, transitions } of Object.values(adjacency)) {
    reached.add(stateToString(state.value));
    for (const { event, state: next } of edgesOf(transitions)) {
      // An event the state does not accept leaves it unchanged: that is no transition.
      if (!state.can(event)) continue;
      observed.add(`${stateToString(state.value)} --${event.type}--> ${stateToString(next.value)}`);
    }
  }

  it('reaches every state of the machine', () => {
    expect([...reached].sort()).toEqual(leaves(machine.root).map(nameOf).sort());
  });

  it('takes every transition the machine declares, and no other', () => {
    const declared = declaredTransitions();
    expect(declared.size).toBeGreaterThan(60);
    expect([...observed].sort()).toEqual([...declared].sort());
  });

  it('final states accept nothing; every other state has a way on', () => {
    for (const { state, transitions } of Object.values(adjacency)) {
      const moves = edgesOf(transitions).filter((t) => stateToString(t.state.value) !== stateToString(state.value) || t.state.context !== state.context);
      expect([stateToString(state.value), state.status === 'done' ? moves.length === 0 : moves.length > 0]).toEqual([stateToString(state.value), true]);
    }
  });

  /** How an actor (or the clock) produces each machine event through the desk. */
  const commands: Record<string, (w: OrderWorld, id: string, event: InformationOrderEvent) => Promise<unknown>> = {
    updateRequest: (w, id) => send(w, id, maryam, { type: 'updateRequest', request: REQUEST }),
    submit: steps.submit,
    sendMessage: (w, id, e) => send(w, id, e.actorId === 'maryam' ? maryam : consultant, { type: 'sendMessage', text: 'hello' }),
    askQuestion: steps.ask,
    accept: steps.accept,
    reject: (w, id) => send(w, id, consultant, { type: 'reject', reason: 'no' }),
    redirect: (w, id) => send(w, id, consultant, { type: 'redirect', productId: 'yearbook' }),
    issueQuote: (w, id) => steps.quote(w, id),
    acceptQuote: steps.acceptQuote,
    cancel: (w, id) => send(w, id, maryam, { type: 'cancel', reason: 'no' }),
    submitReceipt: (w, id) => steps.submitReceipt(w, id),
    verifyPayment: (w, id) => steps.verify(w, id),
    rejectReceipt: steps.rejectReceipt,
    startPreparation: steps.startPreparation,
    attachFile: steps.attach,
    deliver: steps.deliver,
    download: steps.download,
    reissueLink: (w, id) => send(w, id, preparer, { type: 'reissueLink' }),
    revokeLink: (w, id) => send(w, id, supervisor, { type: 'revokeLink', reason: 'x' }),
    close: (w, id) => send(w, id, maryam, { type: 'close' }),
    cannotFulfil: (w, id) => send(w, id, preparer, { type: 'cannotFulfil', reason: 'data withdrawn' }),
    recordRefund: (w, id) => send(w, id, finance, { type: 'recordRefund', reference: 'SATNA-1' }),
    provideRefundAccount: (w, id) => send(w, id, maryam, { type: 'provideRefundAccount', iban: 'IR570629600000001003242001' }),
  };

  const paths = getShortestPaths(machine, traversal);
  it.each(paths.map((p) => [serializeState(p.state as never), p] as const))('replays the shortest path to %s through a desk', async (_name, path) => {
    const w = await createWorld({ options: { maxReceiptAttempts: 2, download: { maxDownloads: 2 } } });
    const id = await orderAt(w, 'draft');
    for (const { event } of path.steps) {
      if ((event.type as string) === 'xstate.init') continue;
      if (event.type.startsWith('xstate.after.')) await w.t.advance({ days: 60 });
      else await commands[event.type]!(w, id, event);
    }
    expect(await stateOf(w, id)).toBe(stateToString(path.state.value));
  });
});
