/**
 * Which SLA targets a transition decided: a clock that stopped in this transition (met in time,
 * or late) and a breach recorded in it. The engine stores them (`recordSlaOutcomes`) in the
 * same transaction, so reports aggregate outcomes in SQL: business time cannot be measured
 * there, and a finished instance receives no further SLA events to record them later.
 */
import type { SlaOutcomeRecord } from '../ports/reports';
import type { SlaStatus } from './compute-status';

/** An outcome without the instance it belongs to. */
export type DecidedSlaOutcome = Omit<SlaOutcomeRecord, 'tenantId' | 'instanceId' | 'workflow'>;

/**
 * The outcomes decided by the transition recorded at `now`, given every target's status just
 * after it. Targets stopped earlier, still running within budget, or cancelled give none.
 */
export function decidedSlaOutcomes(statuses: readonly SlaStatus[], now: Date): DecidedSlaOutcome[] {
  const at = now.getTime();
  const decided: DecidedSlaOutcome[] = [];
  for (const s of statuses) {
    const stoppedNow = s.phase === 'stopped' && s.stoppedAt?.getTime() === at;
    const base = { policy: s.policy, target: s.target, cycle: s.cycle, clock: s.clock, bestEffort: s.bestEffort };
    if (s.state === 'met' && stoppedNow) {
      decided.push({ ...base, outcome: 'met', decidedAt: s.stoppedAt!, stoppedAt: s.stoppedAt!, elapsedMs: s.elapsedMs });
    } else if (s.state === 'breached' && s.breach && (stoppedNow || s.breach.recordedAt?.getTime() === at)) {
      decided.push({
        ...base,
        outcome: 'breached',
        decidedAt: s.breach.at,
        stoppedAt: stoppedNow ? s.stoppedAt : null,
        elapsedMs: stoppedNow ? s.elapsedMs : null,
      });
    }
  }
  return decided;
}
