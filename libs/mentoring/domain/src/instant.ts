import { DateTime } from 'luxon';

/**
 * Instants arrive as ISO 8601 strings with a zone. Arithmetic keeps the zone it was given, so
 * "7 days after a discharge at 12:00-04:00" is 12:00-04:00 a week later, as a clinic reads it.
 */
export const epochOf = (iso: string): number => Date.parse(iso);

export const isBefore = (a: string, b: string): boolean => epochOf(a) < epochOf(b);
export const isAtOrBefore = (a: string, b: string): boolean => epochOf(a) <= epochOf(b);

const inItsZone = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

export const plusDays = (iso: string, days: number): string => inItsZone(iso).plus({ days }).toISO()!;
export const plusMinutes = (iso: string, minutes: number): string => inItsZone(iso).plus({ minutes }).toISO()!;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.floor((epochOf(to) - epochOf(from)) / 86_400_000);

/** The calendar date (YYYY-MM-DD) of an instant in its own zone. */
export const calendarDateOf = (iso: string): string => inItsZone(iso).toISODate()!;
