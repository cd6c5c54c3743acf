import type { AttendanceStatus, CancellationReason, CorrectionReason, Facilitator, GroupKind, SessionOrigin } from '../vocabulary';

export type SessionScheduled = Readonly<{
  type: 'SessionScheduled';
  data: {
    sessionId: string;
    groupId: string;
    groupKind: GroupKind;
    facilitator: Facilitator;
    /** Instants with the site's offset on that day, e.g. `2025-03-31T18:00:00+01:00`. */
    startsAt: string;
    endsAt: string;
    /** The session's calendar date in the site's time zone (`yyyy-MM-dd`). */
    localDate: string;
    timeZone: string;
    origin: SessionOrigin;
    scheduledAt: string;
  };
}>;

export type SessionCancelled = Readonly<{
  type: 'SessionCancelled';
  data: { sessionId: string; groupId: string; reason: CancellationReason; cancelledAt: string };
}>;

export type SessionHeld = Readonly<{
  type: 'SessionHeld';
  data: { sessionId: string; groupId: string; startedAt: string; endedAt: string; topic: string; recordedAt: string };
}>;

/**
 * One per participant of a session, all from one submit. The group note is not here: its text
 * stays in this service; `groupNoteId` only links this attendance to it.
 */
export type AttendanceRecorded = Readonly<{
  type: 'AttendanceRecorded';
  data: {
    sessionId: string;
    groupId: string;
    groupKind: GroupKind;
    participantId: string;
    status: AttendanceStatus;
    minutesAttended: number;
    localDate: string;
    groupNoteId: string | null;
    recordedAt: string;
  };
}>;

/**
 * One participant's attendance at a held session, corrected after it was taken. The recorded entry
 * stays in the log as it was; `revision` counts the corrections of this entry (1 for the first), so
 * whoever derives from them can tell a late-arriving older correction from the newest one.
 */
export type AttendanceCorrected = Readonly<{
  type: 'AttendanceCorrected';
  data: {
    sessionId: string;
    groupId: string;
    groupKind: GroupKind;
    participantId: string;
    previous: { status: AttendanceStatus; minutesAttended: number };
    status: AttendanceStatus;
    minutesAttended: number;
    localDate: string;
    reason: CorrectionReason;
    revision: number;
    correctedAt: string;
  };
}>;

export type SessionEvent = SessionScheduled | SessionCancelled | SessionHeld | AttendanceRecorded | AttendanceCorrected;
