/**
 * How cost grows (issue 12): the log sizes the scale cases build, cache and query. `npm run bench --
 * scale-10m` runs one; the tiny run (npm test) builds a 200th of each, on a fresh database.
 *
 * A size's network is built once and kept (`alongside_bench_scale_<events>`): on this shared 2-core
 * machine deciding and appending ran at 2–5k events/s together and the outcome views rebuilt at
 * 7–14k, so the first run of 10M (11.2M events) took 57 minutes to build and 14 to rebuild; later runs
 * only query it.
 */
export const SCALE_SIZES: readonly number[] = [30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];

/** The tiny run's share of each size: enough events that the sizes still differ 3× and 10×. */
export const TINY_SCALE_DIVISOR = 200;

export const scaleCaseName = (events: number): string =>
  `scale-${events >= 1_000_000 ? `${events / 1_000_000}m` : `${events / 1_000}k`}`;
