import { describe, expect, it } from 'vitest';
import { computeSlaStatus, defineSlaPolicy, previewCalendarChange, slaSummary, compareSlaUrgency, type SlaPolicyInput } from '../../src';
import { office, officeWithThursday, t } from '../calendar/fixtures';
import { history } from './history';

const HOUR = 3_600_000;
const MINUTE = 60_000;

// office: Sat–Wed 08:00–12:00 and 13:00–16:00 (7 business hours a day), Thursday off.
const quotePolicy = (budget: SlaPolicyInput['targets'][number]['budget']) =>
  defineSlaPolicy({
    id: 'orders',
    version: '1',
    targets: [
      {
        name: 'quote',
        budget,
        start: [{ event: 'statdesk.create' }],
        pause: [{ state: 'consultation.awaitingApplicant' }],
        stop: [{ statePrefix: 'quoted' }],
        cancel: [{ state: 'cancelled' }],
      },
    ],
  });

describe('computeSlaStatus', () => {
  it('counts elapsed and remaining business time across Nowruz', () => {
    const policy = quotePolicy({ hours: 14 });
    // Tue 1403-12-28 10:00; Wed 29 Esfand is a holiday, Thu/Fri off, 1–4 Farvardin closed.
    const h = history().add(t('2025-03-18T10:00+03:30'), 'statdesk.create', 'submitted').rows;
    const [s] = computeSlaStatus(policy, h, office, t('2025-03-25T10:00+03:30'));
    expect(s).toMatchObject({ target: 'quote', state: 'running', phase: 'running', budgetMs: 14 * HOUR });
    // 5 h on Tuesday 18 March, 2 h on Tuesday 25 March.
    expect(s!.elapsedMs).toBe(7 * HOUR);
    expect(s!.remainingMs).toBe(7 * HOUR);
    expect(s!.elapsedWallMs).toBe(7 * 24 * HOUR);
    expect(s!.deadline).toEqual(t('2025-03-26T10:00+03:30'));
    expect(s!.remainingWallMs).toBe(24 * HOUR);
    expect(s!.warnings).toEqual([
      { threshold: 0.5, dueAt: t('2025-03-25T10:00+03:30'), firedAt: null },
      { threshold: 0.75, dueAt: t('2025-03-25T14:30+03:30'), firedAt: null },
      { threshold: 0.9, dueAt: t('2025-03-26T08:36+03:30'), firedAt: null },
    ]);
    expect(s!.breach).toBeNull();
  });

  it('spends no budget while paused and keeps the segments', () => {
    const policy = quotePolicy({ hours: 4 });
    const h = history()
      .add(t('2025-10-04T08:00+03:30'), 'statdesk.create', 'submitted')
      .add(t('2025-10-04T09:00+03:30'), 'requestInfo', 'consultation.awaitingApplicant')
      .add(t('2025-10-05T10:00+03:30'), 'reply', 'consultation.reviewing').rows;
    const paused = computeSlaStatus(policy, h.slice(0, 2), office, t('2025-10-05T09:00+03:30'))[0]!;
    expect(paused).toMatchObject({ state: 'paused', elapsedMs: HOUR, remainingMs: 3 * HOUR, deadline: null, remainingWallMs: null });
    expect(paused.pausedAt).toEqual(t('2025-10-04T09:00+03:30'));

    const s = computeSlaStatus(policy, h, office, t('2025-10-05T11:00+03:30'))[0]!;
    expect(s.state).toBe('running');
    expect(s.elapsedMs).toBe(2 * HOUR);
    expect(s.pausedWallMs).toBe(25 * HOUR);
    expect(s.running).toEqual([
      { start: t('2025-10-04T08:00+03:30'), end: t('2025-10-04T09:00+03:30') },
      { start: t('2025-10-05T10:00+03:30'), end: null },
    ]);
    // 11:00–12:00, lunch, 13:00–14:00.
    expect(s.deadline).toEqual(t('2025-10-05T14:00+03:30'));
    expect(s.warnings.map((w) => w.dueAt)).toEqual([t('2025-10-05T11:00+03:30'), t('2025-10-05T12:00+03:30'), t('2025-10-05T13:36+03:30')]);
  });

  it('records a breach with its overrun in business and wall time, final once stopped', () => {
    const policy = quotePolicy({ hours: 2 });
    const h = history().add(t('2025-10-04T10:00+03:30'), 'statdesk.create', 'submitted');
    const open = computeSlaStatus(policy, h.rows, office, t('2025-10-04T14:00+03:30'))[0]!;
    // Deadline 12:00; at 14:00 one business hour (13–14) and two wall hours (lunch included) over.
    expect(open.state).toBe('breached');
    expect(open.breach).toEqual({ at: t('2025-10-04T12:00+03:30'), recordedAt: null, overrun: { businessMs: HOUR, wallMs: 2 * HOUR }, final: false });
    h.add(t('2025-10-05T09:00+03:30'), 'quote', 'quoted');
    const closed = computeSlaStatus(policy, h.rows, office, t('2025-10-09T09:00+03:30'))[0]!;
    expect(closed).toMatchObject({ state: 'breached', phase: 'stopped', stoppedAt: t('2025-10-05T09:00+03:30') });
    // Saturday 13:00–16:00 and Sunday 08:00–09:00 in business time; 12:00 to 09:00 on the wall.
    expect(closed.breach!.overrun).toEqual({ businessMs: 4 * HOUR, wallMs: 21 * HOUR });
    expect(closed.breach!.final).toBe(true);
  });

  it('is met when stopped in time, and cancelled by a cancel condition', () => {
    const policy = quotePolicy({ hours: 2 });
    const met = history().add(t('2025-10-04T10:00+03:30'), 'statdesk.create', 'submitted').add(t('2025-10-04T11:59+03:30'), 'quote', 'quoted.awaitingPayment').rows;
    expect(computeSlaStatus(policy, met, office, t('2025-10-10T00:00Z'))[0]).toMatchObject({ state: 'met', remainingMs: MINUTE, deadline: null, breach: null });
    const cancelled = history().add(t('2025-10-04T10:00+03:30'), 'statdesk.create', 'submitted').add(t('2025-10-04T11:00+03:30'), 'cancel', 'cancelled').rows;
    expect(computeSlaStatus(policy, cancelled, office, t('2025-10-10T00:00Z'))[0]).toMatchObject({ state: 'cancelled', elapsedMs: HOUR });
  });

  it('converts a working-days budget from the start and reports not-started clocks', () => {
    const policy = quotePolicy({ days: 2 });
    const h = history().add(t('2025-10-01T14:00+03:30'), 'statdesk.create', 'submitted').rows;
    // Wednesday 14:00 + 2 working days (Thursday off) = Sunday 14:00: 14 business hours.
    const [s] = computeSlaStatus(policy, h, office, t('2025-10-01T15:00+03:30'));
    expect(s!.budgetMs).toBe(14 * HOUR);
    expect(s!.deadline).toEqual(t('2025-10-05T14:00+03:30'));
    const none = computeSlaStatus(policy, [], office, t('2025-10-01T15:00+03:30'))[0]!;
    expect(none).toMatchObject({ state: 'notStarted', budgetMs: null, warnings: [], deadline: null });
  });

  it('restarts a stopped clock by continuing or resetting, as the target says', () => {
    const base: SlaPolicyInput['targets'][number] = {
      name: 'restoration',
      clock: 'wall',
      budget: { hours: 10 },
      start: [{ event: 'statdesk.create' }, { event: 'reopen' }],
      stop: [{ state: 'restored' }],
    };
    const h = history()
      .add('2025-10-01T00:00:00Z', 'statdesk.create', 'investigating')
      .add('2025-10-01T04:00:00Z', 'restore', 'restored')
      .add('2025-10-02T00:00:00Z', 'reopen', 'investigating').rows;
    const now = new Date('2025-10-02T01:00:00Z');
    const status = (restart: 'never' | 'continue' | 'reset') =>
      computeSlaStatus(defineSlaPolicy({ id: 'p', version: '1', targets: [{ ...base, restart }] }), h, undefined, now)[0]!;
    expect(status('never')).toMatchObject({ state: 'met', cycle: 0, elapsedMs: 4 * HOUR });
    expect(status('continue')).toMatchObject({ state: 'running', cycle: 0, elapsedMs: 5 * HOUR, deadline: new Date('2025-10-02T06:00:00Z') });
    expect(status('reset')).toMatchObject({ state: 'running', cycle: 1, elapsedMs: HOUR, deadline: new Date('2025-10-02T10:00:00Z') });
  });

  it('needs a calendar for business targets', () => {
    expect(() => computeSlaStatus(quotePolicy({ hours: 1 }), [], undefined, new Date())).toThrow(/needs a calendar/);
  });
});

describe('previewCalendarChange', () => {
  const policy = quotePolicy({ hours: 10 });
  // Now: Thursday 1404-07-10 12:00. The new calendar opens Thursdays 08:00–12:00.
  const now = t('2025-10-02T12:00+03:30');
  const movedCase = { instanceId: 'moved', history: history().add(t('2025-10-01T13:00+03:30'), 'statdesk.create', 'submitted').rows };
  const breachCase = { instanceId: 'late', history: history().add(t('2025-10-01T08:00+03:30'), 'statdesk.create', 'submitted').rows };
  // Paused over the whole of Thursday: opening Thursday changes nothing for it.
  const pausedCase = {
    instanceId: 'paused',
    history: history()
      .add(t('2025-10-01T08:00+03:30'), 'statdesk.create', 'submitted')
      .add(t('2025-10-01T16:00+03:30'), 'requestInfo', 'consultation.awaitingApplicant')
      .add(t('2025-10-04T08:00+03:30'), 'reply', 'consultation.reviewing').rows,
  };

  it('shows which deadlines move and which breaches appear, keeping paused time', () => {
    const preview = previewCalendarChange(policy, [movedCase, breachCase, pausedCase], { from: office, to: officeWithThursday }, now);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes).toEqual([
      {
        instanceId: 'moved',
        target: 'quote',
        before: { state: 'running', deadline: t('2025-10-04T16:00+03:30') },
        after: { state: 'running', deadline: t('2025-10-04T11:00+03:30') },
        shiftMs: -5 * HOUR,
        deadlineMoved: true,
        breachAppears: false,
        breachDisappears: false,
      },
      {
        instanceId: 'late',
        target: 'quote',
        before: { state: 'running', deadline: t('2025-10-04T11:00+03:30') },
        after: { state: 'breached', deadline: t('2025-10-02T11:00+03:30') },
        shiftMs: -48 * HOUR,
        deadlineMoved: true,
        breachAppears: true,
        breachDisappears: false,
      },
    ]);
  });

  it('shows breaches that disappear when working time is taken away', () => {
    const preview = previewCalendarChange(policy, [breachCase], { from: officeWithThursday, to: office }, now);
    expect(preview.changes).toMatchObject([{ instanceId: 'late', breachAppears: false, breachDisappears: true, after: { state: 'running' } }]);
  });
});

describe('slaSummary', () => {
  it('orders a queue by urgency: open breaches, then nearest deadline, then paused', () => {
    const policy = quotePolicy({ hours: 4 });
    const now = t('2025-10-05T12:30+03:30');
    const summarise = (h: ReturnType<typeof history>) => slaSummary(computeSlaStatus(policy, h.rows, office, now), now);
    const late = summarise(history().add(t('2025-10-04T08:00+03:30'), 'statdesk.create', 'submitted'));
    const soon = summarise(history().add(t('2025-10-05T09:00+03:30'), 'statdesk.create', 'submitted'));
    const fresh = summarise(history().add(t('2025-10-05T12:15+03:30'), 'statdesk.create', 'submitted'));
    const waiting = summarise(
      history().add(t('2025-10-05T08:00+03:30'), 'statdesk.create', 'submitted').add(t('2025-10-05T08:30+03:30'), 'requestInfo', 'consultation.awaitingApplicant'),
    );
    expect(late).toMatchObject({ urgency: 'breached', oldestOpenBreach: t('2025-10-04T12:00+03:30'), breached: ['quote'], nextDeadline: null });
    // Started 09:00, 3 h spent by 12:00 (lunch does not count): past the 75 % warning.
    expect(soon).toMatchObject({ urgency: 'at-risk', highestWarning: 0.75, nextDeadline: { target: 'quote', at: t('2025-10-05T14:00+03:30') } });
    expect(fresh).toMatchObject({ urgency: 'on-track', highestWarning: null, nextDeadline: { at: t('2025-10-06T09:00+03:30') } });
    expect(waiting).toMatchObject({ urgency: 'paused', paused: ['quote'], nextDeadline: null });
    expect([waiting, fresh, late, soon].sort(compareSlaUrgency)).toEqual([late, soon, fresh, waiting]);
  });
});
