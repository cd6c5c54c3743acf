import type { Decider } from '@alongside/platform/event-sourcing';
import type { EscalationEvent, Urgency } from '@alongside/mentoring/contracts';
import { isBefore, plusMinutes } from '../instant';
import { MatchNotFound, MatchNotOpen, NotThisParticipantsMentor } from '../match/match.errors';
import type { EscalationCommand, RaiseEscalation } from './escalation.commands';
import {
  EscalationAlreadyAcknowledged,
  EscalationAlreadyRaised,
  EscalationAlreadyResolved,
  EscalationNotFound,
} from './escalation.errors';

export type Escalation =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'raised' | 'acknowledged' | 'resolved';
      escalationId: string;
      participantId: string;
      acknowledgedBy: string | null;
    }>;

export const initialState = (): Escalation => ({ status: 'none' });

const limitOf = (policy: RaiseEscalation['data']['policy'], urgency: Urgency): number =>
  ({
    urgent: policy.urgentAcknowledgeWithinMinutes,
    soon: policy.soonAcknowledgeWithinMinutes,
    routine: policy.routineAcknowledgeWithinMinutes,
  })[urgency];

export const decide = (command: EscalationCommand, escalation: Escalation): EscalationEvent[] => {
  if (command.type === 'RaiseEscalation') {
    const { escalationId, match, byMentorId, risk, urgency, policy, at } = command.data;
    if (escalation.status !== 'none') throw new EscalationAlreadyRaised(escalationId);
    // Another site's match (or none) answers 404 like an absent one, never 422 about its stage.
    if (match.status === 'none') throw new MatchNotFound();
    if (match.status !== 'active' && match.status !== 'aftercare') throw new MatchNotOpen();
    if (byMentorId !== null && byMentorId !== match.mentorId) throw new NotThisParticipantsMentor();
    const { matchId, mentorId, participantId } = match;
    return [
      {
        type: 'EscalatedToClinician',
        data: { escalationId, matchId, mentorId, participantId, risk, urgency, raisedAt: at, acknowledgeBy: plusMinutes(at, limitOf(policy, urgency)) },
      },
    ];
  }
  if (escalation.status === 'none') throw new EscalationNotFound();
  if (escalation.status === 'resolved') throw new EscalationAlreadyResolved();
  const { escalationId, participantId } = escalation;
  const { clinicianId, at } = command.data;
  const acknowledged: EscalationEvent = { type: 'EscalationAcknowledged', data: { escalationId, participantId, clinicianId, acknowledgedAt: at } };
  switch (command.type) {
    case 'AcknowledgeEscalation':
      if (escalation.status === 'acknowledged') throw new EscalationAlreadyAcknowledged(escalation.acknowledgedBy ?? 'a clinician');
      return [acknowledged];
    case 'ResolveEscalation': {
      const resolved: EscalationEvent = {
        type: 'EscalationResolved',
        data: { escalationId, participantId, clinicianId, resolution: command.data.resolution, resolvedAt: at },
      };
      // Resolving is also acknowledging: the record shows who took it on, and when.
      return escalation.status === 'raised' ? [acknowledged, resolved] : [resolved];
    }
  }
};

export const evolve = (escalation: Escalation, event: EscalationEvent): Escalation => {
  switch (event.type) {
    case 'EscalatedToClinician':
      return { status: 'raised', escalationId: event.data.escalationId, participantId: event.data.participantId, acknowledgedBy: null };
    case 'EscalationAcknowledged':
      return escalation.status === 'none' ? escalation : { ...escalation, status: 'acknowledged', acknowledgedBy: event.data.clinicianId };
    case 'EscalationResolved':
      return escalation.status === 'none' ? escalation : { ...escalation, status: 'resolved' };
  }
};

/** An escalation nobody acknowledged by its deadline shows as overdue. */
export const isEscalationOverdue = (acknowledgedAt: string | null, acknowledgeBy: string, now: string): boolean =>
  acknowledgedAt === null && isBefore(acknowledgeBy, now);

export const escalationDecider: Decider<EscalationCommand, EscalationEvent, Escalation> = { decide, evolve, initialState };
