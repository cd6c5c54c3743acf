import type { AttendanceStatus, DischargeReason } from '../vocabulary';

/**
 * What outcomes heard from the other services (over Kafka) and recorded in its own log, so its
 * projections follow one log. `heardFrom` is the incoming event's id: the event ids of these
 * records are derived from it, so a re-delivered message appends nothing.
 */
export type HeardFrom = { context: 'enrolment' | 'sessions' | 'mentoring'; eventId: string; eventType: string };

export type ParticipantAdmitted = Readonly<{
  type: 'ParticipantAdmitted';
  data: {
    participantId: string;
    episodeId: string;
    admittedOn: string;
    programme: string;
    levelOfCare: string;
    referralSource: string | null;
    /** True when the participant arrived by transfer from another site. */
    transferredIn: boolean;
    heardFrom: HeardFrom;
  };
}>;

export type ParticipantLevelOfCareChanged = Readonly<{
  type: 'ParticipantLevelOfCareChanged';
  data: { participantId: string; episodeId: string; levelOfCare: string; changedOn: string; heardFrom: HeardFrom };
}>;

export type ParticipantDischarged = Readonly<{
  type: 'ParticipantDischarged';
  data: { participantId: string; episodeId: string; dischargedOn: string; reason: DischargeReason; heardFrom: HeardFrom };
}>;

export type SessionAttendanceRecorded = Readonly<{
  type: 'SessionAttendanceRecorded';
  data: {
    participantId: string;
    sessionId: string;
    groupKind: string;
    /** The session's calendar date at the site. */
    heldOn: string;
    status: AttendanceStatus;
    minutes: number;
    heardFrom: HeardFrom;
  };
}>;

/**
 * Sessions corrected one participant's attendance at a session. `revision` counts the session's
 * corrections of that entry (the original AttendanceRecorded is revision 0): the newest revision
 * wins, whatever order the corrections are heard in.
 */
export type SessionAttendanceCorrected = Readonly<{
  type: 'SessionAttendanceCorrected';
  data: {
    participantId: string;
    sessionId: string;
    groupKind: string;
    heldOn: string;
    status: AttendanceStatus;
    minutes: number;
    revision: number;
    heardFrom: HeardFrom;
  };
}>;

export type MentorMatched = Readonly<{
  type: 'MentorMatched';
  data: { participantId: string; matchId: string; mentorId: string; matchedAt: string; heardFrom: HeardFrom };
}>;

export type MentorMatchEnded = Readonly<{
  type: 'MentorMatchEnded';
  data: { participantId: string; matchId: string; mentorId: string; endedAt: string; heardFrom: HeardFrom };
}>;

export type MentorContactRecorded = Readonly<{
  type: 'MentorContactRecorded';
  data: {
    participantId: string;
    contactId: string;
    matchId: string;
    mentorId: string;
    kind: string;
    minutes: number;
    contactAt: string;
    heardFrom: HeardFrom;
  };
}>;

export type HeardEvent =
  | ParticipantAdmitted
  | ParticipantLevelOfCareChanged
  | ParticipantDischarged
  | SessionAttendanceRecorded
  | SessionAttendanceCorrected
  | MentorMatched
  | MentorMatchEnded
  | MentorContactRecorded;
