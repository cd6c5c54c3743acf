import type { IsoDate } from '@alongside/enrolment/contracts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day; days are compared as days, never as instants. */
const dayNumber = (day: IsoDate): number => {
  const match = ISO_DATE.exec(day);
  if (!match) throw new TypeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
};

export const isCalendarDay = (value: string): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

export const isAfter = (day: IsoDate, other: IsoDate): boolean => daysBetween(other, day) > 0;

export const isBefore = (day: IsoDate, other: IsoDate): boolean => daysBetween(other, day) < 0;

export const latestOf = (a: IsoDate, b: IsoDate): IsoDate => (isAfter(b, a) ? b : a);
