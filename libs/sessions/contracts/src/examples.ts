import type { SessionsEvent, SessionsEventOf, SessionsEventType } from './sessions-event';

const group = '0e5b8c1a-2f3d-4a6b-9c7d-8e9f0a1b2c3d';
const session = '1f6c9d2b-3a4e-4b7c-8d9e-9f0a1b2c3d4e';
const participant = '2a7d0e3c-4b5f-4c8d-9e0f-0a1b2c3d4e5f';
const mentor = '3b8e1f4d-5c6a-4d9e-8f1a-1b2c3d4e5f6a';
const certification = '4c9f2a5e-6d7b-4e0f-9a2b-2c3d4e5f6a7b';
const source = '5d0a3b6f-7e8c-4f1a-8b3c-3d4e5f6a7b8c';

/** One valid example per event type, for consumers' tests and the contract test. */
export const sessionsEventExamples: { [T in SessionsEventType]: SessionsEventOf<T> } = {
  GroupCreated: {
    type: 'GroupCreated',
    data: {
      groupId: group,
      name: 'Tuesday evening peer support',
      kind: 'peer-support',
      facilitator: { kind: 'peer', id: mentor },
      capacity: 12,
      venue: { kind: 'place', location: 'Room 2, Riverside centre' },
      schedule: { slots: [{ weekday: 2, startTime: '18:00', durationMinutes: 90 }], startsOn: '2025-03-04', endsOn: null, exceptions: ['2025-12-23'] },
      timeZone: 'Europe/London',
      createdAt: '2025-03-01T10:00:00Z',
    },
  },
  MemberEnrolled: { type: 'MemberEnrolled', data: { groupId: group, participantId: participant, enrolledAt: '2025-03-02T10:00:00Z' } },
  MemberWaitlisted: { type: 'MemberWaitlisted', data: { groupId: group, participantId: participant, position: 1, waitlistedAt: '2025-03-02T10:00:00Z' } },
  MemberPromoted: { type: 'MemberPromoted', data: { groupId: group, participantId: participant, promotedAt: '2025-03-09T10:00:00Z' } },
  MemberWithdrawn: { type: 'MemberWithdrawn', data: { groupId: group, participantId: participant, from: 'members', withdrawnAt: '2025-04-01T10:00:00Z' } },
  SessionScheduled: {
    type: 'SessionScheduled',
    data: {
      sessionId: session,
      groupId: group,
      groupKind: 'peer-support',
      facilitator: { kind: 'peer', id: mentor },
      startsAt: '2025-04-01T18:00:00+01:00',
      endsAt: '2025-04-01T19:30:00+01:00',
      localDate: '2025-04-01',
      timeZone: 'Europe/London',
      origin: 'schedule',
      scheduledAt: '2025-03-01T10:00:00Z',
    },
  },
  SessionCancelled: { type: 'SessionCancelled', data: { sessionId: session, groupId: group, reason: 'holiday', cancelledAt: '2025-03-20T10:00:00Z' } },
  SessionHeld: {
    type: 'SessionHeld',
    data: { sessionId: session, groupId: group, startedAt: '2025-04-01T18:02:00+01:00', endedAt: '2025-04-01T19:30:00+01:00', topic: 'Coping with cravings', recordedAt: '2025-04-01T19:40:00+01:00' },
  },
  AttendanceRecorded: {
    type: 'AttendanceRecorded',
    data: { sessionId: session, groupId: group, groupKind: 'peer-support', participantId: participant, status: 'late', minutesAttended: 70, localDate: '2025-04-01', groupNoteId: source, recordedAt: '2025-04-01T19:45:00+01:00' },
  },
  AttendanceCorrected: {
    type: 'AttendanceCorrected',
    data: {
      sessionId: session,
      groupId: group,
      groupKind: 'peer-support',
      participantId: participant,
      previous: { status: 'late', minutesAttended: 70 },
      status: 'left-early',
      minutesAttended: 40,
      localDate: '2025-04-01',
      reason: 'early-departure-missed',
      revision: 1,
      correctedAt: '2025-04-02T09:10:00+01:00',
    },
  },
  UnitsCorrected: {
    type: 'UnitsCorrected',
    data: { participantId: participant, sessionId: session, groupId: group, serviceDate: '2025-04-01', code: 'H0038', minutes: 40, revision: 1, previousUnits: 5, uncappedUnits: 3, units: 3, payerRulesRef: 'standard@1', correctedAt: '2025-04-02T09:10:00+01:00' },
  },
  UnitsComputed: {
    type: 'UnitsComputed',
    data: { participantId: participant, sessionId: session, groupId: group, serviceDate: '2025-04-01', code: 'H0038', minutes: 70, uncappedUnits: 5, units: 5, payerRulesRef: 'standard@1', computedAt: '2025-04-01T19:45:00+01:00' },
  },
  SiteSettingsRecorded: { type: 'SiteSettingsRecorded', data: { siteId: 'north', timeZone: 'America/Chicago', payerRulesRef: 'standard@1', revision: 1, sourceEventId: source } },
  PeerCertificationRecorded: {
    type: 'PeerCertificationRecorded',
    data: { mentorId: mentor, certificationId: certification, credential: 'CPRS', validFrom: '2025-02-01T00:00:00Z', expiresAt: '2027-02-01T00:00:00Z', sourceEventId: source },
  },
  PeerCertificationExpired: { type: 'PeerCertificationExpired', data: { mentorId: mentor, certificationId: certification, expiredAt: '2027-02-01T00:00:00Z', sourceEventId: source } },
};

export const allSessionsEventExamples = (): SessionsEvent[] => Object.values(sessionsEventExamples);
