/**
 * Replays an instance's history into the state of one SLA clock. Pauses are facts in history,
 * so a changed policy or calendar recomputes from them and paused time is never lost.
 */
import { anyHolds, conditionHolds, type SlaHistoryEntry } from './conditions';
import type { SlaTarget } from './policy.schema';
import { slaEventOf, type SlaEventPayload } from './sla-events';

/** The phase of a target's clock in replay: not started, running, paused, stopped or cancelled. */
export type SlaPhase = 'notStarted' | 'running' | 'paused' | 'stopped' | 'cancelled';

/** A stretch [start, end) of a clock; `end` null while it is still open. */
export interface ClockSpan {
  start: number;
  end: number | null;
}

export interface FiredSlaEvents {
  /** Threshold → when its warning was recorded. */
  warnings: Map<number, { at: Date; payload: SlaEventPayload }>;
  breach: { at: Date; payload: SlaEventPayload } | null;
  overrun: { at: Date; payload: SlaEventPayload } | null;
}

export interface ClockReplay {
  phase: SlaPhase;
  cycle: number;
  /** When the current cycle started (its first start). */
  startedAt: number | null;
  pausedAt: number | null;
  stoppedAt: number | null;
  /** Running stretches of the current cycle. */
  running: ClockSpan[];
  /** Paused stretches of the current cycle (stopped stretches between a stop and a `continue` are neither). */
  paused: ClockSpan[];
  fired: FiredSlaEvents;
}

export function replayClock(policyId: string, target: SlaTarget, history: readonly SlaHistoryEntry[]): ClockReplay {
  const firedByCycle = new Map<number, FiredSlaEvents>();
  const firedOf = (cycle: number) => {
    let f = firedByCycle.get(cycle);
    if (!f) firedByCycle.set(cycle, (f = { warnings: new Map(), breach: null, overrun: null }));
    return f;
  };
  const clock: Omit<ClockReplay, 'fired'> = { phase: 'notStarted', cycle: 0, startedAt: null, pausedAt: null, stoppedAt: null, running: [], paused: [] };
  const stateHeldPause = target.pause.filter((c) => c.event === undefined);

  const close = (at: number) => {
    const open = clock.phase === 'running' ? clock.running.at(-1) : clock.phase === 'paused' ? clock.paused.at(-1) : undefined;
    if (open && open.end === null) open.end = at;
  };
  const open = (phase: 'running' | 'paused', at: number) => {
    clock.phase = phase;
    (phase === 'running' ? clock.running : clock.paused).push({ start: at, end: null });
    clock.pausedAt = phase === 'paused' ? at : null;
  };

  for (const row of [...history].sort((a, b) => a.seq - b.seq)) {
    const at = row.at.getTime();
    const event = slaEventOf(policyId, target, row);
    if (event) {
      const fired = firedOf(event.cycle);
      if (event.kind === 'warning' && !fired.warnings.has(event.threshold)) fired.warnings.set(event.threshold, { at: row.at, payload: event });
      if (event.kind === 'breach' && !fired.breach) fired.breach = { at: row.at, payload: event };
      if (event.kind === 'overrun' && !fired.overrun) fired.overrun = { at: row.at, payload: event };
    }

    if (clock.phase === 'running' || clock.phase === 'paused') {
      if (anyHolds(target.cancel, row) || anyHolds(target.stop, row)) {
        close(at);
        clock.phase = anyHolds(target.cancel, row) ? 'cancelled' : 'stopped';
        clock.stoppedAt = at;
        clock.pausedAt = null;
        continue;
      }
      if (clock.phase === 'paused') {
        const resume = target.resume.length ? anyHolds(target.resume, row) : !stateHeldPause.some((c) => conditionHolds(c, row));
        if (resume) {
          close(at);
          open('running', at);
        }
      } else if (anyHolds(target.pause, row)) {
        close(at);
        open('paused', at);
      }
      continue;
    }

    if (!anyHolds(target.start, row)) continue;
    const fresh = clock.phase === 'notStarted';
    const restart = !fresh && (clock.phase === 'stopped' ? target.restart !== 'never' : target.restart === 'reset');
    if (!fresh && !restart) continue;
    if (fresh || target.restart === 'reset') {
      if (!fresh) clock.cycle++;
      clock.startedAt = at;
      clock.running = [];
      clock.paused = [];
    }
    clock.stoppedAt = null;
    open(anyHolds(target.pause, row) ? 'paused' : 'running', at);
  }
  return { ...clock, fired: firedOf(clock.cycle) };
}
