import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex } from '@alongside/mentoring/contracts';
import type { ParticipantCommand } from './participant.commands';
import { participantDecider, peerContactConsentAt } from './participant.decider';

const given = DeciderSpecification.for(participantDecider);
const { participantId, consentId } = ex.PeerContactConsentRecorded.data;

const recordConsent: ParticipantCommand = { type: 'RecordPeerContactConsent', data: ex.PeerContactConsentRecorded.data };
const recordRevocation: ParticipantCommand = { type: 'RecordPeerContactConsentRevoked', data: ex.PeerContactConsentRevoked.data };
const recordDischarge: ParticipantCommand = { type: 'RecordDischarge', data: ex.DischargeRecorded.data };

describe('What mentoring knows of a participant', () => {
  it('records a consent for peer contact heard from enrolment', () =>
    given([]).when(recordConsent).then([ex.PeerContactConsentRecorded]));

  it('records nothing when the same enrolment event is heard again', () =>
    given([ex.PeerContactConsentRecorded]).when(recordConsent).then([]));

  it('records a revocation of a known consent', () =>
    given([ex.PeerContactConsentRecorded]).when(recordRevocation).then([ex.PeerContactConsentRevoked]));

  it('ignores the revocation of a consent that was not for peer contact', () =>
    given([]).when(recordRevocation).then([]));

  it('records a discharge once', () => {
    given([]).when(recordDischarge).then([ex.DischargeRecorded]);
    given([ex.DischargeRecorded]).when(recordDischarge).then([]);
  });

  describe('the consent in force', () => {
    const granted = fold(participantDecider, [ex.PeerContactConsentRecorded]);
    const revoked = fold(participantDecider, [ex.PeerContactConsentRecorded, ex.PeerContactConsentRevoked]);

    it('is none before the consent was signed', () => expect(peerContactConsentAt(granted, '2025-02-01T00:00:00Z')).toBeNull());
    it('is the granted one afterwards', () => expect(peerContactConsentAt(granted, '2025-04-01T00:00:00Z')).toEqual({ consentId }));
    it('stops at the revocation', () => {
      expect(peerContactConsentAt(revoked, '2025-08-31T00:00:00Z')).toEqual({ consentId });
      expect(peerContactConsentAt(revoked, '2025-09-02T00:00:00Z')).toBeNull();
    });
    it('stops at its expiry', () => {
      const expiring = fold(participantDecider, [
        { type: 'PeerContactConsentRecorded', data: { ...ex.PeerContactConsentRecorded.data, expiresAt: '2025-05-01T00:00:00Z' } },
      ]);
      expect(peerContactConsentAt(expiring, '2025-05-02T00:00:00Z')).toBeNull();
    });
    it('belongs to one participant', () => expect(participantId).toBe(ex.MatchProposed.data.participantId));
  });
});
