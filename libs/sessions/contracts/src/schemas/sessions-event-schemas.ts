import { schemaVersions } from '../schema-versions';
import type { SessionsEventType } from '../sessions-event';
import { ATTENDANCE_STATUSES, CANCELLATION_REASONS, CORRECTION_REASONS, FACILITATOR_KINDS, GROUP_KINDS, SESSION_ORIGINS } from '../vocabulary';
import { day, eventSchema, instant, integer, listOf, nullable, object, oneOf, text, uuid, type JsonSchema } from './schema-parts';

const facilitator = object({ kind: oneOf(FACILITATOR_KINDS), id: uuid });
const clock = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' };
const schedule = object({
  slots: listOf(object({ weekday: integer(1, 7), startTime: clock, durationMinutes: integer(5, 720) })),
  startsOn: day,
  endsOn: nullable(day),
  exceptions: listOf(day),
});
const venue: JsonSchema = {
  oneOf: [object({ kind: { const: 'place' }, location: text(300) }), object({ kind: { const: 'online' }, link: { type: 'string', format: 'uri', maxLength: 500 } })],
};
const zone = text(64);

const dataOf: Record<SessionsEventType, Record<string, JsonSchema>> = {
  GroupCreated: { groupId: uuid, name: text(200), kind: oneOf(GROUP_KINDS), facilitator, capacity: integer(1, 500), venue, schedule, timeZone: zone, createdAt: instant },
  MemberEnrolled: { groupId: uuid, participantId: uuid, enrolledAt: instant },
  MemberWaitlisted: { groupId: uuid, participantId: uuid, position: integer(1), waitlistedAt: instant },
  MemberPromoted: { groupId: uuid, participantId: uuid, promotedAt: instant },
  MemberWithdrawn: { groupId: uuid, participantId: uuid, from: oneOf(['members', 'waitlist']), withdrawnAt: instant },
  SessionScheduled: {
    sessionId: uuid,
    groupId: uuid,
    groupKind: oneOf(GROUP_KINDS),
    facilitator,
    startsAt: instant,
    endsAt: instant,
    localDate: day,
    timeZone: zone,
    origin: oneOf(SESSION_ORIGINS),
    scheduledAt: instant,
  },
  SessionCancelled: { sessionId: uuid, groupId: uuid, reason: oneOf(CANCELLATION_REASONS), cancelledAt: instant },
  SessionHeld: { sessionId: uuid, groupId: uuid, startedAt: instant, endedAt: instant, topic: text(200), recordedAt: instant },
  AttendanceRecorded: {
    sessionId: uuid,
    groupId: uuid,
    groupKind: oneOf(GROUP_KINDS),
    participantId: uuid,
    status: oneOf(ATTENDANCE_STATUSES),
    minutesAttended: integer(0, 720),
    localDate: day,
    groupNoteId: nullable(uuid),
    recordedAt: instant,
  },
  AttendanceCorrected: {
    sessionId: uuid,
    groupId: uuid,
    groupKind: oneOf(GROUP_KINDS),
    participantId: uuid,
    previous: object({ status: oneOf(ATTENDANCE_STATUSES), minutesAttended: integer(0, 720) }),
    status: oneOf(ATTENDANCE_STATUSES),
    minutesAttended: integer(0, 720),
    localDate: day,
    reason: oneOf(CORRECTION_REASONS),
    revision: integer(1),
    correctedAt: instant,
  },
  UnitsCorrected: {
    participantId: uuid,
    sessionId: uuid,
    groupId: uuid,
    serviceDate: day,
    code: text(20),
    minutes: integer(0, 720),
    revision: integer(1),
    previousUnits: integer(0),
    uncappedUnits: integer(0),
    units: integer(0),
    payerRulesRef: text(100),
    correctedAt: instant,
  },
  UnitsComputed: {
    participantId: uuid,
    sessionId: uuid,
    groupId: uuid,
    serviceDate: day,
    code: text(20),
    minutes: integer(0, 720),
    uncappedUnits: integer(0),
    units: integer(0),
    payerRulesRef: text(100),
    computedAt: instant,
  },
  SiteSettingsRecorded: { siteId: text(64), timeZone: zone, payerRulesRef: text(100), revision: integer(1), sourceEventId: uuid },
  PeerCertificationRecorded: { mentorId: uuid, certificationId: uuid, credential: text(100), validFrom: instant, expiresAt: instant, sourceEventId: uuid },
  PeerCertificationExpired: { mentorId: uuid, certificationId: uuid, expiredAt: instant, sourceEventId: uuid },
};

/** One JSON Schema per event type, at its current schema version: what a consumer validates. */
export const sessionsEventSchemas: Readonly<Record<SessionsEventType, JsonSchema>> = Object.fromEntries(
  Object.entries(dataOf).map(([type, properties]) => [type, eventSchema(type, schemaVersions[type as SessionsEventType], properties)]),
) as Record<SessionsEventType, JsonSchema>;
