import type { Decider } from '@alongside/platform/event-sourcing';
import type { AttendanceStatus, CancellationReason, CorrectionReason, Facilitator, GroupKind, SessionEvent, SessionOrigin } from '@alongside/sessions/contracts';
import { isCertifiedOn, PeerNotCertified, type FacilitatorRecord } from '../facilitator/facilitator-record';
import {
  AttendanceAlreadyRecorded,
  AttendanceNotTaken,
  HeldSessionCannotBeCancelled,
  MinutesDoNotFitStatus,
  NotInAttendance,
  NotOnRoster,
  NobodyInAttendance,
  NothingToCorrect,
  ParticipantListedTwice,
  SessionAlreadyHeld,
  SessionNotFound,
  SessionNotHeld,
  SessionTimesInvalid,
  SessionWasCancelled,
} from './session.errors';

type Planned = Readonly<{ sessionId: string; groupId: string; groupKind: GroupKind; facilitator: Facilitator; startsAt: string; endsAt: string; localDate: string }>;

export type Session =
  | Readonly<{ status: 'none' }>
  | (Planned & Readonly<{ status: 'scheduled' | 'cancelled' }>)
  | (Planned & Readonly<{ status: 'held'; heldMinutes: number; attendanceTaken: boolean; attendance: Readonly<Record<string, AttendanceOfOne>> }>);

/** One participant's entry as it stands, with how many corrections made it so. */
export type AttendanceOfOne = Readonly<{ status: AttendanceStatus; minutesAttended: number; revision: number }>;

export type ScheduleSession = Readonly<{
  type: 'ScheduleSession';
  data: Planned & {
    timeZone: string;
    origin: SessionOrigin;
    /** What sessions has heard of the facilitator's certifications; null for a facilitator who is not a peer. */
    peerRecord: FacilitatorRecord | null;
    at: string;
  };
}>;
export type CancelSession = Readonly<{ type: 'CancelSession'; data: { reason: CancellationReason; at: string } }>;
export type MarkSessionHeld = Readonly<{ type: 'MarkSessionHeld'; data: { startedAt: string; endedAt: string; topic: string; at: string } }>;
export type AttendanceEntry = Readonly<{ participantId: string; status: AttendanceStatus; minutesAttended: number }>;
export type RecordAttendance = Readonly<{
  type: 'RecordAttendance';
  data: {
    entries: readonly AttendanceEntry[];
    /** The group's members when attendance is taken. */
    roster: readonly string[];
    groupNoteId: string | null;
    at: string;
  };
}>;
export type CorrectAttendance = Readonly<{
  type: 'CorrectAttendance';
  data: AttendanceEntry & { reason: CorrectionReason; at: string };
}>;
export type SessionCommand = ScheduleSession | CancelSession | MarkSessionHeld | RecordAttendance | CorrectAttendance;

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

const schedule = ({ data }: ScheduleSession, session: Session): SessionEvent[] => {
  // Materialising a schedule again names the same sessions: what exists is left as it is.
  if (session.status !== 'none') return [];
  if (minutesBetween(data.startsAt, data.endsAt) <= 0) throw new SessionTimesInvalid('it ends before it starts');
  if (data.facilitator.kind === 'peer' && (data.peerRecord === null || !isCertifiedOn(data.peerRecord, data.startsAt))) {
    throw new PeerNotCertified(data.facilitator.id, data.startsAt);
  }
  const { peerRecord: _, at, ...planned } = data;
  return [{ type: 'SessionScheduled', data: { ...planned, scheduledAt: at } }];
};

const cancel = ({ data }: CancelSession, session: Exclude<Session, { status: 'none' }>): SessionEvent[] => {
  if (session.status === 'cancelled') return [];
  if (session.status === 'held') throw new HeldSessionCannotBeCancelled();
  return [{ type: 'SessionCancelled', data: { sessionId: session.sessionId, groupId: session.groupId, reason: data.reason, cancelledAt: data.at } }];
};

const markHeld = ({ data }: MarkSessionHeld, session: Exclude<Session, { status: 'none' }>): SessionEvent[] => {
  if (session.status === 'cancelled') throw new SessionWasCancelled();
  if (session.status === 'held') throw new SessionAlreadyHeld();
  if (minutesBetween(data.startedAt, data.endedAt) <= 0) throw new SessionTimesInvalid('it ended before it started');
  if (Date.parse(data.endedAt) > Date.parse(data.at)) throw new SessionTimesInvalid('it cannot be recorded as held before it has ended');
  return [{ type: 'SessionHeld', data: { sessionId: session.sessionId, groupId: session.groupId, startedAt: data.startedAt, endedAt: data.endedAt, topic: data.topic, recordedAt: data.at } }];
};

const checkEntry = (entry: AttendanceEntry, sessionMinutes: number): void => {
  const away = entry.status === 'absent' || entry.status === 'excused';
  const fits = away ? entry.minutesAttended === 0 : entry.minutesAttended >= 1 && entry.minutesAttended <= sessionMinutes;
  if (!fits) throw new MinutesDoNotFitStatus(entry.status, entry.minutesAttended, sessionMinutes);
};

const attend = ({ data }: RecordAttendance, session: Exclude<Session, { status: 'none' }>): SessionEvent[] => {
  if (session.status === 'cancelled') throw new SessionWasCancelled();
  if (session.status !== 'held') throw new SessionNotHeld();
  if (session.attendanceTaken) throw new AttendanceAlreadyRecorded();
  if (data.entries.length === 0) throw new NobodyInAttendance();
  const seen = new Set<string>();
  for (const entry of data.entries) {
    if (seen.has(entry.participantId)) throw new ParticipantListedTwice(entry.participantId);
    seen.add(entry.participantId);
    if (!data.roster.includes(entry.participantId)) throw new NotOnRoster(entry.participantId);
    checkEntry(entry, session.heldMinutes);
  }
  return data.entries.map((entry) => ({
    type: 'AttendanceRecorded',
    data: {
      sessionId: session.sessionId,
      groupId: session.groupId,
      groupKind: session.groupKind,
      participantId: entry.participantId,
      status: entry.status,
      minutesAttended: entry.minutesAttended,
      localDate: session.localDate,
      groupNoteId: data.groupNoteId,
      recordedAt: data.at,
    },
  }));
};

// A correction is a new fact beside the entry it corrects, never an overwrite of it.
const correct = ({ data }: CorrectAttendance, session: Exclude<Session, { status: 'none' }>): SessionEvent[] => {
  if (session.status === 'cancelled') throw new SessionWasCancelled();
  if (session.status !== 'held') throw new SessionNotHeld();
  if (!session.attendanceTaken) throw new AttendanceNotTaken();
  const entry = session.attendance[data.participantId];
  if (entry === undefined) throw new NotInAttendance(data.participantId);
  if (entry.status === data.status && entry.minutesAttended === data.minutesAttended) throw new NothingToCorrect();
  checkEntry(data, session.heldMinutes);
  return [
    {
      type: 'AttendanceCorrected',
      data: {
        sessionId: session.sessionId,
        groupId: session.groupId,
        groupKind: session.groupKind,
        participantId: data.participantId,
        previous: { status: entry.status, minutesAttended: entry.minutesAttended },
        status: data.status,
        minutesAttended: data.minutesAttended,
        localDate: session.localDate,
        reason: data.reason,
        revision: entry.revision + 1,
        correctedAt: data.at,
      },
    },
  ];
};

export const sessionDecider: Decider<SessionCommand, SessionEvent, Session> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, session) => {
    if (command.type === 'ScheduleSession') return schedule(command, session);
    if (session.status === 'none') throw new SessionNotFound();
    switch (command.type) {
      case 'CancelSession':
        return cancel(command, session);
      case 'MarkSessionHeld':
        return markHeld(command, session);
      case 'RecordAttendance':
        return attend(command, session);
      case 'CorrectAttendance':
        return correct(command, session);
    }
  },
  evolve: (session, event) => {
    switch (event.type) {
      case 'SessionScheduled': {
        const { sessionId, groupId, groupKind, facilitator, startsAt, endsAt, localDate } = event.data;
        return { status: 'scheduled', sessionId, groupId, groupKind, facilitator, startsAt, endsAt, localDate };
      }
      case 'SessionCancelled':
        return session.status === 'none' ? session : { ...session, status: 'cancelled' };
      case 'SessionHeld':
        return session.status === 'none' ? session : { ...session, status: 'held', heldMinutes: minutesBetween(event.data.startedAt, event.data.endedAt), attendanceTaken: false, attendance: {} };
      case 'AttendanceRecorded':
      case 'AttendanceCorrected': {
        if (session.status !== 'held') return session;
        const { participantId, status, minutesAttended } = event.data;
        const revision = event.type === 'AttendanceCorrected' ? event.data.revision : 0;
        return { ...session, attendanceTaken: true, attendance: { ...session.attendance, [participantId]: { status, minutesAttended, revision } } };
      }
    }
  },
};
