import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, isStatdeskError, type SlaPolicyInput } from '../../src';

function issuesOf(input: unknown): Record<string, string> {
  try {
    defineSlaPolicy(input as SlaPolicyInput);
  } catch (error) {
    if (!isStatdeskError(error, 'VALIDATION')) throw error;
    expect(error.subject).toBe('SLA policy');
    return Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
  }
  throw new Error('the policy was accepted');
}

const good = { name: 'quote', budget: { hours: 4 }, start: [{ event: 'statdesk.create' }] };

describe('defineSlaPolicy', () => {
  it('applies defaults and freezes the result', () => {
    const policy = defineSlaPolicy({ id: 'orders', version: '1', targets: [good] });
    expect(policy.targets[0]).toMatchObject({ clock: 'business', warnings: [0.5, 0.75, 0.9], restart: 'never', bestEffort: false, pause: [], events: {} });
    expect(Object.isFrozen(policy.targets[0]!.start[0])).toBe(true);
  });

  it('names every offending path at once', () => {
    const issues = issuesOf({
      id: 'Orders',
      version: '1',
      targets: [
        { ...good, budget: { hours: 4, minutes: 30 } },
        { ...good, name: 'resolution', pause: [{ event: 'requestInfo' }], start: [{ state: 'submitted', event: 'submit' }] },
        { ...good, warnings: [0.5, 1.2, 0.5], budget: { days: 1.5 } },
        { ...good, name: 'resolution', stop: [{ statePrefix: '' }], clock: 'wall', workingDays: 'end-of-day', colour: 'red' },
      ],
    });
    expect(Object.keys(issues).sort()).toEqual(
      [
        'id',
        'targets.0.budget',
        'targets.1.start.0',
        'targets.1.pause.0',
        'targets.2.warnings.1',
        'targets.2.budget.days',
        'targets.3',
        'targets.3.stop.0.statePrefix',
        'targets.3.workingDays',
      ].sort(),
    );
    expect(issues['targets.0.budget']).toMatch(/exactly one of minutes, hours or days/);
    expect(issues['targets.1.pause.0']).toMatch(/needs resume conditions/);
  });

  it('checks duplicates once every field is well-formed (zod runs cross-field checks last)', () => {
    const issues = issuesOf({ id: 'x', version: '1', targets: [{ ...good, warnings: [0.5, 0.5] }, good] });
    expect(issues).toEqual({ 'targets.0.warnings.1': 'threshold 0.5 is listed twice', 'targets.1.name': 'target "quote" is defined twice' });
  });

  it('needs at least one target and one start condition', () => {
    expect(Object.keys(issuesOf({ id: 'x', version: '1', targets: [] }))).toEqual(['targets']);
    expect(Object.keys(issuesOf({ id: 'x', version: '1', targets: [{ ...good, start: [] }] }))).toEqual(['targets.0.start']);
  });
});
