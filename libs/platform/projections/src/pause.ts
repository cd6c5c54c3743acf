/** Resolves after `ms`, or as soon as one of the signals aborts, so a stop never sits out an idle poll. */
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
