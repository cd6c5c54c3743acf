/**
 * What outcomes expects of the sessions service's attendance event, until `@alongside/sessions/contracts`
 * publishes it: a whole session's register in one event. Checked before handling; a message that
 * breaks it goes to the dead-letter topic. Switch to the sessions contract's schema when it lands.
 */
export const ATTENDANCE_STATUSES_HEARD = ['present', 'late', 'left-early', 'absent', 'excused'] as const;

export type AttendanceTaken = Readonly<{
  type: 'AttendanceTaken';
  data: {
    sessionId: string;
    groupId: string;
    groupKind: string;
    heldAt: string;
    attendance: { participantId: string; status: (typeof ATTENDANCE_STATUSES_HEARD)[number]; minutesAttended: number }[];
  };
}>;

export const attendanceTakenSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['type', 'data'],
  properties: {
    type: { const: 'AttendanceTaken' },
    data: {
      type: 'object',
      required: ['sessionId', 'groupKind', 'heldAt', 'attendance'],
      properties: {
        sessionId: { type: 'string', format: 'uuid' },
        groupId: { type: 'string', format: 'uuid' },
        groupKind: { type: 'string', minLength: 1, maxLength: 100 },
        heldAt: { type: 'string', format: 'date-time' },
        attendance: {
          type: 'array',
          maxItems: 500,
          items: {
            type: 'object',
            required: ['participantId', 'status', 'minutesAttended'],
            properties: {
              participantId: { type: 'string', format: 'uuid' },
              status: { enum: [...ATTENDANCE_STATUSES_HEARD] },
              minutesAttended: { type: 'integer', minimum: 0, maximum: 1440 },
            },
          },
        },
      },
    },
  },
} as const;
