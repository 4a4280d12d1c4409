import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlaStatus, defineSlaPolicy } from '../../src';
import { office } from '../calendar/fixtures';
import { history } from './history';

const MINUTE = 60_000;
const policyOf = (hours: number) =>
  defineSlaPolicy({
    id: 'p',
    version: '1',
    targets: [{ name: 'quote', budget: { hours }, start: [{ event: 'statdesk.create' }], pause: [{ state: 'awaiting' }] }],
  });

/** A start in 1404 and alternating pause/resume steps minutes apart. */
const caseArb = fc.record({
  start: fc.integer({ min: Date.UTC(2025, 3, 1), max: Date.UTC(2026, 1, 1) }),
  gaps: fc.array(fc.integer({ min: 1, max: 4 * 24 * 60 }), { maxLength: 6 }),
  tail: fc.integer({ min: 0, max: 5 * 24 * 60 }),
  hours: fc.integer({ min: 1, max: 40 }),
});

interface Case {
  start: number;
  gaps: number[];
  tail: number;
  hours: number;
}

function build(c: Case, withPauses: boolean) {
  const h = history().add(new Date(c.start), 'statdesk.create', 'submitted');
  let at = c.start;
  c.gaps.forEach((gap, i) => {
    at += gap * MINUTE;
    const pausing = i % 2 === 0;
    h.add(new Date(at), pausing ? 'requestInfo' : 'reply', withPauses && pausing ? 'awaiting' : 'submitted');
  });
  return { rows: h.rows, now: new Date(at + c.tail * MINUTE) };
}

describe('SLA clock properties', () => {
  it('elapsed + remaining == budget until breached', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rows, now } = build(c, true);
        const [s] = computeSlaStatus(policyOf(c.hours), rows, office, now);
        if (s!.state === 'breached') expect(s!.elapsedMs).toBeGreaterThanOrEqual(c.hours * 60 * MINUTE);
        else expect(s!.elapsedMs + s!.remainingMs!).toBe(c.hours * 60 * MINUTE);
      }),
      { numRuns: 150 },
    );
  });

  it('pausing never increases elapsed time and never brings the deadline forward', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const paused = build(c, true);
        const plain = build(c, false);
        const [p] = computeSlaStatus(policyOf(c.hours), paused.rows, office, paused.now);
        const [q] = computeSlaStatus(policyOf(c.hours), plain.rows, office, plain.now);
        expect(p!.elapsedMs).toBeLessThanOrEqual(q!.elapsedMs);
        if (p!.deadline && q!.deadline) expect(p!.deadline.getTime()).toBeGreaterThanOrEqual(q!.deadline.getTime());
      }),
      { numRuns: 150 },
    );
  });

  it('a running deadline is exactly where the budget is used up', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rows, now } = build(c, true);
        const policy = policyOf(c.hours);
        const [s] = computeSlaStatus(policy, rows, office, now);
        fc.pre(s!.state === 'running' && s!.deadline !== null);
        const [atDeadline] = computeSlaStatus(policy, rows, office, s!.deadline!);
        expect(atDeadline!.elapsedMs).toBe(c.hours * 60 * MINUTE);
        expect(atDeadline!.state).toBe('breached');
        const [justBefore] = computeSlaStatus(policy, rows, office, new Date(s!.deadline!.getTime() - 1));
        expect(justBefore!.state).toBe('running');
      }),
      { numRuns: 150 },
    );
  });
});
