import fc from 'fast-check';
import { daysBetween, isAfter, isBefore, isCalendarDay, latestOf } from './calendar-day';

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('Calendar days', () => {
  it('counts whole days between two days, across months, leap years and DST changes', () => {
    expect(daysBetween('2025-02-03', '2025-03-03')).toBe(28);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-03-10', '2025-03-08')).toBe(-2);
  });

  it('knows real calendar days from look-alikes', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
    expect(isCalendarDay('2025-01-01T00:00:00Z')).toBe(false);
  });

  it('orders days consistently with the count between them', () =>
    fc.assert(
      fc.property(day, day, (a, b) => {
        const d = daysBetween(a, b);
        expect(daysBetween(b, a) + d).toBe(0);
        expect(isAfter(b, a)).toBe(d > 0);
        expect(isBefore(b, a)).toBe(d < 0);
        expect(latestOf(a, b)).toBe(d >= 0 ? b : a);
        expect(d === 0).toBe(a === b);
      }),
    ));

  it('adds up: a→b plus b→c is a→c', () =>
    fc.assert(fc.property(day, day, day, (a, b, c) => expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c)))));
});
