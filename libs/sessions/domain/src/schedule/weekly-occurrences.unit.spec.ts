import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Weekday, WeeklySchedule } from '@alongside/sessions/contracts';
import { weeklyOccurrences } from './weekly-occurrences';

const weekly = (weekday: Weekday, startTime: string, exceptions: string[] = []): WeeklySchedule => ({
  slots: [{ weekday, startTime, durationMinutes: 90 }],
  startsOn: '2020-01-01',
  endsOn: null,
  exceptions,
});

const dates = fc.integer({ min: 0, max: 365 * 6 }).map((days) => DateTime.fromISO('2021-01-01', { zone: 'UTC' }).plus({ days }).toISODate()!);
const zones = fc.constantFrom('Europe/London', 'America/New_York', 'America/Chicago', 'Australia/Sydney');
const weekdays = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
// Hours that exist on every day in these zones (their clocks change at 01:00-03:00).
const times = fc.tuple(fc.constantFrom(0, 4, 7, 9, 12, 15, 18, 20, 23), fc.constantFrom(0, 15, 30, 45)).map(
  ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
);

describe('Weekly schedule', () => {
  it('keeps a weekly 18:00 at 18:00 local across the daylight-saving changes (London, New York)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Europe/London', 'America/New_York'), dates, weekdays, (zone, from, weekday) => {
        for (const o of weeklyOccurrences(weekly(weekday, '18:00'), zone, from, 10)) {
          const local = DateTime.fromISO(o.startsAt, { setZone: true }).setZone(zone);
          expect(local.toFormat('HH:mm')).toBe('18:00');
          expect(local.weekday).toBe(weekday);
          expect(local.toISODate()).toBe(o.localDate);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('gives one occurrence a week on the slot weekday, at the slot wall-clock time, in any zone', () => {
    fc.assert(
      fc.property(zones, dates, weekdays, times, fc.integer({ min: 1, max: 12 }), (zone, from, weekday, time, weeks) => {
        const occurrences = weeklyOccurrences(weekly(weekday, time), zone, from, weeks);
        expect(occurrences).toHaveLength(weeks);
        for (const o of occurrences) {
          expect(DateTime.fromISO(o.startsAt, { setZone: true }).setZone(zone).toFormat('HH:mm')).toBe(time);
          expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(90 * 60_000);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('writes the offset of the day: +00:00 before and +01:00 after the London spring change', () => {
    const [before, after] = weeklyOccurrences(weekly(2, '18:00'), 'Europe/London', '2025-03-24', 2);
    expect(before.startsAt).toBe('2025-03-25T18:00:00+00:00');
    expect(after.startsAt).toBe('2025-04-01T18:00:00+01:00');
  });

  it('keeps 18:00 in New York across the autumn change, 23:00 then 22:00 UTC', () => {
    const [before, after] = weeklyOccurrences(weekly(4, '18:00'), 'America/New_York', '2025-10-27', 2);
    expect(new Date(before.startsAt).toISOString()).toBe('2025-10-30T22:00:00.000Z');
    expect(new Date(after.startsAt).toISOString()).toBe('2025-11-06T23:00:00.000Z');
  });

  it('moves a time that does not exist on the spring-forward day forward by the gap', () => {
    const [o] = weeklyOccurrences(weekly(7, '02:30'), 'America/New_York', '2025-03-09', 1);
    expect(o.startsAt).toBe('2025-03-09T03:30:00-04:00');
  });

  it('skips exception dates and dates outside the schedule', () => {
    fc.assert(
      fc.property(zones, dates, weekdays, (zone, from, weekday) => {
        const all = weeklyOccurrences(weekly(weekday, '18:00'), zone, from, 6);
        const skipped = all[2].localDate;
        const some = weeklyOccurrences(weekly(weekday, '18:00', [skipped]), zone, from, 6);
        expect(some.map((o) => o.localDate)).toEqual(all.map((o) => o.localDate).filter((d) => d !== skipped));
        const bounded = weeklyOccurrences({ ...weekly(weekday, '18:00'), startsOn: all[1].localDate, endsOn: all[3].localDate }, zone, from, 6);
        expect(bounded).toHaveLength(3);
      }),
      { numRuns: 50 },
    );
  });
});
