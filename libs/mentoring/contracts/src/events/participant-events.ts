/**
 * What mentoring heard from enrolment about a participant, recorded in its own log (DESIGN §3.5)
 * so that matching decides on facts it owns. Ids only; enrolment keeps the person's details.
 */
export type PeerContactConsentRecorded = Readonly<{
  type: 'PeerContactConsentRecorded';
  data: {
    participantId: string;
    consentId: string;
    grantedAt: string;
    /** Null when the consent runs until revoked or until an event (e.g. discharge) named in it. */
    expiresAt: string | null;
    /** The enrolment event this was heard from. */
    sourceEventId: string;
  };
}>;

export type PeerContactConsentRevoked = Readonly<{
  type: 'PeerContactConsentRevoked';
  data: { participantId: string; consentId: string; revokedAt: string; sourceEventId: string };
}>;

export type DischargeRecorded = Readonly<{
  type: 'DischargeRecorded';
  data: { participantId: string; dischargedAt: string; reason: string; sourceEventId: string };
}>;

export type ParticipantEvent = PeerContactConsentRecorded | PeerContactConsentRevoked | DischargeRecorded;
