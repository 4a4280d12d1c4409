/** The instance keys a message is found by. */
import { createHash } from 'node:crypto';

/** The names of the instance keys a message is found by. */
export const COMPLAINT_KEYS = Object.freeze({
  /** Unique per portal: staff find a message by its tracking code. */
  trackingCode: 'complaint.tracking-code',
  /** Unique per portal. */
  complaintCode: 'complaint.complaint-code',
  /**
   * A hash of both codes together: the public lookup probes only this, so a request with one
   * right code and one wrong one follows exactly the path of a request with neither.
   */
  lookup: 'complaint.lookup',
});

/**
 * The public lookup key: a SHA-256 of the tracking and complaint codes, so the codes themselves are not a
 * stored key.
 */
export function lookupKeyOf(trackingCode: string, complaintCode: string | null): string {
  return createHash('sha256').update(`${trackingCode}:${complaintCode ?? ''}`).digest('hex');
}
