/**
 * Model-based tests with `xstate/graph`: every state and every transition of the machine is
 * reached by the traversal, and each shortest path to a state is replayed through a real desk
 * (timers firing on the test clock) and must end in the same state.
 */
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { releaseWorkflowStorages } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { complaintMachine, resolveComplaintSettings, stateToString, type ComplaintEvent, type MessageKind } from '../../../src';
import { SATURDAY_MORNING, citizen, complaintDesk, officer, supervisor, tenantId } from './fixture';

const settings = resolveComplaintSettings();
const machine = complaintMachine(settings);
const at = SATURDAY_MORNING;

const staffEvents = (bySupervisor: boolean): ComplaintEvent[] => [
  { type: 'acknowledge', at, bySupervisor },
  { type: 'assign', officerId: 'officer-1', at, bySupervisor },
  { type: 'requestInfo', question: 'Which years?', at, bySupervisor },
  { type: 'answer', text: 'Here.', at, bySupervisor },
];
const EVENTS: ComplaintEvent[] = [
  ...staffEvents(false),
  ...staffEvents(true),
  { type: 'note', text: 'internal', at, actorId: 'officer-1' },
  { type: 'reply', text: 'All of them', at },
  { type: 'accept', at },
  { type: 'escalate', reason: 'not satisfied', at },
  { type: 'reopen', reason: 'empty file', at },
  { type: 'withdraw', at },
  { type: 'rate', score: 4, at },
  { type: 'sla.breach', target: 'stage1-acknowledge', dueAt: at },
  { type: 'sla.breach', target: 'stage1-answer', dueAt: at },
  { type: 'sla.breach', target: 'stage2-acknowledge', dueAt: at },
  { type: 'sla.breach', target: 'stage2-answer', dueAt: at },
  { type: 'xstate.after.respondWindow.complaint.answered' } as unknown as ComplaintEvent,
  { type: 'xstate.after.surveyWindow.complaint.closed' } as unknown as ComplaintEvent,
];

const inputOf = (kind: MessageKind) => ({
  kind,
  subject: 's',
  body: 'b',
  filedAt: at,
  complainantId: 'citizen-1',
  trackingCode: '123456789018',
  complaintCode: kind === 'complaint' ? '12345674' : null,
});

// The graph is over states and the facts that change what may happen next, not the growing lists.
const traversal = (kind: MessageKind) => ({
  input: inputOf(kind),
  events: EVENTS,
  serializeState: (s: ReturnType<typeof machine.transition>) =>
    JSON.stringify([s.value, s.context.stage, s.context.rating !== null, s.context.breaches.filter((b) => b.round === s.context.round).map((b) => b.target).sort()]),
});

function allStateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allStateNodes(child as AnyStateNode))];
}
const transitionId = (t: AnyTransitionDefinition) => `${t.source.id} --${t.eventType}${t.guard ? `[${JSON.stringify(t.guard)}]` : ''}--> ${(t.target ?? []).map((n) => n.id).join(',') || '(self)'}`;

describe('model-based: the machine graph', () => {
  it('reaches every state node and takes every transition across the four kinds', () => {
    const nodes = allStateNodes(machine.root);
    const transitions = new Set(nodes.flatMap((n) => [...n.transitions.values()].flat().map(transitionId)));
    const visitedNodes = new Set<string>();
    const taken = new Set<string>();
    for (const kind of ['complaint', 'criticism', 'question', 'suggestion'] as const) {
      const map = getAdjacencyMap(machine, traversal(kind));
      for (const { state, transitions: edges } of Object.values(map)) {
        for (const node of state._nodes) visitedNodes.add(node.id);
        for (const { event } of Object.values(edges) as { event: ComplaintEvent }[]) {
          if (!state.can(event)) continue;
          for (const t of machine.getTransitionData(state as never, event)) taken.add(transitionId(t));
        }
      }
    }
    expect([...nodes.map((n) => n.id)].filter((id) => !visitedNodes.has(id))).toEqual([]);
    expect([...transitions].filter((t) => !taken.has(t))).toEqual([]);
    expect(transitions.size).toBeGreaterThan(25);
  });

  it('every final state is reachable and nothing leaves one', () => {
    const paths = getShortestPaths(machine, traversal('complaint'));
    const finals = paths.filter((p) => p.state.status === 'done').map((p) => stateToString(p.state.value));
    expect(new Set(finals)).toEqual(new Set(['withdrawn', 'archived']));
  });
});

describe('model-based: shortest paths replayed through the desk', () => {
  const actorFor = (event: ComplaintEvent) => {
    if (['reply', 'accept', 'escalate', 'reopen', 'withdraw', 'rate'].includes(event.type)) return citizen;
    return 'bySupervisor' in event && event.bySupervisor ? supervisor : officer;
  };
  const timerKeyOf = (event: ComplaintEvent) => (event.type === 'sla.breach' ? `sla.${event.target}` : event.type.startsWith('xstate.after.') ? event.type : null);

  for (const kind of ['complaint', 'question'] as const) {
    it(`ends every ${kind} path in the state the model predicts`, async () => {
      const paths = getShortestPaths(machine, traversal(kind));
      expect(paths.length).toBeGreaterThan(8);
      for (const path of paths) {
        const t = await complaintDesk();
        const { instanceId } = await t.file(kind);
        for (const step of path.steps.slice(1)) {
          const timerKey = timerKeyOf(step.event);
          if (timerKey) {
            const timer = (await t.oracle.timers({ tenantId, instanceId })).find((x) => x.key === timerKey);
            expect(timer, `timer ${timerKey} armed on the way to ${stateToString(path.state.value)}`).toBeDefined();
            await t.advance(timer!.dueAt.getTime() - t.clock.now().getTime());
          } else {
            const { type, at: _at, bySupervisor: _s, actorId: _a, ...fields } = step.event as ComplaintEvent & { at?: string; bySupervisor?: boolean; actorId?: string };
            await t.send(instanceId, actorFor(step.event), { type, ...fields });
          }
          expect(await t.stateOf(instanceId)).toBe(stateToString(step.state.value));
        }
        // Each path is a world of its own: hand its storage back before the next one.
        await releaseWorkflowStorages();
      }
    });
  }
});
