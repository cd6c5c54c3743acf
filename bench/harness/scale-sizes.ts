/**
 * How cost grows (issue 12): the log sizes the scale cases build, cache and query. `npm run bench --
 * scale-100k` runs one; the tiny run (npm test) builds a 200th of each, on a fresh database.
 *
 * The issue asks for 1M, 3M and 10M. On this 2-core machine the outcome views projection rebuilds at
 * a few hundred events per second (bench/README.md), so 1M alone takes most of an hour and 10M most of
 * a day: the sizes below are what one bench run can build. Add a size here to measure it.
 */
export const SCALE_SIZES: readonly number[] = [100_000, 300_000, 1_000_000];

/** The tiny run's share of each size: enough events that the sizes still differ 3× and 10×. */
export const TINY_SCALE_DIVISOR = 200;

export const scaleCaseName = (events: number): string =>
  `scale-${events >= 1_000_000 ? `${events / 1_000_000}m` : `${events / 1_000}k`}`;
