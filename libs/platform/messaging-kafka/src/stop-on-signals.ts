/**
 * For a relay or consumers run as a process of their own (`ROLE=relay`): SIGTERM or SIGINT stops
 * them gracefully, once; `stopped` resolves when they have, so the script can close the rest.
 */
export const stopOnSignals = (stop: () => Promise<void>, signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']) => {
  let stopping: Promise<void> | undefined;
  let settle!: () => void;
  const stopped = new Promise<void>((resolve) => (settle = resolve));
  const once = (): Promise<void> => {
    stopping ??= stop().finally(() => {
      signals.forEach((signal) => process.off(signal, onSignal));
      settle();
    });
    return stopping;
  };
  const onSignal = () => void once();
  signals.forEach((signal) => process.once(signal, onSignal));
  return { stop: once, stopped };
};
