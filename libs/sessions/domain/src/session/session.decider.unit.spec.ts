import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import type { SessionEvent } from '@alongside/sessions/contracts';
import { PeerNotCertified } from '../facilitator/facilitator-record';
import { sessionDecider, type AttendanceEntry, type CorrectAttendance, type ScheduleSession } from './session.decider';
import {
  AttendanceAlreadyRecorded,
  AttendanceNotTaken,
  HeldSessionCannotBeCancelled,
  MinutesDoNotFitStatus,
  NobodyInAttendance,
  NotInAttendance,
  NothingToCorrect,
  NotOnRoster,
  ParticipantListedTwice,
  SessionAlreadyHeld,
  SessionNotFound,
  SessionNotHeld,
  SessionTimesInvalid,
  SessionWasCancelled,
} from './session.errors';

const given = DeciderSpecification.for(sessionDecider);
const sessionId = '1f6c9d2b-3a4e-4b7c-8d9e-9f0a1b2c3d4e';
const groupId = '0e5b8c1a-2f3d-4a6b-9c7d-8e9f0a1b2c3d';
const peer = { kind: 'peer' as const, id: '3b8e1f4d-5c6a-4d9e-8f1a-1b2c3d4e5f6a' };
const p = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const certified = { certifications: [{ certificationId: 'c', validFrom: '2025-01-01T00:00:00Z', expiresAt: '2025-06-01T00:00:00Z', expired: false }] };

const planned = { sessionId, groupId, groupKind: 'peer-support' as const, facilitator: peer, startsAt: '2025-04-01T18:00:00+01:00', endsAt: '2025-04-01T19:30:00+01:00', localDate: '2025-04-01' };
const schedule = (change: Partial<ScheduleSession['data']> = {}): ScheduleSession => ({
  type: 'ScheduleSession',
  data: { ...planned, timeZone: 'Europe/London', origin: 'schedule', peerRecord: certified, at: '2025-03-01T10:00:00Z', ...change },
});
const scheduled: SessionEvent = { type: 'SessionScheduled', data: { ...planned, timeZone: 'Europe/London', origin: 'schedule', scheduledAt: '2025-03-01T10:00:00Z' } };
const held: SessionEvent = {
  type: 'SessionHeld',
  data: { sessionId, groupId, startedAt: '2025-04-01T18:00:00+01:00', endedAt: '2025-04-01T19:30:00+01:00', topic: 'Cravings', recordedAt: '2025-04-01T20:00:00+01:00' },
};
const cancelled: SessionEvent = { type: 'SessionCancelled', data: { sessionId, groupId, reason: 'holiday', cancelledAt: '2025-03-20T10:00:00Z' } };
const markHeld = (change: Partial<{ startedAt: string; endedAt: string; at: string }> = {}) => ({
  type: 'MarkSessionHeld' as const,
  data: { startedAt: '2025-04-01T18:00:00+01:00', endedAt: '2025-04-01T19:30:00+01:00', topic: 'Cravings', at: '2025-04-01T20:00:00+01:00', ...change },
});
const attendance = (entries: AttendanceEntry[], roster = [p(1), p(2), p(3)]) => ({
  type: 'RecordAttendance' as const,
  data: { entries, roster, groupNoteId: '5d0a3b6f-7e8c-4f1a-8b3c-3d4e5f6a7b8c', at: '2025-04-01T20:05:00+01:00' },
});

describe('Session', () => {
  describe('when scheduled', () => {
    it('schedules a peer-led session whose facilitator is certified on its date', () => given([]).when(schedule()).then([scheduled]));
    it('refuses a peer-led session after the certification has expired', () =>
      given([]).when(schedule({ startsAt: '2025-06-03T18:00:00+01:00', endsAt: '2025-06-03T19:30:00+01:00', localDate: '2025-06-03' })).thenThrows(PeerNotCertified));
    it('refuses a peer-led session when nothing is known of the peer', () =>
      given([]).when(schedule({ peerRecord: { certifications: [] } })).thenThrows(PeerNotCertified));
    it('schedules a clinician-led session without asking for a peer certification', () =>
      expect(given([]).when(schedule({ facilitator: { kind: 'clinician', id: peer.id }, groupKind: 'group-therapy', peerRecord: null })).events()).toHaveLength(1));
    it('refuses a session that ends before it starts', () => given([]).when(schedule({ endsAt: '2025-04-01T17:00:00+01:00' })).thenThrows(SessionTimesInvalid));
    it('records nothing when the same session is scheduled again', () => given([scheduled]).when(schedule()).then([]));
  });

  describe('when cancelled', () => {
    it('records the reason', () => given([scheduled]).when({ type: 'CancelSession', data: { reason: 'holiday', at: '2025-03-20T10:00:00Z' } }).then([cancelled]));
    it('refuses to cancel a session that was held', () =>
      given([scheduled, held]).when({ type: 'CancelSession', data: { reason: 'holiday', at: '2025-04-02T10:00:00Z' } }).thenThrows(HeldSessionCannotBeCancelled));
    it('refuses a session that does not exist', () =>
      given([]).when({ type: 'CancelSession', data: { reason: 'holiday', at: '2025-03-20T10:00:00Z' } }).thenThrows(SessionNotFound));
  });

  describe('when held', () => {
    it('records start, end and topic', () => given([scheduled]).when(markHeld()).then([held]));
    it('refuses a cancelled session', () => given([scheduled, cancelled]).when(markHeld()).thenThrows(SessionWasCancelled));
    it('refuses to record it twice', () => given([scheduled, held]).when(markHeld()).thenThrows(SessionAlreadyHeld));
    it('refuses an end before the start', () => given([scheduled]).when(markHeld({ endedAt: '2025-04-01T17:00:00+01:00' })).thenThrows(SessionTimesInvalid));
    it('refuses a session that has not ended yet', () => given([scheduled]).when(markHeld({ at: '2025-04-01T18:30:00+01:00' })).thenThrows(SessionTimesInvalid));
  });

  describe('attendance', () => {
    const everyone: AttendanceEntry[] = [
      { participantId: p(1), status: 'present', minutesAttended: 90 },
      { participantId: p(2), status: 'late', minutesAttended: 70 },
      { participantId: p(3), status: 'excused', minutesAttended: 0 },
    ];

    it('records the whole session in one command, one event per participant, each linked to the one group note', () => {
      const events = given([scheduled, held]).when(attendance(everyone)).events();
      expect(events.map((e) => e.type)).toEqual(['AttendanceRecorded', 'AttendanceRecorded', 'AttendanceRecorded']);
      expect(events.map((e) => (e.data as { groupNoteId: string }).groupNoteId)).toEqual(Array(3).fill('5d0a3b6f-7e8c-4f1a-8b3c-3d4e5f6a7b8c'));
      expect(events[1].data).toMatchObject({ participantId: p(2), status: 'late', minutesAttended: 70, localDate: '2025-04-01', groupKind: 'peer-support' });
    });
    it('refuses attendance for a session not held', () => given([scheduled]).when(attendance(everyone)).thenThrows(SessionNotHeld));
    it('refuses attendance for a cancelled session', () => given([scheduled, cancelled]).when(attendance(everyone)).thenThrows(SessionWasCancelled));
    it('refuses a second attendance for the same session', () => {
      const first = given([scheduled, held]).when(attendance(everyone)).events();
      given([scheduled, held, ...first]).when(attendance(everyone)).thenThrows(AttendanceAlreadyRecorded);
    });
    it('refuses a participant listed twice', () =>
      given([scheduled, held]).when(attendance([everyone[0], { ...everyone[0], status: 'late', minutesAttended: 10 }])).thenThrows(ParticipantListedTwice));
    it('refuses someone who is not a member of the group', () =>
      given([scheduled, held]).when(attendance([{ participantId: p(9), status: 'present', minutesAttended: 90 }])).thenThrows(NotOnRoster));
    it('refuses more minutes than the session lasted', () =>
      given([scheduled, held]).when(attendance([{ participantId: p(1), status: 'present', minutesAttended: 91 }])).thenThrows(MinutesDoNotFitStatus));
    it('refuses minutes for someone absent', () =>
      given([scheduled, held]).when(attendance([{ participantId: p(1), status: 'absent', minutesAttended: 5 }])).thenThrows(MinutesDoNotFitStatus));
    it('refuses no minutes for someone who left early', () =>
      given([scheduled, held]).when(attendance([{ participantId: p(1), status: 'left-early', minutesAttended: 0 }])).thenThrows(MinutesDoNotFitStatus));
    it('refuses an empty attendance', () => given([scheduled, held]).when(attendance([])).thenThrows(NobodyInAttendance));
  });

  describe('an attendance correction', () => {
    const everyone: AttendanceEntry[] = [
      { participantId: p(1), status: 'present', minutesAttended: 90 },
      { participantId: p(2), status: 'late', minutesAttended: 70 },
    ];
    const taken = () => [scheduled, held, ...given([scheduled, held]).when(attendance(everyone)).events()];
    const correct = (entry: AttendanceEntry, reason: CorrectAttendance['data']['reason'] = 'early-departure-missed'): CorrectAttendance => ({
      type: 'CorrectAttendance',
      data: { ...entry, reason, at: '2025-04-02T09:00:00+01:00' },
    });

    it('is a new event beside the entry, naming what it said, the reason and the revision', () =>
      given(taken()).when(correct({ participantId: p(2), status: 'left-early', minutesAttended: 40 })).then([
        {
          type: 'AttendanceCorrected',
          data: {
            sessionId,
            groupId,
            groupKind: 'peer-support',
            participantId: p(2),
            previous: { status: 'late', minutesAttended: 70 },
            status: 'left-early',
            minutesAttended: 40,
            localDate: '2025-04-01',
            reason: 'early-departure-missed',
            revision: 1,
            correctedAt: '2025-04-02T09:00:00+01:00',
          },
        },
      ]));

    it('corrects the corrected entry, counting revisions', () => {
      const first = given(taken()).when(correct({ participantId: p(1), status: 'absent', minutesAttended: 0 }, 'marked-present-in-error')).events();
      const second = given([...taken(), ...first]).when(correct({ participantId: p(1), status: 'late', minutesAttended: 30 }, 'marked-absent-in-error')).events();
      expect(second[0].data).toMatchObject({ previous: { status: 'absent', minutesAttended: 0 }, status: 'late', minutesAttended: 30, revision: 2 });
    });

    it('refuses a correction that changes nothing', () => given(taken()).when(correct(everyone[0], 'minutes-mistyped')).thenThrows(NothingToCorrect));
    it('refuses someone who is not in the attendance', () => given(taken()).when(correct({ participantId: p(3), status: 'present', minutesAttended: 10 })).thenThrows(NotInAttendance));
    it('refuses before the attendance is taken', () => given([scheduled, held]).when(correct(everyone[0])).thenThrows(AttendanceNotTaken));
    it('refuses for a session not held', () => given([scheduled]).when(correct(everyone[0])).thenThrows(SessionNotHeld));
    it('refuses for a cancelled session', () => given([scheduled, cancelled]).when(correct(everyone[0])).thenThrows(SessionWasCancelled));
    it('refuses minutes that do not fit the corrected status', () => {
      given(taken()).when(correct({ participantId: p(1), status: 'excused', minutesAttended: 20 })).thenThrows(MinutesDoNotFitStatus);
      given(taken()).when(correct({ participantId: p(1), status: 'present', minutesAttended: 91 })).thenThrows(MinutesDoNotFitStatus);
    });
  });
});
