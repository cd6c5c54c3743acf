import { SingleBar, Presets } from 'cli-progress';

/** One bar for the whole run: a step per warm-up or measured round, and one per finished case. */
export const progressBar = (total: number): { step: () => void; label: (text: string) => void; stop: () => void } => {
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} steps | {eta_formatted} left | {case}', hideCursor: true, etaBuffer: 20 },
    Presets.shades_classic,
  );
  bar.start(total, 0, { case: '' });
  return {
    step: () => bar.increment(),
    label: (text) => bar.update({ case: text }),
    stop: () => bar.stop(),
  };
};
