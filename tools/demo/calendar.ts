import { DateTime } from 'luxon';

/** Turns a plan's day numbers into the days and zoned instants the commands carry. */
export class PlanCalendar {
  private readonly start: DateTime;
  private readonly days = new Map<number, string>();
  private readonly instants = new Map<string, string>();

  constructor(startsOn: string) {
    this.start = DateTime.fromISO(startsOn, { zone: 'UTC' });
  }

  dayOf(day: number): string {
    let iso = this.days.get(day);
    if (iso === undefined) {
      iso = this.start.plus({ days: day }).toISODate()!;
      this.days.set(day, iso);
    }
    return iso;
  }

  /** `2025-06-03T10:00:00-05:00`: a wall-clock time of the day in the site's zone. */
  instantOf(day: number, time: string, timeZone: string, plusMinutes = 0): string {
    // Memoised: a plan asks for the same few wall-clock times of each day again and again, and
    // luxon's zone arithmetic was a fifth of the generator's time.
    const key = `${day}|${time}|${timeZone}|${plusMinutes}`;
    let instant = this.instants.get(key);
    if (instant === undefined) {
      instant = DateTime.fromISO(`${this.dayOf(day)}T${time}`, { zone: timeZone }).plus({ minutes: plusMinutes }).toISO({ suppressMilliseconds: true })!;
      this.instants.set(key, instant);
    }
    return instant;
  }
}
