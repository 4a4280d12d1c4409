import type { AnyEventObject } from 'xstate';
import { describe, expect, it } from 'vitest';
import { paymentMachine, resolvePaymentOptions } from '../../src';
import { machineCoverage } from '../workflows/shop-order/machine-coverage';

const events: AnyEventObject[] = [
  { type: 'requested', authority: 'A1', redirectUrl: 'https://gw.example/StartPay/A1' },
  { type: 'requestRefused', reason: 'request-refused', message: 'no' },
  { type: 'requestRefused', reason: 'gateway-disabled', message: 'off' },
  { type: 'callback', status: 'OK' },
  { type: 'callback', status: 'NOK' },
  { type: 'reportedPaid' },
  ...(['pending', 'paid', 'verified', 'failed', 'reversed', 'unknown'] as const).map((status) => ({ type: 'inquired', status })),
  { type: 'verificationSucceeded', refId: '201', alreadyVerified: false },
  { type: 'verificationFailed', reason: 'amount-mismatch', message: '-50' },
  { type: 'settled' },
  { type: 'payerRefused', message: 'order cancelled' },
  { type: 'recordRefund', reference: 'BANK-1' },
  { type: 'reverse' },
  { type: 'reversed' },
  { type: 'reverseRefused', message: 'window passed', code: -63 },
];

describe('payment machine, model-based (xstate/graph)', () => {
  const machine = paymentMachine(resolvePaymentOptions({ maxChecks: 2 }));
  const input = { payerId: 'SO-1', amountRial: 737_000n, gateway: 'zarinpal', description: 'Order SO-1', callbackUrl: 'https://portal.example/cb', customerProfileId: 'c1' };
  const coverage = machineCoverage(machine, { input, events: () => events });

  it('reaches every state', () => {
    expect(coverage.unvisitedStates).toEqual([]);
  });

  it('takes every transition, every guarded branch and every timer', () => {
    expect(coverage.untakenTransitions).toEqual([]);
  });

  it('every final state is reachable by its shortest path', () => {
    const byState = Object.fromEntries(coverage.pathsToFinal.map((p) => [p.state, p.events]));
    expect(byState['"settled"']).toEqual(['requested', 'callback', 'verificationSucceeded', 'settled']);
    expect(byState['"failed"']).toEqual(['requestRefused']);
    expect(byState['"refunded"']).toEqual(['requested', 'callback', 'verificationSucceeded', 'payerRefused', 'recordRefund']);
  });
});

describe('the coverage check itself', () => {
  it('reports a state nothing reaches and a branch never taken', async () => {
    const { setup } = await import('xstate');
    const machine = setup({ guards: { never: () => false } }).createMachine({
      id: 'm',
      initial: 'a',
      states: { a: { on: { go: [{ guard: 'never', target: 'orphan' }, { target: 'b' }] } }, b: { type: 'final' }, orphan: {} },
    });
    const coverage = machineCoverage(machine, { input: undefined, events: () => [{ type: 'go' }] });
    expect(coverage.unvisitedStates).toEqual(['m.orphan']);
    expect(coverage.untakenTransitions).toEqual(['m.a --go[0]']);
  });
});
