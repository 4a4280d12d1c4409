/** One payment as the simulated gateway keeps it. */
export interface SimulatedPayment {
  authority: string;
  amountRial: bigint;
  description: string;
  callbackUrl: string;
  /** `pending`: at the bank; `paid`: paid, not verified; then `verified` or `reversed`; `cancelled` on NOK. */
  status: 'pending' | 'paid' | 'cancelled' | 'verified' | 'reversed';
  refId?: number;
  cardPan?: string;
  paidAt?: number;
  verifiedAt?: number;
  /** Verify calls for this authority, successful or not. */
  verifyCalls: number;
}

/** The simulator's endpoints, named after the Zarinpal v4 paths they answer. */
export type SimulatorEndpoint = 'request' | 'verify' | 'inquiry' | 'unVerified' | 'reverse';

/**
 * A one-off behaviour for the next call to an endpoint:
 * - `delay`: answer normally, after `ms` (a slow gateway; with the adapter's timeout, a timeout);
 * - `code`: answer with this result code instead (−50, −51, −54, −9, …);
 * - `http`: answer with this HTTP status and a non-gateway body (a proxy's 502);
 * - `drop`: close the connection without answering.
 */
export type ScriptedBehaviour = { kind: 'delay'; ms: number } | { kind: 'code'; code: number; message?: string } | { kind: 'http'; status: number } | { kind: 'drop' };
