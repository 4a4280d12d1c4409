/**
 * engine-memory: commands per second through `desk.send` on in-memory storage against a bare
 * XState `transition()` loop over the same machine and events, alternating the two after a
 * warm-up. The ratio is what validation, authorisation, history hashing, timer planning and the
 * storage port cost on top of XState itself. Target ≥ 0.5.
 */
import { createDesk, type AnyStatdeskError } from '@statdesk/core';
import { MemoryStorage, TestClock } from '@statdesk/testing';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { applicant, officer, reviewInput, reviewWorkflow } from '../../packages/testing/src/sample-workflows/review.workflow';
import { compare, type Variant } from '../harness';
import { throughputRatio, type BenchSuite } from '../suite';

const TARGET = 0.5;
const tenantId = 'bench';

// The same ping-pong on both sides: requestInfo → awaitingApplicant, reply → submitted. The
// guard allows three questions, so each instance takes six events before a fresh one is needed
// (created and submitted on both sides alike).
const events = [
  { type: 'requestInfo', question: 'Which years?' },
  { type: 'reply', answer: '1395 to 1400' },
] as const;
const PER_INSTANCE = 6;

const engineMemory: BenchSuite = async ({ quick, log }) => {
  const rounds = quick ? 3 : 7;
  const durationMs = quick ? 500 : 1_000;
  const definition = reviewWorkflow({ decisionDeadlineMs: 365 * 24 * 3600_000 });
  const desk = createDesk({ storage: new MemoryStorage(), clock: new TestClock(), workflows: [definition], outbox: { afterCommit: 'off' } });

  let instanceId = '';
  const viaDesk: Variant = {
    name: 'desk.send (memory)',
    async op(_client, n) {
      const step = n % PER_INSTANCE;
      if (step === 0) {
        instanceId = (await desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput })).instanceId;
        await desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      }
      const event = events[step % 2]!;
      await desk.send({ tenantId, instanceId, actor: step % 2 ? applicant : officer, event: { ...event } }).catch((e: AnyStatdeskError) => {
        throw new Error(`the review workflow refused ${event.type}: ${e.message}`);
      });
    },
  };

  const machine = definition.machine;
  const input = { title: reviewInput.title, amount: BigInt(reviewInput.amount), applicantId: reviewInput.applicantId };
  let bare: AnyMachineSnapshot = initialTransition(machine, input)[0];
  const viaXState: Variant = {
    name: 'xstate transition()',
    async op(_client, n) {
      const step = n % PER_INSTANCE;
      if (step === 0) {
        bare = initialTransition(machine, input)[0];
        bare = transition(machine, bare, { type: 'submit' })[0];
      }
      bare = transition(machine, bare, { ...events[step % 2]! })[0];
    },
  };

  const result = await compare([viaDesk, viaXState], { clients: 1, durationMs, rounds, warmups: 1 });
  const a = result.results[viaDesk.name]!;
  const b = result.results[viaXState.name]!;
  log(`desk ${a.rounds.map((x) => x.toFixed(0)).join(' ')} /s; xstate ${b.rounds.map((x) => x.toFixed(0)).join(' ')} /s`);
  const ratio = throughputRatio(a.median, b.median);
  return [{
    id: 'engine-memory', metric: 'commands/s, 1 client', unit: 'commands/s', statdesk: a.median, baseline: b.median, baselineName: 'xstate transition() loop',
    ratio, target: TARGET, pass: ratio >= TARGET, note: `${rounds} rounds of ${durationMs} ms after a warm-up, medians`,
  }];
};

export default engineMemory;
