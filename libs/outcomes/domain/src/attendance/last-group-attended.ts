import type { SessionAttendanceCorrected, SessionAttendanceRecorded } from '@alongside/outcomes/contracts';
import { attendanceChange, entryOf, wasThere, type AttendanceEntry } from './attendance-revision';

type Heard = SessionAttendanceRecorded | SessionAttendanceCorrected;

/**
 * The last day the participant was at a group (the companion shows it), by the newest revision of
 * each session's entry: a session corrected to absent no longer counts, one corrected to present does.
 */
export const lastGroupAttendedOn = (heard: Iterable<Heard>): string | null => {
  const sessions = new Map<string, AttendanceEntry & { heldOn: string }>();
  for (const event of heard) {
    const entry = entryOf(event);
    if (attendanceChange(sessions.get(event.data.sessionId) ?? null, entry).replaces) sessions.set(event.data.sessionId, { ...entry, heldOn: event.data.heldOn });
  }
  let last: string | null = null;
  for (const { status, heldOn } of sessions.values()) if (wasThere(status) && (last === null || heldOn > last)) last = heldOn;
  return last;
};
