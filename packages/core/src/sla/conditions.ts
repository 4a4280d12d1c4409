import type { SlaCondition } from './policy.schema';

/** A history row as the SLA layer reads it (a subset of the engine's history entry). */
export interface SlaHistoryEntry {
  /** Position in history, from 1. */
  seq: number;
  /** When (UTC). */
  at: Date;
  /** The event type. */
  eventType: string;
  /** State before. */
  fromState: string | null;
  /** State after. */
  toState: string;
  /** The redacted event payload. */
  payload: unknown;
}

/** Whether `condition` holds for `row` (see `slaConditionSchema` for the meaning of each kind). */
export function conditionHolds(condition: SlaCondition, row: SlaHistoryEntry): boolean {
  if (condition.event !== undefined) return row.eventType === condition.event;
  // Parallel states are flattened as leaf paths joined by `|` (see stateToString).
  const leaves = row.toState.split('|');
  if (condition.state !== undefined) return leaves.includes(condition.state);
  const prefix = condition.statePrefix!;
  return leaves.some((leaf) => leaf === prefix || leaf.startsWith(`${prefix}.`));
}

export function anyHolds(conditions: readonly SlaCondition[], row: SlaHistoryEntry): boolean {
  return conditions.some((c) => conditionHolds(c, row));
}
