import type { CheckInEvent, UsedToday } from '@alongside/outcomes/contracts';
import type { Decider } from '@alongside/platform/event-sourcing';
import { isAfterNow } from '../sobriety/calendar-days';
import { CheckInInTheFuture, CheckInOutOfRange } from './check-in-log.errors';

/** `now` is the server's instant and `today` is `checkedInAt`'s day in the site's calendar: both from the caller. */
export type RecordCheckIn = Readonly<{
  type: 'RecordCheckIn';
  data: {
    now: string;
    checkInId: string;
    participantId: string;
    checkedInAt: string;
    checkedInOn: string;
    mood: number;
    craving: number;
    usedToday: UsedToday;
    hasNote: boolean;
    noteShared: boolean;
  };
}>;

export type RequestMentorContact = Readonly<{
  type: 'RequestMentorContact';
  data: { now: string; requestId: string; participantId: string };
}>;

export type CheckInLogCommand = RecordCheckIn | RequestMentorContact;

export type CheckInLog = Readonly<{ checkIns: ReadonlySet<string>; requests: ReadonlySet<string> }>;

export const initialCheckInLog = (): CheckInLog => ({ checkIns: new Set(), requests: new Set() });

const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

export const decideCheckIn = (command: CheckInLogCommand, log: CheckInLog): CheckInEvent[] => {
  switch (command.type) {
    case 'RecordCheckIn': {
      const { now, ...data } = command.data;
      // The phone chose the id: a check-in queued offline and sent twice is the same check-in.
      if (log.checkIns.has(data.checkInId)) return [];
      if (!whole(data.mood, 1, 5)) throw new CheckInOutOfRange('mood', 'from 1 to 5');
      if (!whole(data.craving, 0, 10)) throw new CheckInOutOfRange('craving', 'from 0 to 10');
      if (isAfterNow(data.checkedInAt, now)) throw new CheckInInTheFuture(data.checkedInAt);
      return [{ type: 'CheckInRecorded', data: { ...data, noteShared: data.hasNote && data.noteShared } }];
    }
    case 'RequestMentorContact': {
      const { requestId, participantId, now } = command.data;
      if (log.requests.has(requestId)) return [];
      return [{ type: 'MentorContactRequested', data: { requestId, participantId, requestedAt: now } }];
    }
  }
};

export const evolveCheckIn = (log: CheckInLog, event: CheckInEvent): CheckInLog => {
  switch (event.type) {
    case 'CheckInRecorded':
      return { ...log, checkIns: new Set([...log.checkIns, event.data.checkInId]) };
    case 'MentorContactRequested':
      return { ...log, requests: new Set([...log.requests, event.data.requestId]) };
  }
};

/** One participant's companion log at one site: check-ins and requests for contact. */
export const checkInLogDecider: Decider<CheckInLogCommand, CheckInEvent, CheckInLog> = {
  decide: decideCheckIn,
  evolve: evolveCheckIn,
  initialState: initialCheckInLog,
};
