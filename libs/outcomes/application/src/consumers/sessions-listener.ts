import { Injectable } from '@nestjs/common';
import type { AttendanceCorrected, AttendanceRecorded } from '@alongside/sessions/contracts';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { HeardFactRecorder } from './heard-fact-recorder';

/** The sessions events outcomes hears: each participant's attendance at a session, and its corrections. */
export const HEARD_FROM_SESSIONS = ['AttendanceRecorded', 'AttendanceCorrected'] as const;

/** What an attendance and its correction both say, in the outcome record's words. */
const attendanceIn = ({ id, type, data }: ConsumedEvent<AttendanceRecorded | AttendanceCorrected>) => ({
  participantId: data.participantId,
  sessionId: data.sessionId,
  groupKind: data.groupKind,
  heldOn: data.localDate,
  status: data.status,
  minutes: data.minutesAttended,
  heardFrom: { context: 'sessions' as const, eventId: id, eventType: type },
});

/**
 * One attendance, or a correction of one, recorded in the participant's own outcome record. Every
 * correction heard is recorded with its revision; the read side counts only the newest.
 */
@Injectable()
export class SessionsListener {
  constructor(private readonly recorder: HeardFactRecorder) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_SESSIONS)[number], EventHandler>> = {
    AttendanceRecorded: async (event) => {
      const recorded = event as ConsumedEvent<AttendanceRecorded>;
      await this.recorder.record(
        { type: 'RecordAttendance', data: attendanceIn(recorded) },
        this.recorder.contextOf(event, 'sessions'),
      );
    },
    AttendanceCorrected: async (event) => {
      const corrected = event as ConsumedEvent<AttendanceCorrected>;
      await this.recorder.record(
        {
          type: 'RecordAttendanceCorrection',
          data: { ...attendanceIn(corrected), revision: corrected.data.revision },
        },
        this.recorder.contextOf(event, 'sessions'),
      );
    },
  };
}
