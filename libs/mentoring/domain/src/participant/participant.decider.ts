import type { Decider } from '@alongside/platform/event-sourcing';
import type { ParticipantEvent } from '@alongside/mentoring/contracts';
import { isAtOrBefore, isBefore } from '../instant';
import type { ParticipantCommand } from './participant.commands';

type Consent = Readonly<{ consentId: string; grantedAt: string; expiresAt: string | null; revokedAt: string | null }>;

/** What mentoring knows of a participant: only what it needs to decide on peer contact. */
export type ParticipantRecord = Readonly<{
  consents: readonly Consent[];
  dischargedAt: string | null;
  heard: readonly string[];
}>;

export const initialState = (): ParticipantRecord => ({ consents: [], dischargedAt: null, heard: [] });

/**
 * Recording what another service said is never refused: enrolment decided it. A message heard
 * twice, or a revocation of a consent that was not for peer contact, records nothing.
 */
export const decide = (command: ParticipantCommand, participant: ParticipantRecord): ParticipantEvent[] => {
  if (participant.heard.includes(command.data.sourceEventId)) return [];
  switch (command.type) {
    case 'RecordPeerContactConsent':
      if (participant.consents.some((c) => c.consentId === command.data.consentId)) return [];
      return [{ type: 'PeerContactConsentRecorded', data: command.data }];
    case 'RecordPeerContactConsentRevoked': {
      const consent = participant.consents.find((c) => c.consentId === command.data.consentId);
      if (!consent || consent.revokedAt !== null) return [];
      return [{ type: 'PeerContactConsentRevoked', data: command.data }];
    }
    case 'RecordDischarge':
      return [{ type: 'DischargeRecorded', data: command.data }];
  }
};

export const evolve = (participant: ParticipantRecord, event: ParticipantEvent): ParticipantRecord => {
  const heard = [...participant.heard, event.data.sourceEventId];
  switch (event.type) {
    case 'PeerContactConsentRecorded': {
      const { consentId, grantedAt, expiresAt } = event.data;
      return { ...participant, heard, consents: [...participant.consents, { consentId, grantedAt, expiresAt, revokedAt: null }] };
    }
    case 'PeerContactConsentRevoked':
      return {
        ...participant,
        heard,
        consents: participant.consents.map((c) =>
          c.consentId === event.data.consentId ? { ...c, revokedAt: event.data.revokedAt } : c,
        ),
      };
    case 'DischargeRecorded':
      return { ...participant, heard, dischargedAt: event.data.dischargedAt };
  }
};

/** The consent for peer contact in force at `at` (the most recently granted), or null. */
export const peerContactConsentAt = (participant: ParticipantRecord, at: string): { consentId: string } | null => {
  const inForce = participant.consents.filter(
    (c) =>
      isAtOrBefore(c.grantedAt, at) &&
      (c.revokedAt === null || isBefore(at, c.revokedAt)) &&
      (c.expiresAt === null || isBefore(at, c.expiresAt)),
  );
  const latest = inForce.sort((a, b) => Date.parse(b.grantedAt) - Date.parse(a.grantedAt))[0];
  return latest ? { consentId: latest.consentId } : null;
};

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantRecord> = {
  decide,
  evolve,
  initialState,
};
