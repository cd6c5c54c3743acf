import type { AttendanceStatus, SessionAttendanceCorrected, SessionAttendanceRecorded } from '@alongside/outcomes/contracts';

/** One participant at one session as sessions last said, with which of its revisions that was. */
export type AttendanceEntry = Readonly<{ status: AttendanceStatus; minutes: number; revision: number }>;

/** What a heard entry does to the figures: whether it replaces the one held, and by how much the counts move. */
export type AttendanceChange = Readonly<{ replaces: boolean; attendedDelta: number; minutesDelta: number }>;

const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late', 'left-early']);

/** Present, late or left early: the participant was there, which is what a session of dose counts. */
export const wasThere = (status: AttendanceStatus): boolean => ATTENDED.has(status);

/** The original register is revision 0; each correction carries the revision sessions gave it. */
export const entryOf = (event: SessionAttendanceRecorded | SessionAttendanceCorrected): AttendanceEntry => ({
  status: event.data.status,
  minutes: event.data.minutes,
  revision: event.type === 'SessionAttendanceCorrected' ? event.data.revision : 0,
});

/**
 * A corrected entry replaces the effect of the one it corrects, never adds to it; an entry older than
 * the one held (a correction overtaken by a newer one, the original after any correction) changes
 * nothing. The same revision again replaces: a redelivery is identical, and a register taken again
 * before any correction (revision 0 twice) is the newer word, as it always was.
 */
export const attendanceChange = (held: AttendanceEntry | null, heard: AttendanceEntry): AttendanceChange => {
  if (held !== null && heard.revision < held.revision) return { replaces: false, attendedDelta: 0, minutesDelta: 0 };
  const before = held === null ? { there: 0, minutes: 0 } : { there: wasThere(held.status) ? 1 : 0, minutes: held.minutes };
  return { replaces: true, attendedDelta: (wasThere(heard.status) ? 1 : 0) - before.there, minutesDelta: heard.minutes - before.minutes };
};
