import type { Decider } from '@alongside/platform/event-sourcing';
import { grantConsent, revokeConsent } from './decide-consent';
import { changeLevelOfCare, discharge, enrol, readmit } from './decide-episode';
import { correctDetails, erase, register } from './decide-registration';
import {
  acceptTransfer,
  declineTransfer,
  recordTransferAnswer,
  recordTransferReceived,
  requestTransfer,
} from './decide-transfer';
import { evolveParticipant } from './participant.evolve';
import type { ParticipantCommand } from './participant.commands';
import type { ParticipantEvent } from './participant.events';
import { initialParticipant, type Participant } from './participant.state';

/**
 * A participant's record at one site: one stream, so that "one active enrolment per participant
 * per site", "a transfer needs a consent naming the receiving site" and "no discharge before
 * admission" are decided on one consistent state and appended with the version read.
 */
export const decideParticipant = (command: ParticipantCommand, p: Participant): ParticipantEvent[] => {
  switch (command.type) {
    case 'RegisterParticipant':
      return register(command, p);
    case 'CorrectParticipantDetails':
      return correctDetails(command, p);
    case 'EraseParticipant':
      return erase(command, p);
    case 'GrantConsent':
      return grantConsent(command, p);
    case 'RevokeConsent':
      return revokeConsent(command, p);
    case 'Enrol':
      return enrol(command, p);
    case 'ChangeLevelOfCare':
      return changeLevelOfCare(command, p);
    case 'Discharge':
      return discharge(command, p);
    case 'Readmit':
      return readmit(command, p);
    case 'RequestTransfer':
      return requestTransfer(command, p);
    case 'RecordTransferReceived':
      return recordTransferReceived(command, p);
    case 'AcceptTransfer':
      return acceptTransfer(command, p);
    case 'DeclineTransfer':
      return declineTransfer(command, p);
    case 'RecordTransferAnswer':
      return recordTransferAnswer(command, p);
  }
};

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, Participant> = {
  decide: decideParticipant,
  evolve: evolveParticipant,
  initialState: initialParticipant,
};
