/**
 * Resolves after `ms`, or as soon as one of the signals aborts: every wait of a log's followers (an
 * idle poll, a retry backoff, a lease renewal) is cut short by a stop or a wake-up, so shutdown
 * never sits one out.
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
