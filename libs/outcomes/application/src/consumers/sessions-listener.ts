import { Injectable } from '@nestjs/common';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { HeardFactRecorder } from './heard-fact-recorder';
import type { AttendanceTaken } from './sessions-attendance.schema';

export const HEARD_FROM_SESSIONS = ['AttendanceTaken'] as const;

/** A session's register: one record per participant, each in their own outcome record. */
@Injectable()
export class SessionsListener {
  constructor(private readonly recorder: HeardFactRecorder) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_SESSIONS)[number], EventHandler>> = {
    AttendanceTaken: async (event) => {
      const { data } = event as ConsumedEvent<AttendanceTaken>;
      for (const entry of data.attendance) {
        await this.recorder.record(
          {
            type: 'RecordAttendance',
            data: {
              participantId: entry.participantId,
              sessionId: data.sessionId,
              groupKind: data.groupKind,
              heldAt: data.heldAt,
              status: entry.status,
              minutes: entry.minutesAttended,
              heardFrom: { context: 'sessions', eventId: event.id, eventType: event.type },
            },
          },
          this.recorder.contextOf(event, 'sessions', entry.participantId),
        );
      }
    },
  };
}
