import { latestOf } from '../calendar/calendar-day';
import { assertNotInTheFuture } from '../calendar/calendar-guards';
import { ReferenceCodes } from '../reference/reference-codes';
import { isConsentActive } from './consent-activity';
import { consentsEndedBy } from './consent-endings';
import { dischargeEvents, noActiveEpisode, unusedEpisodeId } from './decide-episode';
import type {
  AcceptTransfer,
  DeclineTransfer,
  RecordTransferAnswer,
  RecordTransferReceived,
  RequestTransfer,
} from './participant.commands';
import type { ParticipantEvent } from './participant.events';
import { known, knownAndNotErased, offeredHere } from './participant.guards';
import { activeEpisode, type Participant } from './participant.state';
import {
  NoTransferConsent,
  NotInTreatment,
  RespondByNotAfterRequest,
  TransferAlreadyAnswered,
  TransferAlreadyPending,
  TransferAlreadyRecorded,
  TransferForAnotherSite,
  TransferNotFound,
  TransferToSameSite,
} from './transfer.errors';

/** At the source: needs an active episode and an active consent naming the receiving site. */
export const requestTransfer = ({ data }: RequestTransfer, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  const episode = activeEpisode(p);
  if (!episode) throw new NotInTreatment();
  if (data.toSiteId === p.siteId) throw new TransferToSameSite();
  if (p.outgoing.some((t) => t.transferId === data.transferId)) throw new TransferAlreadyRecorded(data.transferId);
  const pending = p.outgoing.find((t) => t.status === 'pending');
  if (pending) throw new TransferAlreadyPending(pending.transferId);
  const requested = { programme: codes.programme(data.requested.programme), levelOfCare: codes.levelOfCare(data.requested.levelOfCare) };
  const reason = codes.transferReason(data.reason);
  if (Date.parse(data.respondBy) <= Date.parse(data.now.at)) throw new RespondByNotAfterRequest();
  // The most recently granted of the consents that allow it: the one the participant signed last.
  const consent = p.consents
    .filter(
      (c) =>
        c.purpose === 'transfer' &&
        c.recipient.kind === 'site' &&
        c.recipient.siteId === data.toSiteId &&
        isConsentActive(c, data.now.today),
    )
    .at(-1);
  if (!consent) throw new NoTransferConsent(data.toSiteId);
  return [
    {
      type: 'TransferRequested',
      data: {
        transferId: data.transferId,
        participantId: p.participantId,
        siteId: p.siteId,
        fromSiteId: p.siteId,
        toSiteId: data.toSiteId,
        episodeId: episode.episodeId,
        consentId: consent.consentId,
        requested,
        reason,
        requestedAt: data.now.at,
        respondBy: data.respondBy,
        history: { siteId: p.siteId, participantId: p.participantId },
        referenceDataVersion: codes.version,
      },
    },
  ];
};

/** At the destination: what was heard is recorded once, however often it is heard. */
export const recordTransferReceived = ({ data }: RecordTransferReceived, p: Participant): ParticipantEvent[] => {
  const { request } = data;
  if (request.toSiteId !== data.siteId) throw new TransferForAnotherSite(request.toSiteId, data.siteId);
  if (p.incoming.some((t) => t.transferId === request.transferId)) return [];
  return [{ type: 'TransferReceived', data: { ...request, siteId: data.siteId, receivedAt: data.receivedAt } }];
};

const pendingIncoming = (p: Participant, transferId: string) => {
  const transfer = p.incoming.find((t) => t.transferId === transferId);
  if (!transfer) throw new TransferNotFound(transferId);
  if (transfer.status !== 'pending') throw new TransferAlreadyAnswered(transferId, transfer.status);
  return transfer;
};

/** At the destination: a new episode here, its origin referenced (the history stays at the source). */
export const acceptTransfer = ({ data }: AcceptTransfer, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  const transfer = pendingIncoming(p, data.transferId);
  noActiveEpisode(p);
  unusedEpisodeId(p, data.episodeId);
  const programme = offeredHere(data.site, codes.programme(data.programme));
  const levelOfCare = codes.levelOfCare(data.levelOfCare);
  assertNotInTheFuture('admission date', data.admittedOn, data.now);
  const parties = { transferId: transfer.transferId, participantId: p.participantId, siteId: p.siteId, fromSiteId: transfer.fromSiteId, toSiteId: p.siteId };
  return [
    {
      type: 'TransferAccepted',
      data: { ...parties, episodeId: data.episodeId, programme, levelOfCare, admittedOn: data.admittedOn, acceptedAt: data.now.at, referenceDataVersion: codes.version },
    },
    {
      type: 'Enrolled',
      data: {
        episodeId: data.episodeId,
        participantId: p.participantId,
        siteId: p.siteId,
        programme,
        levelOfCare,
        referralSource: 'treatment-provider',
        admittedOn: data.admittedOn,
        enrolledAt: data.now.at,
        transferredFrom: {
          transferId: transfer.transferId,
          siteId: transfer.fromSiteId,
          participantId: p.participantId,
          episodeId: transfer.sourceEpisodeId,
        },
        referenceDataVersion: codes.version,
      },
    },
  ];
};

export const declineTransfer = ({ data }: DeclineTransfer, state: Participant): ParticipantEvent[] => {
  const p = known(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  const transfer = pendingIncoming(p, data.transferId);
  return [
    {
      type: 'TransferDeclined',
      data: {
        transferId: transfer.transferId,
        participantId: p.participantId,
        siteId: p.siteId,
        fromSiteId: transfer.fromSiteId,
        toSiteId: p.siteId,
        reason: codes.transferDeclineReason(data.reason),
        declinedAt: data.now.at,
        referenceDataVersion: codes.version,
      },
    },
  ];
};

/**
 * At the source, hearing the destination's answer. Recording what the destination decided is never
 * refused, and hearing it twice changes nothing. On acceptance the source episode closes as
 * "transferred" — unless it was already closed here in the meantime.
 */
export const recordTransferAnswer = ({ data }: RecordTransferAnswer, state: Participant): ParticipantEvent[] => {
  const p = known(state);
  const { version } = ReferenceCodes.of(data.referenceDataVersion);
  const transfer = p.outgoing.find((t) => t.transferId === data.transferId);
  if (!transfer) throw new TransferNotFound(data.transferId);
  if (transfer.status !== 'pending') return [];
  const { answer } = data;
  const received: ParticipantEvent = {
    type: 'TransferAnswerReceived',
    data: {
      transferId: transfer.transferId,
      participantId: p.participantId,
      siteId: p.siteId,
      fromSiteId: p.siteId,
      toSiteId: transfer.toSiteId,
      answer: answer.kind,
      answeredAt: answer.answeredAt,
      destinationEpisodeId: answer.kind === 'accepted' ? answer.destinationEpisodeId : null,
      admittedOn: answer.kind === 'accepted' ? answer.admittedOn : null,
      declineReason: answer.kind === 'declined' ? ReferenceCodes.of(data.referenceDataVersion).transferDeclineReason(answer.reason) : null,
      receivedAt: data.receivedAt,
      referenceDataVersion: version,
    },
  };
  if (answer.kind === 'declined') return [received];
  const episode = p.episodes.find((e) => e.episodeId === transfer.episodeId);
  if (!episode || episode.discharge) return [received, ...consentsEndedBy(p, 'transfer-completed', answer.admittedOn, version)];
  // The source episode ends the day the destination admits, never before its own last record.
  const on = latestOf(answer.admittedOn, episode.lastDatedOn);
  return [
    received,
    ...dischargeEvents(p, episode, { reason: 'transferred', on, at: data.receivedAt, transferId: transfer.transferId }, version),
    ...consentsEndedBy(p, 'transfer-completed', on, version),
  ];
};
