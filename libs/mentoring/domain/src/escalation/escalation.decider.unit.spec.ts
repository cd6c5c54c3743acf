import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex } from '@alongside/mentoring/contracts';
import { matchDecider } from '../match/match.decider';
import { MatchNotFound, MatchNotOpen, NotThisParticipantsMentor } from '../match/match.errors';
import { DEFAULT_MENTORING_POLICY } from '../programme/mentoring-policy';
import type { EscalationCommand } from './escalation.commands';
import { escalationDecider, isEscalationOverdue } from './escalation.decider';
import {
  EscalationAlreadyAcknowledged,
  EscalationAlreadyRaised,
  EscalationAlreadyResolved,
  EscalationNotFound,
} from './escalation.errors';

const given = DeciderSpecification.for(escalationDecider);
const activeMatch = fold(matchDecider, [ex.MatchProposed, ex.MatchAccepted]);
const { escalationId } = ex.EscalatedToClinician.data;

const raise = (over: Partial<Extract<EscalationCommand, { type: 'RaiseEscalation' }>['data']> = {}): EscalationCommand => ({
  type: 'RaiseEscalation',
  data: {
    escalationId,
    match: activeMatch,
    byMentorId: ex.MatchProposed.data.mentorId,
    risk: 'intent-to-use',
    urgency: 'urgent',
    policy: DEFAULT_MENTORING_POLICY,
    at: '2025-04-02T20:00:00-04:00',
    ...over,
  },
});
const acknowledge: EscalationCommand = { type: 'AcknowledgeEscalation', data: { clinicianId: 'clinician-44', at: '2025-04-02T20:20:00-04:00' } };
const resolve: EscalationCommand = {
  type: 'ResolveEscalation',
  data: { clinicianId: 'clinician-44', resolution: 'clinical-follow-up-arranged', at: '2025-04-03T09:00:00-04:00' },
};
const raised = { ...ex.EscalatedToClinician, data: { ...ex.EscalatedToClinician.data, acknowledgeBy: '2025-04-02T21:00:00.000-04:00' } };

describe('Escalation to a clinician', () => {
  it('is raised with a deadline set by its urgency', () => given([]).when(raise()).then([raised]));

  it('gives a routine escalation the routine deadline', () =>
    expect(given([]).when(raise({ urgency: 'routine' })).events()[0]).toMatchObject({ data: { acknowledgeBy: '2025-04-05T20:00:00.000-04:00' } }));

  it('refuses the same escalation twice', () => given([raised]).when(raise()).thenThrows(EscalationAlreadyRaised));

  it('answers not found for a match this site does not have (another site\'s)', () =>
    given([]).when(raise({ match: fold(matchDecider, []) })).thenThrows(MatchNotFound));

  it('refuses an escalation outside an open match', () =>
    given([]).when(raise({ match: fold(matchDecider, [ex.MatchProposed, ex.MatchAccepted, ex.MatchEnded]) })).thenThrows(MatchNotOpen));

  it("refuses an escalation by another participant's mentor", () =>
    given([]).when(raise({ byMentorId: '22222222-2222-4222-8222-222222222222' })).thenThrows(NotThisParticipantsMentor));

  it('is acknowledged by a clinician', () => given([raised]).when(acknowledge).then([ex.EscalationAcknowledged]));

  it('refuses a second acknowledgement, naming who took it', () =>
    given([raised, ex.EscalationAcknowledged]).when(acknowledge).thenThrows(EscalationAlreadyAcknowledged, (e: Error) =>
      expect(e.message).toContain('clinician-44')));

  it('refuses to acknowledge an unknown escalation', () => given([]).when(acknowledge).thenThrows(EscalationNotFound));

  it('is resolved', () => given([raised, ex.EscalationAcknowledged]).when(resolve).then([ex.EscalationResolved]));

  it('is acknowledged by resolving it directly', () =>
    expect(given([raised]).when(resolve).events().map((e) => e.type)).toEqual(['EscalationAcknowledged', 'EscalationResolved']));

  it('refuses anything once resolved', () => {
    given([raised, ex.EscalationAcknowledged, ex.EscalationResolved]).when(resolve).thenThrows(EscalationAlreadyResolved);
    given([raised, ex.EscalationAcknowledged, ex.EscalationResolved]).when(acknowledge).thenThrows(EscalationAlreadyResolved);
  });

  it('shows as overdue only past its deadline and while unacknowledged', () => {
    expect(isEscalationOverdue(null, '2025-04-02T21:00:00-04:00', '2025-04-02T20:59:00-04:00')).toBe(false);
    expect(isEscalationOverdue(null, '2025-04-02T21:00:00-04:00', '2025-04-02T21:01:00-04:00')).toBe(true);
    expect(isEscalationOverdue('2025-04-02T21:30:00-04:00', '2025-04-02T21:00:00-04:00', '2025-04-02T22:00:00-04:00')).toBe(false);
  });
});
