import type { Decider } from '@alongside/platform/event-sourcing';
import type { MatchEndReason, MatchEvent } from '@alongside/mentoring/contracts';
import { billableUnitsOf } from '../contact/peer-support-billing';
import { DateInTheFuture } from '../date-in-the-future.error';
import { isAtOrBefore, isBefore, plusDays } from '../instant';
import { ineligibilityOf } from '../matching/mentor-eligibility';
import { MentorNotFound } from '../mentor/mentor.errors';
import type { MatchCommand, MentorStanding } from './match.commands';
import {
  CaseloadFull,
  CheckInAlreadyClosed,
  CheckInBeforeDischarge,
  CheckInNotScheduled,
  ContactAlreadyLogged,
  ContactBeforeMatch,
  ContactInTheFuture,
  EndReasonNotApplicable,
  MatchAlreadyEnded,
  MatchAlreadyExists,
  MatchNotAwaitingAcceptance,
  MatchNotFound,
  MatchNotOpen,
  MentorCertificationLapsed,
  NoPeerContactConsent,
  NotInAftercare,
  NotThisParticipantsMentor,
  ParticipantAlreadyMatched,
} from './match.errors';
import type { CheckIn, ExistingMatch, Match } from './match.state';

export const initialState = (): Match => ({ status: 'none' });

const existing = (match: Match): ExistingMatch => {
  if (match.status === 'none') throw new MatchNotFound();
  return match;
};

const open = (match: Match): ExistingMatch => {
  const m = existing(match);
  if (m.status !== 'active' && m.status !== 'aftercare') throw new MatchNotOpen();
  return m;
};

const assertOwnMentor = (match: ExistingMatch, byMentorId: string | null) => {
  if (byMentorId !== null && byMentorId !== match.mentorId) throw new NotThisParticipantsMentor();
};

const assertMayMentor = (mentor: MentorStanding | null, at: string, countCaseload: boolean): MentorStanding => {
  if (!mentor) throw new MentorNotFound();
  const reasons = ineligibilityOf(mentor, at);
  if (reasons.includes('certification-lapsed')) throw new MentorCertificationLapsed();
  if (countCaseload && reasons.includes('caseload-full')) throw new CaseloadFull(mentor.maxCaseload);
  return mentor;
};

/** Which reasons fit which stage: a proposal is withdrawn, aftercare is declined or completed. */
const REASON_NEEDS: Partial<Record<MatchEndReason, ExistingMatch['status']>> = {
  'proposal-withdrawn': 'proposed',
  'aftercare-declined': 'aftercare',
  'aftercare-completed': 'aftercare',
};

const parties = (m: ExistingMatch) => ({ matchId: m.matchId, mentorId: m.mentorId, participantId: m.participantId });

const isClosed = (c: CheckIn) => c.status === 'held' || c.status === 'missed';

/** Once every check-in is held or missed, aftercare is complete and the match ends by itself. */
const completionOf = (match: Match, events: MatchEvent[], at: string): MatchEvent[] => {
  const after = events.reduce(evolve, match);
  if (after.status !== 'aftercare' || !after.checkIns.every(isClosed)) return [];
  return [{ type: 'MatchEnded', data: { ...parties(after), reason: 'aftercare-completed', endedFrom: 'aftercare', endedAt: at } }];
};

export const decide = (command: MatchCommand, match: Match): MatchEvent[] => {
  switch (command.type) {
    case 'ProposeMatch': {
      const { matchId, participantId, mentor, consent, openMatchId, proposedBy, at } = command.data;
      if (match.status !== 'none') throw new MatchAlreadyExists(matchId);
      const { mentorId } = assertMayMentor(mentor, at, true);
      if (!consent) throw new NoPeerContactConsent();
      if (openMatchId !== null) throw new ParticipantAlreadyMatched();
      return [
        { type: 'MatchProposed', data: { matchId, mentorId, participantId, consentId: consent.consentId, proposedBy, proposedAt: at } },
      ];
    }
    case 'AcceptMatch': {
      const m = existing(match);
      if (m.status !== 'proposed') throw new MatchNotAwaitingAcceptance();
      // The proposal already holds a place in the caseload; certification and consent may have changed since.
      assertMayMentor(command.data.mentor, command.data.at, false);
      if (!command.data.consent) throw new NoPeerContactConsent();
      return [{ type: 'MatchAccepted', data: { ...parties(m), acceptedAt: command.data.at } }];
    }
    case 'EndMatch': {
      const { reason, at } = command.data;
      const m = existing(match);
      if (m.status === 'ended') throw new MatchAlreadyEnded();
      const needs = REASON_NEEDS[reason];
      if (needs && needs !== m.status) throw new EndReasonNotApplicable(reason, m.status);
      return [{ type: 'MatchEnded', data: { ...parties(m), reason, endedFrom: m.status, endedAt: at } }];
    }
    case 'StartAftercare': {
      // A reaction to a discharge heard from enrolment: only an accepted match moves into aftercare.
      if (match.status !== 'active') return [];
      const { dischargedAt, policy, at } = command.data;
      const days = [...new Set(policy.aftercareCheckInDays)].sort((a, b) => a - b);
      return [
        {
          type: 'AftercareStarted',
          data: {
            ...parties(match),
            dischargedAt,
            checkIns: days.map((day) => ({ day, dueAt: plusDays(dischargedAt, day) })),
            missedAfterDays: policy.checkInMissedAfterDays,
            startedAt: at,
          },
        },
      ];
    }
    case 'SweepAftercare': {
      if (match.status !== 'aftercare') return [];
      const { now } = command.data;
      const events: MatchEvent[] = [];
      for (const checkIn of match.checkIns) {
        if (isClosed(checkIn) || isBefore(now, checkIn.dueAt)) continue;
        const { day, dueAt } = checkIn;
        if (checkIn.status === 'scheduled') events.push({ type: 'AftercareCheckInDue', data: { ...parties(match), day, dueAt } });
        const missedAt = plusDays(dueAt, match.missedAfterDays);
        if (isAtOrBefore(missedAt, now)) {
          events.push({ type: 'AftercareCheckInMissed', data: { ...parties(match), day, dueAt, missedAt } });
        }
      }
      return [...events, ...completionOf(match, events, now)];
    }
    case 'RecordAftercareCheckIn': {
      const { day, heldAt, contactId, byMentorId, at } = command.data;
      const m = existing(match);
      if (m.status !== 'aftercare') throw new NotInAftercare();
      assertOwnMentor(m, byMentorId);
      const checkIn = m.checkIns.find((c) => c.day === day);
      if (!checkIn) throw new CheckInNotScheduled(day);
      if (isClosed(checkIn)) throw new CheckInAlreadyClosed(day, checkIn.status);
      if (isBefore(at, heldAt)) throw new DateInTheFuture('An aftercare check-in');
      if (m.dischargedAt && isBefore(heldAt, m.dischargedAt)) throw new CheckInBeforeDischarge();
      const events: MatchEvent[] = [
        { type: 'AftercareCheckInHeld', data: { ...parties(m), day, dueAt: checkIn.dueAt, heldAt, contactId } },
      ];
      return [...events, ...completionOf(m, events, at)];
    }
    case 'LogContact': {
      const { contactId, kind, minutes, contactAt, hasNote, byMentorId, billing, at } = command.data;
      const m = open(match);
      assertOwnMentor(m, byMentorId);
      if (m.contacts.includes(contactId)) throw new ContactAlreadyLogged(contactId);
      if (isBefore(at, contactAt)) throw new ContactInTheFuture();
      if (m.acceptedAt && isBefore(contactAt, m.acceptedAt)) throw new ContactBeforeMatch();
      return [
        {
          type: 'ContactLogged',
          data: { contactId, ...parties(m), kind, minutes, contactAt, billing: billableUnitsOf(kind, minutes, billing), hasNote },
        },
      ];
    }
  }
};

const withCheckIn = (match: ExistingMatch, day: number, status: CheckIn['status']): ExistingMatch => ({
  ...match,
  checkIns: match.checkIns.map((c) => (c.day === day ? { ...c, status } : c)),
});

export const evolve = (match: Match, event: MatchEvent): Match => {
  if (event.type === 'MatchProposed') {
    const { matchId, mentorId, participantId } = event.data;
    return {
      status: 'proposed',
      matchId,
      mentorId,
      participantId,
      acceptedAt: null,
      dischargedAt: null,
      checkIns: [],
      missedAfterDays: 0,
      contacts: [],
    };
  }
  if (match.status === 'none') return match;
  switch (event.type) {
    case 'MatchAccepted':
      return { ...match, status: 'active', acceptedAt: event.data.acceptedAt };
    case 'MatchEnded':
      return { ...match, status: 'ended' };
    case 'AftercareStarted':
      return {
        ...match,
        status: 'aftercare',
        dischargedAt: event.data.dischargedAt,
        checkIns: event.data.checkIns.map(({ day, dueAt }) => ({ day, dueAt, status: 'scheduled' })),
        missedAfterDays: event.data.missedAfterDays,
      };
    case 'AftercareCheckInDue':
      return withCheckIn(match, event.data.day, 'due');
    case 'AftercareCheckInHeld':
      return withCheckIn(match, event.data.day, 'held');
    case 'AftercareCheckInMissed':
      return withCheckIn(match, event.data.day, 'missed');
    case 'ContactLogged':
      return { ...match, contacts: [...match.contacts, event.data.contactId] };
  }
};

export const matchDecider: Decider<MatchCommand, MatchEvent, Match> = { decide, evolve, initialState };
