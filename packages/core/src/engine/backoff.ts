/** Retry delays for the outbox: exponential, capped, with jitter so retries do not stampede. */
export interface BackoffPolicy {
  /** Delay before the first retry, in milliseconds; each further retry doubles it. */
  baseDelayMs: number;
  /** Upper bound of any delay, in milliseconds. */
  maxDelayMs: number;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): "equal jitter" in [d/2, d). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}
