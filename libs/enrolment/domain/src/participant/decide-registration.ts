import type { ParticipantEvent } from './participant.events';
import type { CorrectParticipantDetails, EraseParticipant, RegisterParticipant } from './participant.commands';
import { activeEpisode, type Participant } from './participant.state';
import { knownAndNotErased } from './participant.guards';
import { ErasureDuringTreatment, NoDetailsGiven, ParticipantAlreadyRegistered } from './registration.errors';
import { ReferenceCodes } from '../reference/reference-codes';

export const register = ({ data }: RegisterParticipant, p: Participant): ParticipantEvent[] => {
  if (p.status !== 'unknown') throw new ParticipantAlreadyRegistered(data.participantId);
  if (data.fields.length === 0) throw new NoDetailsGiven();
  const { version } = ReferenceCodes.of(data.referenceDataVersion);
  const { participantId, siteId } = data;
  return [
    { type: 'ParticipantRegistered', data: { participantId, siteId, registeredAt: data.now.at, referenceDataVersion: version } },
    {
      type: 'ParticipantDetailsRecorded',
      data: {
        participantId,
        siteId,
        detailsId: data.detailsId,
        because: 'registration',
        fields: [...data.fields],
        recordedAt: data.now.at,
        referenceDataVersion: version,
      },
    },
  ];
};

/** A correction is a new version of the details; the one it corrects stays in the record. */
export const correctDetails = ({ data }: CorrectParticipantDetails, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  if (data.fields.length === 0) throw new NoDetailsGiven();
  const { version } = ReferenceCodes.of(data.referenceDataVersion);
  return [
    {
      type: 'ParticipantDetailsRecorded',
      data: {
        participantId: p.participantId,
        siteId: p.siteId,
        detailsId: data.detailsId,
        because: 'correction',
        fields: [...data.fields],
        recordedAt: data.now.at,
        referenceDataVersion: version,
      },
    },
  ];
};

export const erase = ({ data }: EraseParticipant, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  if (activeEpisode(p)) throw new ErasureDuringTreatment();
  const { version } = ReferenceCodes.of(data.referenceDataVersion);
  return [{ type: 'ParticipantErased', data: { participantId: p.participantId, siteId: p.siteId, erasedAt: data.now.at, referenceDataVersion: version } }];
};
