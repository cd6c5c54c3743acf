import fc from 'fast-check';
import { ATTENDANCE_STATUSES } from '@alongside/outcomes/contracts';
import { attendanceChange, wasThere, type AttendanceEntry } from './attendance-revision';

const entry = (status: AttendanceEntry['status'], minutes: number, revision: number): AttendanceEntry => ({ status, minutes, revision });

/** Folds heard entries as the projection does: the held entry, and the dose and minutes counted so far. */
const hear = (entries: readonly AttendanceEntry[]) =>
  entries.reduce(
    (acc, heard) => {
      const change = attendanceChange(acc.held, heard);
      return { held: change.replaces ? heard : acc.held, attended: acc.attended + change.attendedDelta, minutes: acc.minutes + change.minutesDelta };
    },
    { held: null as AttendanceEntry | null, attended: 0, minutes: 0 },
  );

describe('Attendance revisions', () => {
  it('counts a first attendance once, with its minutes', () => {
    expect(attendanceChange(null, entry('present', 90, 0))).toEqual({ replaces: true, attendedDelta: 1, minutesDelta: 90 });
    expect(attendanceChange(null, entry('absent', 0, 0))).toEqual({ replaces: true, attendedDelta: 0, minutesDelta: 0 });
  });

  it("replaces the original's effect with the correction's, never adding to it", () => {
    expect(attendanceChange(entry('present', 90, 0), entry('absent', 0, 1))).toEqual({ replaces: true, attendedDelta: -1, minutesDelta: -90 });
    expect(attendanceChange(entry('absent', 0, 0), entry('late', 60, 1))).toEqual({ replaces: true, attendedDelta: 1, minutesDelta: 60 });
    expect(attendanceChange(entry('present', 90, 0), entry('left-early', 45, 1))).toEqual({ replaces: true, attendedDelta: 0, minutesDelta: -45 });
  });

  it('lets an older correction, or the original, arriving after a newer one change nothing', () => {
    expect(attendanceChange(entry('absent', 0, 2), entry('present', 90, 1))).toEqual({ replaces: false, attendedDelta: 0, minutesDelta: 0 });
    expect(attendanceChange(entry('absent', 0, 1), entry('present', 90, 0))).toEqual({ replaces: false, attendedDelta: 0, minutesDelta: 0 });
  });

  it('changes nothing when the same revision is heard again', () => {
    const held = entry('late', 70, 3);
    expect(attendanceChange(held, held)).toEqual({ replaces: true, attendedDelta: 0, minutesDelta: 0 });
  });

  it('ends, in whatever order and however often the revisions are heard, at the newest, counted once', () => {
    const status = fc.constantFrom(...ATTENDANCE_STATUSES);
    const revisions = fc
      .uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 6 })
      .chain((ids) => fc.tuple(...[0, ...ids].map((revision) => fc.tuple(status, fc.integer({ min: 0, max: 720 })).map(([s, m]) => entry(s, m, revision)))));
    const deliveries = revisions.chain((entries) =>
      fc.tuple(fc.constant(entries), fc.array(fc.nat({ max: entries.length - 1 }), { maxLength: 6 })).chain(([all, repeats]) =>
        fc.tuple(fc.constant(all), fc.shuffledSubarray([...all, ...repeats.map((i) => all[i])], { minLength: all.length + repeats.length })),
      ),
    );
    fc.assert(
      fc.property(deliveries, ([entries, heard]) => {
        const newest = entries.reduce((a, b) => (b.revision > a.revision ? b : a));
        const result = hear(heard);
        expect(result.held).toEqual(newest);
        expect(result.attended).toBe(wasThere(newest.status) ? 1 : 0);
        expect(result.minutes).toBe(newest.minutes);
      }),
    );
  });
});
