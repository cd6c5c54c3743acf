/**
 * Resolves after `ms`, or as soon as one of the signals aborts: every wait in the relay and the
 * consumers is cut short by a stop, so shutdown never sits out an idle poll or a retry backoff.
 */
export const pause = (ms: number, ...signals: AbortSignal[]): Promise<void> =>
  new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    const done = () => {
      clearTimeout(timer);
      signals.forEach((s) => s.removeEventListener('abort', done));
      resolve();
    };
    const timer = setTimeout(done, ms);
    signals.forEach((s) => s.addEventListener('abort', done, { once: true }));
  });
