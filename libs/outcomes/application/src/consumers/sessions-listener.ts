import { Injectable } from '@nestjs/common';
import type { AttendanceCorrected, AttendanceRecorded } from '@alongside/sessions/contracts';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { HeardFactRecorder } from './heard-fact-recorder';

/** The sessions events outcomes hears: each participant's attendance at a session, and its corrections. */
export const HEARD_FROM_SESSIONS = ['AttendanceRecorded', 'AttendanceCorrected'] as const;

/**
 * One attendance, or a correction of one, recorded in the participant's own outcome record. Every
 * correction heard is recorded with its revision; the read side counts only the newest.
 */
@Injectable()
export class SessionsListener {
  constructor(private readonly recorder: HeardFactRecorder) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_SESSIONS)[number], EventHandler>> = {
    AttendanceRecorded: async (event) => {
      const { data } = event as ConsumedEvent<AttendanceRecorded>;
      await this.recorder.record(
        {
          type: 'RecordAttendance',
          data: {
            participantId: data.participantId,
            sessionId: data.sessionId,
            groupKind: data.groupKind,
            heldOn: data.localDate,
            status: data.status,
            minutes: data.minutesAttended,
            heardFrom: { context: 'sessions', eventId: event.id, eventType: event.type },
          },
        },
        this.recorder.contextOf(event, 'sessions'),
      );
    },
    AttendanceCorrected: async (event) => {
      const { data } = event as ConsumedEvent<AttendanceCorrected>;
      await this.recorder.record(
        {
          type: 'RecordAttendanceCorrection',
          data: {
            participantId: data.participantId,
            sessionId: data.sessionId,
            groupKind: data.groupKind,
            heldOn: data.localDate,
            status: data.status,
            minutes: data.minutesAttended,
            revision: data.revision,
            heardFrom: { context: 'sessions', eventId: event.id, eventType: event.type },
          },
        },
        this.recorder.contextOf(event, 'sessions'),
      );
    },
  };
}
