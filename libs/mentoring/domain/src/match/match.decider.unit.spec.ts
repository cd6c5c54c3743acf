import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex, type MatchEvent } from '@alongside/mentoring/contracts';
import { PEER_SUPPORT_BILLING } from '../contact/peer-support-billing';
import { DateInTheFuture } from '../date-in-the-future.error';
import { MentorNotFound } from '../mentor/mentor.errors';
import type { MatchCommand, MentorStanding } from './match.commands';
import { matchDecider } from './match.decider';
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

const given = DeciderSpecification.for(matchDecider);
const { matchId, mentorId, participantId } = ex.MatchProposed.data;
const parties = { matchId, mentorId, participantId };
const consent = { consentId: ex.MatchProposed.data.consentId };

const mentor = (over: Partial<MentorStanding> = {}): MentorStanding => ({
  mentorId,
  certifications: [{ certificationId: 'c', credential: 'CPRS', expiresAt: '2027-02-01T00:00:00-05:00', status: 'current' }],
  maxCaseload: 12,
  openMatches: 3,
  ...over,
});

const propose = (over: Partial<Extract<MatchCommand, { type: 'ProposeMatch' }>['data']> = {}): MatchCommand => ({
  type: 'ProposeMatch',
  data: { matchId, participantId, mentor: mentor(), consent, openMatchId: null, proposedBy: 'manager-01', at: '2025-03-10T09:00:00-05:00', ...over },
});
const accept = (over: Partial<Extract<MatchCommand, { type: 'AcceptMatch' }>['data']> = {}): MatchCommand => ({
  type: 'AcceptMatch',
  data: { mentor: mentor(), consent, at: '2025-03-10T11:00:00-05:00', ...over },
});
const end = (reason: Extract<MatchCommand, { type: 'EndMatch' }>['data']['reason'], at = '2025-05-01T10:00:00-04:00'): MatchCommand => ({
  type: 'EndMatch',
  data: { reason, at },
});
const policy = { aftercareCheckInDays: [7, 30, 90, 180], checkInMissedAfterDays: 7 };
const startAftercare: MatchCommand = {
  type: 'StartAftercare',
  data: { dischargedAt: '2025-06-01T12:00:00-04:00', policy, at: '2025-06-01T12:00:05-04:00' },
};
const sweep = (now: string): MatchCommand => ({ type: 'SweepAftercare', data: { now } });
const checkIn = (day: number, heldAt: string, over: Partial<Extract<MatchCommand, { type: 'RecordAftercareCheckIn' }>['data']> = {}): MatchCommand => ({
  type: 'RecordAftercareCheckIn',
  data: { day, heldAt, contactId: null, byMentorId: mentorId, at: heldAt, ...over },
});
const logContact = (over: Partial<Extract<MatchCommand, { type: 'LogContact' }>['data']> = {}): MatchCommand => ({
  type: 'LogContact',
  data: {
    contactId: ex.ContactLogged.data.contactId,
    kind: 'in-person',
    minutes: 50,
    contactAt: '2025-03-12T16:00:00-05:00',
    hasNote: true,
    byMentorId: mentorId,
    billing: PEER_SUPPORT_BILLING,
    at: '2025-03-12T17:00:00-05:00',
    ...over,
  },
});

const proposed: MatchEvent = ex.MatchProposed;
const accepted: MatchEvent = ex.MatchAccepted;
const aftercareStarted: MatchEvent = {
  type: 'AftercareStarted',
  data: {
    ...parties,
    dischargedAt: '2025-06-01T12:00:00-04:00',
    checkIns: [
      { day: 7, dueAt: '2025-06-08T12:00:00.000-04:00' },
      { day: 30, dueAt: '2025-07-01T12:00:00.000-04:00' },
      { day: 90, dueAt: '2025-08-30T12:00:00.000-04:00' },
      { day: 180, dueAt: '2025-11-28T12:00:00.000-04:00' },
    ],
    missedAfterDays: 7,
    startedAt: '2025-06-01T12:00:05-04:00',
  },
};
const due = (day: number, dueAt: string): MatchEvent => ({ type: 'AftercareCheckInDue', data: { ...parties, day, dueAt } });
const held = (day: number, dueAt: string, heldAt: string): MatchEvent => ({
  type: 'AftercareCheckInHeld',
  data: { ...parties, day, dueAt, heldAt, contactId: null },
});

describe('Mentoring match', () => {
  describe('when proposed', () => {
    it('records the proposal with the consent it relied on', () => given([]).when(propose()).then([proposed]));

    it('refuses a second proposal with the same id', () =>
      given([proposed]).when(propose()).thenThrows(MatchAlreadyExists));

    it('refuses a mentor who is not onboarded', () =>
      given([]).when(propose({ mentor: null })).thenThrows(MentorNotFound));

    it("refuses a mentor whose certification has lapsed, even before the sweeper recorded it", () =>
      given([]).when(propose({ at: '2027-02-01T00:00:01-05:00' })).thenThrows(MentorCertificationLapsed));

    it('refuses a mentor whose certification was recorded as expired', () =>
      given([])
        .when(propose({ mentor: mentor({ certifications: [{ certificationId: 'c', credential: 'CPRS', expiresAt: '2027-02-01T00:00:00-05:00', status: 'expired' }] }) }))
        .thenThrows(MentorCertificationLapsed));

    it('refuses a mentor whose caseload is full', () =>
      given([]).when(propose({ mentor: mentor({ openMatches: 12 }) })).thenThrows(CaseloadFull));

    it('refuses a participant without consent for peer contact', () =>
      given([]).when(propose({ consent: null })).thenThrows(NoPeerContactConsent));

    it('refuses a participant who already has a mentor', () =>
      given([]).when(propose({ openMatchId: '11111111-1111-4111-8111-111111111111' })).thenThrows(ParticipantAlreadyMatched));

    it('becomes active once accepted', () => given([proposed]).when(accept()).then([accepted]));

    it('refuses a second acceptance', () =>
      given([proposed, accepted]).when(accept()).thenThrows(MatchNotAwaitingAcceptance));

    it('refuses to accept a match that does not exist', () => given([]).when(accept()).thenThrows(MatchNotFound));

    it('refuses acceptance once consent was revoked', () =>
      given([proposed]).when(accept({ consent: null })).thenThrows(NoPeerContactConsent));

    it("refuses acceptance once the mentor's certification lapsed", () =>
      given([proposed]).when(accept({ at: '2027-03-01T00:00:00-05:00' })).thenThrows(MentorCertificationLapsed));

    it('accepts even with a full caseload: the proposal already holds its place', () =>
      given([proposed]).when(accept({ mentor: mentor({ openMatches: 12 }) })).then([accepted]));

    it('can be withdrawn before acceptance', () =>
      given([proposed])
        .when(end('proposal-withdrawn'))
        .then([{ type: 'MatchEnded', data: { ...parties, reason: 'proposal-withdrawn', endedFrom: 'proposed', endedAt: '2025-05-01T10:00:00-04:00' } }]));
  });

  describe('when ended', () => {
    it('records the reason and where it ended from', () =>
      given([proposed, accepted])
        .when(end('goals-met'))
        .then([{ type: 'MatchEnded', data: { ...parties, reason: 'goals-met', endedFrom: 'active', endedAt: '2025-05-01T10:00:00-04:00' } }]));

    it('refuses to end a match twice', () =>
      given([proposed, accepted, ex.MatchEnded]).when(end('goals-met')).thenThrows(MatchAlreadyEnded));

    it('refuses "aftercare declined" for a match not in aftercare', () =>
      given([proposed, accepted]).when(end('aftercare-declined')).thenThrows(EndReasonNotApplicable));

    it('refuses to withdraw a proposal that was accepted', () =>
      given([proposed, accepted]).when(end('proposal-withdrawn')).thenThrows(EndReasonNotApplicable));

    it('refuses to end a match that does not exist', () => given([]).when(end('goals-met')).thenThrows(MatchNotFound));
  });

  describe('when the participant is discharged', () => {
    it('moves an active match into aftercare with check-ins at 7, 30, 90 and 180 days', () =>
      given([proposed, accepted]).when(startAftercare).then([aftercareStarted]));

    it('keeps each check-in at the time of day of the discharge, in its offset', () => {
      const [event] = given([proposed, accepted]).when(startAftercare).events();
      const checkIns = (event as Extract<MatchEvent, { type: 'AftercareStarted' }>).data.checkIns;
      expect(checkIns.at(-1)).toEqual({ day: 180, dueAt: '2025-11-28T12:00:00.000-04:00' });
    });

    it('uses the site schedule, sorted and without duplicates', () => {
      const [event] = given([proposed, accepted])
        .when({ ...startAftercare, data: { ...(startAftercare.data as object), policy: { aftercareCheckInDays: [14, 3, 14], checkInMissedAfterDays: 3 } } } as unknown as MatchCommand)
        .events();
      expect((event as Extract<MatchEvent, { type: 'AftercareStarted' }>).data.checkIns.map((c) => c.day)).toEqual([3, 14]);
    });

    it('leaves a proposal that was never accepted as it is', () => given([proposed]).when(startAftercare).then([]));

    it('does not start aftercare twice when the discharge is heard again', () =>
      given([proposed, accepted, aftercareStarted]).when(startAftercare).then([]));

    it('does not revive an ended match', () =>
      given([proposed, accepted, ex.MatchEnded]).when(startAftercare).then([]));

    it('ends when the participant declines aftercare', () =>
      given([proposed, accepted, aftercareStarted])
        .when(end('aftercare-declined'))
        .then([{ type: 'MatchEnded', data: { ...parties, reason: 'aftercare-declined', endedFrom: 'aftercare', endedAt: '2025-05-01T10:00:00-04:00' } }]));
  });

  describe('aftercare check-ins, by the clock', () => {
    const day7 = '2025-06-08T12:00:00.000-04:00';
    const day30 = '2025-07-01T12:00:00.000-04:00';
    const base = [proposed, accepted, aftercareStarted];

    it('marks nothing before the first check-in is due', () => given(base).when(sweep('2025-06-08T11:59:00-04:00')).then([]));

    it('marks a check-in due on its day', () => given(base).when(sweep('2025-06-08T12:00:00-04:00')).then([due(7, day7)]));

    it('does not mark the same check-in due twice', () =>
      given([...base, due(7, day7)]).when(sweep('2025-06-09T12:00:00-04:00')).then([]));

    it('marks a due check-in missed after the grace days', () =>
      given([...base, due(7, day7)])
        .when(sweep('2025-06-15T12:00:00-04:00'))
        .then([{ type: 'AftercareCheckInMissed', data: { ...parties, day: 7, dueAt: day7, missedAt: '2025-06-15T12:00:00.000-04:00' } }]));

    it('catches up after the sweeper was down: due and missed in one sweep', () =>
      expect(given(base).when(sweep('2025-06-20T00:00:00-04:00')).events().map((e) => e.type)).toEqual([
        'AftercareCheckInDue',
        'AftercareCheckInMissed',
      ]));

    it('records a check-in held by the mentor', () =>
      given([...base, due(7, day7)]).when(checkIn(7, '2025-06-09T15:00:00-04:00')).then([held(7, day7, '2025-06-09T15:00:00-04:00')]));

    it('does not mark a held check-in missed', () =>
      given([...base, due(7, day7), held(7, day7, '2025-06-09T15:00:00-04:00')]).when(sweep('2025-06-16T00:00:00-04:00')).then([]));

    it('refuses a check-in for a day not in the schedule', () =>
      given(base).when(checkIn(14, '2025-06-09T15:00:00-04:00')).thenThrows(CheckInNotScheduled));

    it('refuses a check-in already held', () =>
      given([...base, held(7, day7, '2025-06-09T15:00:00-04:00')]).when(checkIn(7, '2025-06-10T15:00:00-04:00')).thenThrows(CheckInAlreadyClosed));

    it('refuses a check-in held in the future', () =>
      given(base).when(checkIn(7, '2025-06-09T15:00:00-04:00', { at: '2025-06-09T10:00:00-04:00' })).thenThrows(DateInTheFuture));

    it('refuses a check-in before the discharge', () =>
      given(base).when(checkIn(7, '2025-05-30T15:00:00-04:00')).thenThrows(CheckInBeforeDischarge));

    it("refuses a check-in recorded by another participant's mentor", () =>
      given(base).when(checkIn(7, '2025-06-09T15:00:00-04:00', { byMentorId: '22222222-2222-4222-8222-222222222222' })).thenThrows(NotThisParticipantsMentor));

    it('refuses a check-in for a match not in aftercare', () =>
      given([proposed, accepted]).when(checkIn(7, '2025-06-09T15:00:00-04:00')).thenThrows(NotInAftercare));

    it('completes aftercare and ends the match once the last check-in is closed', () => {
      const closedFirst = [held(7, day7, '2025-06-09T15:00:00-04:00'), held(30, day30, '2025-07-01T15:00:00-04:00'), held(90, '2025-08-30T12:00:00.000-04:00', '2025-08-30T15:00:00-04:00')];
      const events = given([...base, ...closedFirst]).when(sweep('2025-12-06T00:00:00-05:00')).events();
      expect(events.map((e) => e.type)).toEqual(['AftercareCheckInDue', 'AftercareCheckInMissed', 'MatchEnded']);
      expect(events[2]).toMatchObject({ data: { reason: 'aftercare-completed', endedFrom: 'aftercare' } });
    });
  });

  describe('contacts', () => {
    const active = [proposed, accepted];

    it('logs a contact with its billable units and without its note', () =>
      given(active).when(logContact()).then([ex.ContactLogged]));

    it('bills nothing for a text message', () =>
      expect(given(active).when(logContact({ kind: 'text', minutes: 20 })).events()[0]).toMatchObject({ data: { billing: null } }));

    it('logs contacts in aftercare too', () =>
      expect(given([...active, aftercareStarted]).when(logContact({ contactAt: '2025-06-03T10:00:00-04:00', at: '2025-06-03T11:00:00-04:00' })).events()).toHaveLength(1));

    it('refuses a contact for a proposal not yet accepted', () => given([proposed]).when(logContact()).thenThrows(MatchNotOpen));

    it('refuses a contact for an ended match', () =>
      given([...active, ex.MatchEnded]).when(logContact()).thenThrows(MatchNotOpen));

    it('refuses a contact for a match that does not exist', () => given([]).when(logContact()).thenThrows(MatchNotFound));

    it("refuses a contact logged by another participant's mentor", () =>
      given(active).when(logContact({ byMentorId: '22222222-2222-4222-8222-222222222222' })).thenThrows(NotThisParticipantsMentor));

    it('lets a site manager log on the mentor’s behalf', () =>
      expect(given(active).when(logContact({ byMentorId: null })).events()).toHaveLength(1));

    it('refuses the same contact twice', () =>
      given([...active, ex.ContactLogged]).when(logContact()).thenThrows(ContactAlreadyLogged));

    it('refuses a contact in the future', () =>
      given(active).when(logContact({ at: '2025-03-12T15:00:00-05:00' })).thenThrows(ContactInTheFuture));

    it('refuses a contact before the match was accepted', () =>
      given(active).when(logContact({ contactAt: '2025-03-01T10:00:00-05:00' })).thenThrows(ContactBeforeMatch));
  });
});
