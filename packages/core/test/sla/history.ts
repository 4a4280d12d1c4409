/** Builds synthetic history rows for the pure SLA tests (the engine writes real ones). */
import type { SlaHistoryEntry } from '../../src';

export class HistoryBuilder {
  readonly rows: SlaHistoryEntry[] = [];
  private state: string | null = null;

  /** Records `eventType` at `at` moving to `toState` (default: stay). */
  add(at: Date | string, eventType: string, toState?: string, payload: unknown = null): this {
    const next = toState ?? this.state;
    if (next === null) throw new Error('the first row needs a state');
    this.rows.push({ seq: this.rows.length + 1, at: new Date(at), eventType, fromState: this.state, toState: next, payload });
    this.state = next;
    return this;
  }
}

export const history = () => new HistoryBuilder();
