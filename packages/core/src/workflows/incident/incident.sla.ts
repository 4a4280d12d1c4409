/**
 * Restoration targets from the service-level agreement: the mobile app within 72 hours, the
 * portal "without delay (as far as possible)". Incidents run on wall-clock time: an outage
 * does not stop at 16:00 or on Nowruz.
 */
import { defineSlaPolicy } from '../../sla/define-policy';
import type { SlaPolicy } from '../../sla/policy.schema';

/** A channel's restoration target: a wall-clock budget, best-effort or committed. */
export interface RestorationTarget {
  /** Wall-clock budget, exactly one of minutes, hours or days (24 h). */
  budget: { minutes: number } | { hours: number } | { days: number };
  /** A best-effort objective: a miss is recorded as `sla.missed` and nobody is escalated. */
  bestEffort?: boolean;
  /** Warning fractions (default 50 %, 75 %, 90 %). */
  warnings?: readonly number[];
}

/**
 * The agreement's targets by channel. "Without delay, as far as possible" has no number in the
 * agreement; it is modelled as a one-hour best-effort objective (measured and reported, never
 * escalated). Set your own with `restoration`.
 */
export const AGREED_RESTORATION: Readonly<Record<string, RestorationTarget>> = Object.freeze({
  portal: { budget: { hours: 1 }, bestEffort: true },
  shop: { budget: { hours: 1 }, bestEffort: true },
  'mobile-app': { budget: { hours: 72 } },
});

/** The name of the restoration SLA target. */
export const RESTORATION_TARGET = 'restoration';

/**
 * One target, `restoration`: starts when the incident is reported, stops when it is restored,
 * is cancelled when it is dismissed. A reopened incident **continues** the same clock: the fix
 * did not hold, so the outage is the same one; the stretch it was believed restored does not
 * count, and a breach already recorded is not recorded again.
 */
export function restorationPolicy(channel: string, target: RestorationTarget): SlaPolicy {
  const budgetKey = Object.entries(target.budget).map(([unit, n]) => `${n}${unit}`).join('');
  return defineSlaPolicy({
    id: `incident-${channel}`,
    version: `${budgetKey}${target.bestEffort ? '-best-effort' : ''}`,
    targets: [
      {
        name: RESTORATION_TARGET,
        title: { fa: 'بازیابی خدمت', en: 'Service restoration' },
        clock: 'wall',
        budget: target.budget,
        start: [{ event: 'statdesk.create' }, { event: 'reopen' }],
        stop: [{ state: 'restored' }, { state: 'closed' }],
        cancel: [{ state: 'dismissed' }],
        restart: 'continue',
        bestEffort: target.bestEffort ?? false,
        ...(target.warnings ? { warnings: [...target.warnings] } : {}),
      },
    ],
  });
}
