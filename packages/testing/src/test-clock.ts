import type { Clock } from '@statdesk/core';

/**
 * A clock that moves only when told. The engine, its timers and history all read it, so a test
 * can jump a week ahead and watch deadlines fire at their exact instants.
 */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2025-03-22T05:30:00.000Z') {
    this.current = new Date(start).getTime();
    if (!Number.isFinite(this.current)) throw new RangeError(`TestClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Move forward by `ms` (never backwards: a clock that goes back breaks every contract). */
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new RangeError('TestClock.advance: ms must be zero or more');
    this.current += ms;
    return this.now();
  }

  /** Jump to an instant at or after now. */
  set(instant: Date | string): Date {
    const next = new Date(instant).getTime();
    if (!(next >= this.current)) throw new RangeError('TestClock.set: cannot go back in time');
    this.current = next;
    return this.now();
  }
}

/** A {@link TestClock} at `start` (default 2025-03-22T05:30:00Z). */
export function testClock(start?: Date | string): TestClock {
  return new TestClock(start);
}
