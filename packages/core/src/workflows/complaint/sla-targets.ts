/**
 * Service-level targets for messages, in working days of the business calendar. Defaults follow
 * the public-sector complaint model (Scottish Public Services Ombudsman): acknowledge in 3
 * working days, answer stage 1 in 5; stage 2 acknowledged in 3 and answered in 20. Time spent
 * awaiting the complainant does not count.
 */
import type { SlaPolicyInput } from '../../sla/policy.schema';
import type { MessageKind } from './kinds';

/** SLA targets of a message in working days (see the module comment above). */
export interface ComplaintSlaTargets {
  /** Stage 1: from filing to acknowledgement. */
  acknowledge: number;
  /** Stage 1: from filing to the answer. */
  answer: number;
  /** Stage 2: from escalation to the supervisor's acknowledgement. */
  stage2Acknowledge: number;
  /** Stage 2: from escalation to the stage-2 answer. */
  stage2Answer: number;
}

/**
 * The default targets: acknowledge 3, stage-1 answer 5, stage-2 acknowledge 3, stage-2 answer 20 working
 * days.
 */
export const DEFAULT_SLA_TARGETS: Readonly<ComplaintSlaTargets> = Object.freeze({
  acknowledge: 3,
  answer: 5,
  stage2Acknowledge: 3,
  stage2Answer: 20,
});

/** The names SLA breach events carry in `target` (also the SLA policy's target names). */
export const SLA_TARGET_NAMES = Object.freeze({
  acknowledge: 'stage1-acknowledge',
  answer: 'stage1-answer',
  stage2Acknowledge: 'stage2-acknowledge',
  stage2Answer: 'stage2-answer',
} as const satisfies Record<keyof ComplaintSlaTargets, string>);

/** The name of a complaint SLA target. */
export type SlaTargetName = (typeof SLA_TARGET_NAMES)[keyof ComplaintSlaTargets];

/** The stage an SLA target belongs to, by its name. */
export function stageOfTarget(target: string): 1 | 2 | null {
  if (target.startsWith('stage1-')) return 1;
  if (target.startsWith('stage2-')) return 2;
  return null;
}

/**
 * The same targets as an SLA policy for the SLA layer (`packages/core/src/sla`), with start,
 * pause and stop conditions on this workflow's states and events. The machine already reacts to
 * `sla.breach` events carrying these target names.
 */
export function complaintSlaPolicy(kind: MessageKind, targets: ComplaintSlaTargets, version = '1'): SlaPolicyInput {
  const paused1 = { state: 'stage1.awaitingComplainant' };
  const paused2 = { state: 'stage2.awaitingComplainant' };
  return {
    id: `complaint-${kind}`,
    version,
    targets: [
      {
        name: SLA_TARGET_NAMES.acknowledge,
        budget: { days: targets.acknowledge },
        start: [{ event: 'statdesk.create' }],
        stop: [{ event: 'acknowledge' }, { event: 'assign' }, { statePrefix: 'stage2' }, { state: 'withdrawn' }],
      },
      {
        name: SLA_TARGET_NAMES.answer,
        budget: { days: targets.answer },
        start: [{ event: 'statdesk.create' }],
        pause: [paused1],
        stop: [{ state: 'answered' }, { statePrefix: 'stage2' }, { state: 'withdrawn' }],
      },
      {
        name: SLA_TARGET_NAMES.stage2Acknowledge,
        budget: { days: targets.stage2Acknowledge },
        start: [{ state: 'stage2.active.escalated' }],
        stop: [{ state: 'stage2.active.acknowledged' }, { state: 'stage2.active.underReview' }, { state: 'withdrawn' }],
        restart: 'reset',
      },
      {
        name: SLA_TARGET_NAMES.stage2Answer,
        budget: { days: targets.stage2Answer },
        start: [{ statePrefix: 'stage2' }],
        pause: [paused2],
        stop: [{ state: 'answered' }, { state: 'withdrawn' }],
        restart: 'reset',
      },
    ],
  };
}
