/**
 * The harness a portal team uses to unit-test its workflow definitions and customisations:
 * a real desk on in-memory storage, a test clock, and a recording notifier.
 */
import { createDesk, PERSONAL_DATA_SEALER_SERVICE, type Actor, type Desk, type DeskOptions, type HistoryRecord, type InstanceRef, type Notifier, type Storage } from '@statdesk/core';
import { MemoryStorage } from './memory-storage';
import { RecordingNotifier } from './recording-notifier';
import { testPersonalDataSealer } from './test-personal-data-sealer';
import { TestClock } from './test-clock';

/**
 * Options of {@link createTestDesk}: the desk's options, with test defaults for storage, clock, notifier and
 * the `personalDataSealer` service.
 */
export interface TestDeskOptions<S extends Storage = MemoryStorage, N extends Notifier = RecordingNotifier> extends Omit<DeskOptions, 'storage' | 'clock' | 'notifier'> {
  /** Share one storage between desks to simulate restarts or several processes. */
  storage?: S;
  /** The clock the desk reads; default a `TestClock` at `start`. */
  clock?: TestClock;
  /** Where the test clock starts (when no clock is given). */
  start?: Date | string;
  /** Default: a `RecordingNotifier`; pass a real one (a template notifier) to test rendering too. */
  notifier?: N;
}

/** A span of time for `advance`: milliseconds, or minutes, hours and days (wall-clock, not business time). */
export type Duration = number | { minutes?: number; hours?: number; days?: number };

/** A desk wired for tests, with its clock, storage and notifier at hand. */
export interface TestDesk<S extends Storage = MemoryStorage, N extends Notifier = RecordingNotifier> {
  /** The desk under test. */
  desk: Desk;
  /** In-memory by default, with `storage.oracle` for direct reads. */
  storage: S;
  /** The test clock the desk reads; move it with `advance`. */
  clock: TestClock;
  /** The notifier the desk sends through (a `RecordingNotifier` unless given). */
  notifier: N;
  /**
   * Move the clock forward, stopping at each due timer on the way so it fires at its own
   * instant (as a live worker would), then dispatch the outbox. Returns how many timers fired.
   */
  advance(duration: Duration): Promise<number>;
  /** Deliver due timers and dispatch the outbox now. */
  runDue(): Promise<number>;
  /** The stored history rows (oracle read, not through the desk's authorisation). */
  historyOf(ref: InstanceRef): Promise<HistoryRecord[]>;
}

/**
 * A desk for tests: in-memory storage, a test clock, a recording notifier and a `personalDataSealer` service
 * under a fixed test key ({@link testPersonalDataSealer}) unless you pass your own, and
 * `advance()` that moves the clock and runs every timer and outbox entry that fell due — the way workers
 * would.
 */
export function createTestDesk<S extends Storage = MemoryStorage, N extends Notifier = RecordingNotifier>(options: TestDeskOptions<S, N>): TestDesk<S, N> {
  const { storage = new MemoryStorage() as Storage as S, clock = new TestClock(options.start), notifier = new RecordingNotifier() as Notifier as N, start: _start, ...rest } = options;
  const desk = createDesk({
    ...rest,
    services: { [PERSONAL_DATA_SEALER_SERVICE]: testPersonalDataSealer(), ...rest.services },
    outbox: { afterCommit: 'await', ...rest.outbox },
    storage,
    clock,
    notifier,
  });

  async function runDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const run = await desk.runDueTimers();
      fired += run.delivered;
      if (run.delivered + run.skipped + run.failed === 0) break;
    }
    await desk.dispatchOutbox();
    await desk.drain();
    return fired;
  }

  return {
    desk,
    storage,
    clock,
    notifier,
    runDue,
    async advance(duration) {
      const target = clock.now().getTime() + toMs(duration);
      let fired = 0;
      for (;;) {
        const next = await storage.nextTimerDue();
        if (!next || next.getTime() > target) break;
        if (next.getTime() > clock.now().getTime()) clock.set(next);
        const before = fired;
        fired += await runDue();
        // A due timer that failed to deliver would otherwise stop time here forever.
        if (fired === before && (await storage.nextTimerDue())?.getTime() === next.getTime()) break;
      }
      clock.set(new Date(target));
      fired += await runDue();
      return fired;
    },
    historyOf: (ref) => storage.readHistory(ref),
  };
}

/** A {@link Duration} in milliseconds. */
export function toMs(duration: Duration): number {
  if (typeof duration === 'number') return duration;
  return ((duration.days ?? 0) * 24 * 60 + (duration.hours ?? 0) * 60 + (duration.minutes ?? 0)) * 60_000;
}

/** An actor for tests: `actor('u1', 'applicant')`. */
export function actor(id: string, ...roles: string[]): Actor {
  return { id, roles };
}
