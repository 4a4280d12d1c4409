import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { toMermaidStatechart } from '../../src';
import { reviewMachine } from './review.workflow';

describe('statecharts from machine definitions', () => {
  it('draws states, initial and final markers, events, guards and named or numeric delays', () => {
    expect(toMermaidStatechart(reviewMachine(), { delayLabels: { decisionDeadline: '3 working days' } })).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> draft',
        '  draft --> submitted: submit',
        '  draft --> cancelled: cancel',
        '  submitted --> approved: approve',
        '  submitted --> awaitingApplicant: requestInfo [mayAskAgain]',
        '  submitted --> cancelled: cancel',
        '  submitted --> submitted: after 1 d',
        '  submitted --> expired: after 3 working days',
        '  awaitingApplicant --> submitted: reply',
        '  awaitingApplicant --> cancelled: cancel',
        '  approved --> [*]',
        '  expired --> [*]',
        '  cancelled --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('gives nested states unique ids and draws parallel regions', () => {
    const machine = setup({}).createMachine({
      id: 'order',
      initial: 'open',
      states: {
        open: {
          type: 'parallel',
          states: {
            payment: { initial: 'open', states: { open: { on: { pay: 'done' } }, done: { type: 'final' } } },
            delivery: { initial: 'open', states: { open: { always: { target: 'done' } }, done: { type: 'final' } } },
          },
          on: { close: 'closed' },
        },
        closed: { type: 'final', description: 'No further events.' },
      },
    });
    const chart = toMermaidStatechart(machine);
    expect(chart).toContain('state "open" as open {');
    expect(chart).toContain('  state "payment" as open__payment {');
    expect(chart).toContain('    open__payment__open --> open__payment__done: pay');
    expect(chart).toContain('  --');
    expect(chart).toContain('    open__delivery__open --> open__delivery__done: always');
    expect(chart).toContain('open --> closed: close');
    expect(chart).toContain('note right of closed: No further events.');
    expect(chart).not.toContain('[*] --> open__payment\n'); // parallel regions have no initial arrow
  });
});
