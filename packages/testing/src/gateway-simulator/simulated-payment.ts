/** One payment as the simulated gateway keeps it. */
export interface SimulatedPayment {
  /** The gateway's id of the payment (Zarinpal's `Authority`). */
  authority: string;
  /** The amount requested, in Rial. */
  amountRial: bigint;
  /** The description sent with the request. */
  description: string;
  /** Where the payer is sent back to. */
  callbackUrl: string;
  /** The currency the payment was requested in; verify and `unVerified` use it too (IRT = Rial / 10). */
  currency: 'IRR' | 'IRT';
  /** `pending`: at the bank; `paid`: paid, not verified; then `verified` or `reversed`; `cancelled` on NOK. */
  status: 'pending' | 'paid' | 'cancelled' | 'verified' | 'reversed';
  /** The bank reference, once verified. */
  refId?: number;
  /** The masked card number, once paid. */
  cardPan?: string;
  /** When it was paid (ms since the epoch, the simulator's clock). */
  paidAt?: number;
  /** When it was first verified (ms since the epoch). */
  verifiedAt?: number;
  /** Verify calls for this authority, successful or not. */
  verifyCalls: number;
}

/** The simulator's endpoints, named after the Zarinpal v4 paths they answer. */
export type SimulatorEndpoint = 'request' | 'verify' | 'inquiry' | 'unVerified' | 'reverse' | 'feeCalculation';

/**
 * A one-off behaviour for the next call to an endpoint:
 * - `delay`: answer normally, after `ms` (a slow gateway; with the adapter's timeout, a timeout);
 * - `code`: answer with this result code instead (−50, −51, −54, −9, −12, −52, …);
 * - `envelope`: answer with this raw JSON body and HTTP status (another envelope shape, a code as a string);
 * - `http`: answer with this HTTP status and a non-gateway body (a proxy's 502);
 * - `drop`: close the connection without answering.
 */
export type ScriptedBehaviour = { kind: 'delay'; ms: number } | { kind: 'code'; code: number; message?: string } | { kind: 'http'; status: number } | { kind: 'drop' } | { kind: 'envelope'; status: number; body: unknown };
