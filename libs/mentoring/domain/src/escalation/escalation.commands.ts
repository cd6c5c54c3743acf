import type { Command } from '@alongside/platform/event-sourcing';
import type { EscalationResolution, Risk, Urgency } from '@alongside/mentoring/contracts';
import type { Match } from '../match/match.state';
import type { MentoringPolicy } from '../programme/mentoring-policy';

export type RaiseEscalation = Command<
  'RaiseEscalation',
  {
    escalationId: string;
    match: Match;
    byMentorId: string | null;
    risk: Risk;
    urgency: Urgency;
    policy: Pick<MentoringPolicy, 'urgentAcknowledgeWithinMinutes' | 'soonAcknowledgeWithinMinutes' | 'routineAcknowledgeWithinMinutes'>;
    at: string;
  }
>;

export type AcknowledgeEscalation = Command<'AcknowledgeEscalation', { clinicianId: string; at: string }>;

export type ResolveEscalation = Command<
  'ResolveEscalation',
  { clinicianId: string; resolution: EscalationResolution; at: string }
>;

export type EscalationCommand = RaiseEscalation | AcknowledgeEscalation | ResolveEscalation;
