/**
 * Sends a system event to a payment, re-sending it on the fresh state when it lost a race.
 *
 * A callback, a reload of it, the reconciler's sweep and the payment's own effects may all move
 * one payment at once; the loser of the compare-and-set gets `CONFLICT`. For these senders a
 * conflict is not an error to show anyone: the payment moved, and on its new state the event
 * either still applies or is rejected as `INVALID_TRANSITION` (someone else handled it).
 */
import type { CommandResult, Desk, SendCommand } from '../engine/desk';
import { isStatdeskError } from '../errors';

/** More racers than this on one payment is not a race but a loop. */
const MAX_ATTEMPTS = 8;

export async function sendOnFreshState(desk: Desk, command: SendCommand): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await desk.send(command);
    } catch (error) {
      if (!isStatdeskError(error, 'CONFLICT') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
