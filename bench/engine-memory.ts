/**
 * Engine overhead: commands per second through `desk.send` on in-memory storage (A) against a
 * bare XState `transition()` loop over the same machine and events (B), alternating A and B
 * after a warm-up. The ratio A ÷ B is what durability, validation, authorisation, history
 * hashing and timer planning cost on top of XState itself. Target ≥ 0.5.
 *
 *   npx tsx --conditions=source bench/engine-memory.ts
 */
import { createDesk, type AnyStatdeskError } from '@statdesk/core';
import { MemoryStorage, TestClock } from '@statdesk/testing';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { reviewInput, reviewWorkflow } from '../packages/core/test/engine/review.workflow';
import { compare, type Variant } from './harness';

const roundMs = Number(process.env.BENCH_ROUND_MS ?? 1_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const tenantId = 'bench';
const applicant = { id: 'citizen-1', roles: ['applicant'] };
const officer = { id: 'officer-1', roles: ['officer'] };

// The same ping-pong on both sides: requestInfo → awaitingApplicant, reply → submitted. The
// guard allows three questions, so each instance takes six events before a fresh one is needed.
const events = [
  { type: 'requestInfo', question: 'Which years?' },
  { type: 'reply', answer: '1395 to 1400' },
] as const;
const PER_INSTANCE = 6;

const definition = reviewWorkflow({ decisionDeadlineMs: 365 * 24 * 3600_000 });
const desk = createDesk({ storage: new MemoryStorage(), clock: new TestClock(), workflows: [definition], outbox: { afterCommit: 'off' } });

let deskInstance = '';
const viaDesk: Variant = {
  name: 'desk.send (memory)',
  async op(_client, n) {
    const step = n % PER_INSTANCE;
    if (step === 0) {
      deskInstance = (await desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput })).instanceId;
      await desk.send({ tenantId, instanceId: deskInstance, actor: applicant, event: { type: 'submit' } });
    }
    const event = events[step % 2]!;
    await desk.send({ tenantId, instanceId: deskInstance, actor: step % 2 ? applicant : officer, event: { ...event } }).catch((e: AnyStatdeskError) => {
      throw new Error(`bench workflow refused ${event.type}: ${e.message}`);
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

const result = await compare([viaDesk, viaXState], { clients: 1, durationMs: roundMs, rounds, warmups: 1 });
const a = result.results[viaDesk.name]!.median;
const b = result.results[viaXState.name]!.median;
console.log(`engine-memory: desk ${a.toFixed(0)}/s, bare transition ${b.toFixed(0)}/s, ratio ${(a / b).toFixed(3)} (target ≥ 0.5)`);
export const engineMemory = { statdesk: a, baseline: b, ratio: a / b };
