/**
 * Bounded retries with exponential backoff for handler errors: enough to ride out a deadlock, a
 * failover or an event that arrived before the one it depends on; not so many that one bad message
 * holds its partition for long. Then the message goes to the DLQ and the consumer goes on.
 */
export type RetryPolicy = Readonly<{
  /** Attempts in all, the first included. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}>;

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, firstDelayMs: 200, maxDelayMs: 5_000 };

/** Delay before attempt `attempt + 1` (attempt counts from 1). */
export const delayAfter = (policy: RetryPolicy, attempt: number): number =>
  Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
