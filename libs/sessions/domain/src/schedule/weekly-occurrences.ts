import { DateTime } from 'luxon';
import type { WeeklySchedule } from '@alongside/sessions/contracts';
import { validTime } from './valid-time';

export type Occurrence = Readonly<{
  /** `yyyy-MM-dd'T'HH:mm` on the site's wall clock: the stable name of the occurrence. */
  localStart: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
}>;

export const isTimeZone = (zone: string): boolean => DateTime.local().setZone(zone).isValid;

/**
 * The occurrences of a weekly schedule on the local dates [from, from + weeks), read in `timeZone`.
 * Each keeps its wall-clock time whatever the offset that day (a weekly 18:00 stays 18:00 across
 * daylight-saving changes); a time that does not exist on a spring-forward day moves forward by
 * the gap, as the clocks do. Exception dates and dates outside the schedule's range are skipped.
 */
export const weeklyOccurrences = (schedule: WeeklySchedule, timeZone: string, from: string, weeks: number): Occurrence[] => {
  const first = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const exceptions = new Set(schedule.exceptions);
  const occurrences: Occurrence[] = [];
  for (let offset = 0; offset < weeks * 7; offset++) {
    const date = first.plus({ days: offset });
    const localDate = validTime(date.toISODate(), `day ${offset} from ${from} in ${timeZone}`);
    if (localDate < schedule.startsOn || (schedule.endsOn !== null && localDate > schedule.endsOn) || exceptions.has(localDate)) continue;
    for (const slot of schedule.slots) {
      if (slot.weekday !== date.weekday) continue;
      const [hour, minute] = slot.startTime.split(':').map(Number);
      const start = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone: timeZone });
      occurrences.push({
        localStart: `${localDate}T${slot.startTime}`,
        localDate,
        startsAt: validTime(start.toISO({ suppressMilliseconds: true }), `${localDate} ${slot.startTime} in ${timeZone}`),
        endsAt: validTime(start.plus({ minutes: slot.durationMinutes }).toISO({ suppressMilliseconds: true }), `the end of ${localDate} ${slot.startTime}`),
      });
    }
  }
  return occurrences.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
};

/** The calendar date of an instant in a zone. */
export const localDateOf = (instant: string, timeZone: string): string =>
  validTime(DateTime.fromISO(instant, { setZone: true }).setZone(timeZone).toISODate(), `${instant} in ${timeZone}`);

/** An instant written with the zone's offset on that day. */
export const inZone = (instant: string, timeZone: string): string =>
  validTime(DateTime.fromISO(instant, { setZone: true }).setZone(timeZone).toISO({ suppressMilliseconds: true }), `${instant} in ${timeZone}`);
