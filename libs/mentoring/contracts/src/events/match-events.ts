import type { ContactKind, MatchEndReason } from '../vocabulary';

/** A one-on-one relationship between a peer mentor and a participant, proposal to end. */
export type MatchProposed = Readonly<{
  type: 'MatchProposed';
  data: {
    matchId: string;
    mentorId: string;
    participantId: string;
    /** The enrolment consent for peer contact the proposal relied on. */
    consentId: string;
    proposedBy: string;
    proposedAt: string;
  };
}>;

export type MatchAccepted = Readonly<{
  type: 'MatchAccepted';
  data: { matchId: string; mentorId: string; participantId: string; acceptedAt: string };
}>;

export type MatchEnded = Readonly<{
  type: 'MatchEnded';
  data: {
    matchId: string;
    mentorId: string;
    participantId: string;
    reason: MatchEndReason;
    /** Where the relationship was when it ended. */
    endedFrom: 'proposed' | 'active' | 'aftercare';
    endedAt: string;
  };
}>;

/**
 * A discharge does not end peer support: the match moves into aftercare with check-ins due at the
 * site's offsets (7, 30, 90, 180 days by default) after discharge.
 */
export type AftercareStarted = Readonly<{
  type: 'AftercareStarted';
  data: {
    matchId: string;
    mentorId: string;
    participantId: string;
    dischargedAt: string;
    checkIns: { day: number; dueAt: string }[];
    /** A check-in not held this many days after it fell due counts as missed. */
    missedAfterDays: number;
    startedAt: string;
  };
}>;

export type AftercareCheckInDue = Readonly<{
  type: 'AftercareCheckInDue';
  data: { matchId: string; mentorId: string; participantId: string; day: number; dueAt: string };
}>;

export type AftercareCheckInHeld = Readonly<{
  type: 'AftercareCheckInHeld';
  data: {
    matchId: string;
    mentorId: string;
    participantId: string;
    day: number;
    dueAt: string;
    heldAt: string;
    contactId: string | null;
  };
}>;

export type AftercareCheckInMissed = Readonly<{
  type: 'AftercareCheckInMissed';
  data: { matchId: string; mentorId: string; participantId: string; day: number; dueAt: string; missedAt: string };
}>;

export type BillableUnits = { code: string; units: number; referenceVersion: string };

/** The note a mentor writes about a contact never appears here: it stays encrypted in the service. */
export type ContactLogged = Readonly<{
  type: 'ContactLogged';
  data: {
    contactId: string;
    matchId: string;
    mentorId: string;
    participantId: string;
    kind: ContactKind;
    minutes: number;
    contactAt: string;
    /** Null when the contact is not billable (e.g. a text message, or under a unit's minimum). */
    billing: BillableUnits | null;
    hasNote: boolean;
  };
}>;

export type MatchEvent =
  | MatchProposed
  | MatchAccepted
  | MatchEnded
  | AftercareStarted
  | AftercareCheckInDue
  | AftercareCheckInHeld
  | AftercareCheckInMissed
  | ContactLogged;
