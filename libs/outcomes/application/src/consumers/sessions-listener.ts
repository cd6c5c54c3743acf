import { Injectable } from '@nestjs/common';
import type { AttendanceRecorded } from '@alongside/sessions/contracts';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { HeardFactRecorder } from './heard-fact-recorder';

/** The sessions events outcomes hears: each participant's attendance at a session. */
export const HEARD_FROM_SESSIONS = ['AttendanceRecorded'] as const;

/** One attendance, recorded in the participant's own outcome record (a corrected register is recorded again). */
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
  };
}
