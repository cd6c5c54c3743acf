import type { ParticipantEvent } from './participant.events';
import type { Consent, Episode, IncomingTransfer, OutgoingTransfer, Participant } from './participant.state';

const updateConsent = (p: Participant, consentId: string, change: Partial<Consent>): Participant => ({
  ...p,
  consents: p.consents.map((c) => (c.consentId === consentId ? { ...c, ...change } : c)),
});

const updateEpisode = (p: Participant, episodeId: string, change: Partial<Episode>): Participant => ({
  ...p,
  episodes: p.episodes.map((e) => (e.episodeId === episodeId ? { ...e, ...change } : e)),
});

const updateOutgoing = (p: Participant, transferId: string, change: Partial<OutgoingTransfer>): Participant => ({
  ...p,
  outgoing: p.outgoing.map((t) => (t.transferId === transferId ? { ...t, ...change } : t)),
});

const updateIncoming = (p: Participant, transferId: string, change: Partial<IncomingTransfer>): Participant => ({
  ...p,
  incoming: p.incoming.map((t) => (t.transferId === transferId ? { ...t, ...change } : t)),
});

export const evolveParticipant = (p: Participant, event: ParticipantEvent): Participant => {
  switch (event.type) {
    case 'ParticipantRegistered':
      return { ...p, status: 'registered', participantId: event.data.participantId, siteId: event.data.siteId };
    case 'ParticipantDetailsRecorded':
      return { ...p, detailsId: event.data.detailsId };
    case 'ParticipantErased':
      return { ...p, erased: true };
    case 'ConsentGranted': {
      const { consentId, purpose, recipient, informationCategories, expiry, signedOn, grantedAt } = event.data;
      const consent: Consent = { consentId, purpose, recipient, informationCategories, expiry, signedOn, grantedAt, revokedAt: null, endedOn: null };
      return { ...p, consents: [...p.consents, consent] };
    }
    case 'ConsentRevoked':
      return updateConsent(p, event.data.consentId, { revokedAt: event.data.revokedAt });
    case 'ConsentEnded':
      return updateConsent(p, event.data.consentId, { endedOn: event.data.endedOn });
    case 'Enrolled':
    case 'Readmitted': {
      const { episodeId, programme, levelOfCare, admittedOn } = event.data;
      const episode: Episode = {
        episodeId,
        programme,
        levelOfCare,
        admittedOn,
        lastDatedOn: admittedOn,
        previousEpisodeId: event.type === 'Readmitted' ? event.data.previousEpisodeId : null,
        transferredFrom: event.type === 'Enrolled' ? event.data.transferredFrom : null,
        discharge: null,
      };
      return { ...p, episodes: [...p.episodes, episode] };
    }
    case 'LevelOfCareChanged':
      return updateEpisode(p, event.data.episodeId, {
        levelOfCare: event.data.toLevel,
        programme: event.data.toProgramme,
        lastDatedOn: event.data.changedOn,
      });
    case 'Discharged':
      return updateEpisode(p, event.data.episodeId, {
        discharge: { on: event.data.dischargedOn, reason: event.data.reason, transferId: event.data.transferId },
        lastDatedOn: event.data.dischargedOn,
      });
    case 'TransferRequested': {
      const { transferId, toSiteId, episodeId, consentId, requestedAt } = event.data;
      return { ...p, outgoing: [...p.outgoing, { transferId, toSiteId, episodeId, consentId, requestedAt, status: 'pending' }] };
    }
    case 'TransferReceived': {
      const { transferId, fromSiteId, episodeId, requested, participantId, siteId } = event.data;
      const incoming: IncomingTransfer = { transferId, fromSiteId, sourceEpisodeId: episodeId, requested, status: 'pending' };
      // A stream that begins with a transfer knows the participant by reference to the source site.
      const known = p.status === 'unknown' ? { status: 'referenced' as const, participantId, siteId } : {};
      return { ...p, ...known, incoming: [...p.incoming, incoming] };
    }
    case 'TransferAccepted':
      return updateIncoming(p, event.data.transferId, { status: 'accepted' });
    case 'TransferDeclined':
      return updateIncoming(p, event.data.transferId, { status: 'declined' });
    case 'TransferAnswerReceived':
      return updateOutgoing(p, event.data.transferId, { status: event.data.answer });
  }
};
