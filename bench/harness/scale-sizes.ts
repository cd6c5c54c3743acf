/**
 * How cost grows (issue 12): the log sizes the scale cases build, cache and query. `npm run bench --
 * scale-10m` runs one; the tiny run (npm test) builds a 200th of each, on a fresh database.
 *
 * A size's network is built once and kept (`alongside_bench_scale_<events>`): on this 2-core machine
 * deciding and appending run at ≈ 5–7k events/s together and the outcome views rebuild at ≈ 20k, so
 * the first run of 10M takes about 40 minutes to build, and later runs only query it.
 */
export const SCALE_SIZES: readonly number[] = [30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];

/** The tiny run's share of each size: enough events that the sizes still differ 3× and 10×. */
export const TINY_SCALE_DIVISOR = 200;

export const scaleCaseName = (events: number): string =>
  `scale-${events >= 1_000_000 ? `${events / 1_000_000}m` : `${events / 1_000}k`}`;
