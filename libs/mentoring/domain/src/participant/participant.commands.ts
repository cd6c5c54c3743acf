import type { Command } from '@alongside/platform/event-sourcing';

/** Commands a consumer gives when it hears enrolment; `sourceEventId` makes re-delivery a no-op. */
export type RecordPeerContactConsent = Command<
  'RecordPeerContactConsent',
  { participantId: string; consentId: string; grantedAt: string; expiresAt: string | null; sourceEventId: string }
>;

export type RecordPeerContactConsentRevoked = Command<
  'RecordPeerContactConsentRevoked',
  { participantId: string; consentId: string; revokedAt: string; sourceEventId: string }
>;

export type RecordDischarge = Command<
  'RecordDischarge',
  { participantId: string; dischargedAt: string; reason: string; sourceEventId: string }
>;

export type ParticipantCommand = RecordPeerContactConsent | RecordPeerContactConsentRevoked | RecordDischarge;
