// Polls until something eventually true is true: a message consumed, a projection caught up.
// Tests wait for outcomes this way instead of sleeping a guessed number of milliseconds.

export type WaitForOptions = {
  timeoutMs?: number;
  intervalMs?: number;
  /** Named in the timeout error, e.g. 'the MatchProposed event on the dashboard'. */
  what?: string;
};

/**
 * Resolves with the first truthy value `predicate` returns. A predicate that throws counts as "not
 * yet"; its last error is part of the timeout error.
 */
export const waitFor = async <T>(
  predicate: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50, what = 'the condition' }: WaitForOptions = {},
): Promise<NonNullable<T>> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
