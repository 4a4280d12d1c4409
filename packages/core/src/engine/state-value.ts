import type { StateValue } from 'xstate';

/**
 * A state value as one string of its leaf paths: `consultation.awaitingApplicant`; with
 * parallel regions, every leaf path in key order joined by `|`
 * (`order.payment.awaiting|order.sla.running`). Used for queries and history.
 */
export function stateToString(value: StateValue): string {
  return leafPaths(value, '').join('|');
}

function leafPaths(value: StateValue, prefix: string): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return prefix ? [prefix] : [];
  return keys.flatMap((key) => {
    const child = value[key];
    const path = prefix ? `${prefix}.${key}` : key;
    return child === undefined ? [path] : leafPaths(child, path);
  });
}
