import type { IsoDate } from '@alongside/enrolment/contracts';
import type { Now } from './now';
import { isAfter, isCalendarDay } from './calendar-day';
import { DateInTheFuture, NotACalendarDay } from './calendar.errors';

/** Refuses a day that is not a real calendar day, or that is after today at the site. */
export const assertNotInTheFuture = (field: string, day: IsoDate, now: Now): void => {
  if (!isCalendarDay(day)) throw new NotACalendarDay(field, day);
  if (isAfter(day, now.today)) throw new DateInTheFuture(field, day, now.today);
};
