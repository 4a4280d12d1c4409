/**
 * The durable timers an SLA policy wants for an instance right now: for each running clock, its
 * next unrecorded warnings and its breach at their exact instants; for a breached clock that
 * stopped, the final overrun. The engine keeps the instance's derived timers equal to this list
 * after every transition, so a pause cancels them, a resume moves them, and a recorded event is
 * never planned again (each fires once, however often the plan is recomputed).
 */
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { DerivedTimer } from '../engine/definition';
import type { SlaHistoryEntry } from './conditions';
import { budgetOf, type SlaComputeOptions } from './compute-status';
import { ClockMeter } from './measure';
import type { SlaPolicy, SlaTarget } from './policy.schema';
import { replayClock, type ClockReplay } from './replay';
import { slaEventType, type SlaEventKind, type SlaEventPayload, type SlaOverrun } from './sla-events';

/**
 * The derived timers an SLA policy wants for an instance now (see the module comment above): next warnings
 * and breach per running clock, the final overrun of a late stopped one.
 */
export function planSlaTimers(
  policy: SlaPolicy,
  history: readonly SlaHistoryEntry[],
  calendar: BusinessCalendar | undefined,
  now: Date,
  options: SlaComputeOptions = {},
): DerivedTimer[] {
  const timers: DerivedTimer[] = [];
  for (const target of policy.targets) {
    const replay = replayClock(policy.id, target, history);
    if (replay.phase === 'notStarted' || replay.phase === 'cancelled') continue;
    const meter = new ClockMeter(calendar, options.province === undefined ? {} : { province: options.province });
    const budgetMs = budgetOf(target, replay.startedAt, meter);
    if (budgetMs === null) continue;
    const nowMs = now.getTime();
    const until = replay.stoppedAt ?? nowMs;
    const crossing = meter.instantAt(target.clock, replay.running, budgetMs);
    const timer = (kind: SlaEventKind, threshold: number, dueAt: number, overrun?: SlaOverrun): DerivedTimer => {
      const payload: SlaEventPayload = {
        policy: policy.id,
        policyVersion: policy.version,
        target: target.name,
        cycle: replay.cycle,
        kind,
        threshold,
        dueAt: new Date(dueAt).toISOString(),
        budgetMs,
        clock: target.clock,
        bestEffort: target.bestEffort,
        ...(overrun ? { overrun } : {}),
      };
      return {
        key: timerKey(policy, target, replay, kind, threshold),
        dueAt: new Date(dueAt),
        event: { type: slaEventType(target, kind), ...payload },
      };
    };

    if (crossing === null) continue; // paused or stopped before the budget ran out
    const breached = crossing <= until;
    if (!replay.fired.breach) {
      if (!breached) {
        for (const threshold of target.warnings) {
          if (replay.fired.warnings.has(threshold)) continue;
          const due = meter.instantAt(target.clock, replay.running, Math.round(threshold * budgetMs));
          // A threshold already passed unrecorded (e.g. after a calendar change) fires at once.
          if (due !== null) timers.push(timer('warning', threshold, due));
        }
        timers.push(timer('breach', 1, crossing, { businessMs: meter.calendar ? 0 : null, wallMs: 0 }));
      } else {
        // Discovered late (downtime, a calendar change, a stop in the same instant): record it now.
        timers.push(timer('breach', 1, crossing, meter.after(replay.running, crossing, until)));
      }
    }
    if (breached && replay.phase === 'stopped' && !replay.fired.overrun) {
      timers.push(timer('overrun', 1, replay.stoppedAt!, meter.after(replay.running, crossing, until)));
    }
  }
  return timers;
}

function timerKey(policy: SlaPolicy, target: SlaTarget, replay: ClockReplay, kind: SlaEventKind, threshold: number): string {
  const base = `sla:${policy.id}:${target.name}:${replay.cycle}:${kind}`;
  return kind === 'warning' ? `${base}:${threshold}` : base;
}
