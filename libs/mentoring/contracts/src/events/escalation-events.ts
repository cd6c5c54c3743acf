import type { EscalationResolution, Risk, Urgency } from '../vocabulary';

/** A peer mentor flags a risk and hands it to a clinician; what was observed stays a code. */
export type EscalatedToClinician = Readonly<{
  type: 'EscalatedToClinician';
  data: {
    escalationId: string;
    matchId: string;
    mentorId: string;
    participantId: string;
    risk: Risk;
    urgency: Urgency;
    raisedAt: string;
    /** When an unacknowledged escalation starts showing as overdue (site policy at raising). */
    acknowledgeBy: string;
  };
}>;

export type EscalationAcknowledged = Readonly<{
  type: 'EscalationAcknowledged';
  data: { escalationId: string; participantId: string; clinicianId: string; acknowledgedAt: string };
}>;

export type EscalationResolved = Readonly<{
  type: 'EscalationResolved';
  data: {
    escalationId: string;
    participantId: string;
    clinicianId: string;
    resolution: EscalationResolution;
    resolvedAt: string;
  };
}>;

export type EscalationEvent = EscalatedToClinician | EscalationAcknowledged | EscalationResolved;
