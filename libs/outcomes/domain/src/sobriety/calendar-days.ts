/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), free of time zones: a date is a site-local day. */
const DAY_MS = 86_400_000;

const epochDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

export const addDays = (date: string, days: number): string =>
  new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Clients' clocks drift: an instant up to this far ahead of the server's `now` is not "the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const isAfterNow = (instant: string, now: string): boolean => Date.parse(instant) > Date.parse(now) + CLOCK_SKEW_MS;
