import type { ConsentExpiry, ConsentRecipient } from '@alongside/enrolment/contracts';
import { fold } from '@alongside/platform/event-sourcing';
import type { Now } from '../calendar/now';
import type {
  AcceptTransfer,
  ChangeLevelOfCare,
  CorrectParticipantDetails,
  DeclineTransfer,
  Discharge,
  Enrol,
  EraseParticipant,
  GrantConsent,
  ParticipantCommand,
  Readmit,
  RecordTransferAnswer,
  RecordTransferReceived,
  RegisterParticipant,
  RequestTransfer,
  RevokeConsent,
  SiteTerms,
} from '../participant/participant.commands';
import { participantDecider } from '../participant/participant.decider';
import type { ParticipantEvent } from '../participant/participant.events';

/** Test data for the participant decider: north transfers Ana to south. */
export const participantId = '6f1c2b7e-3d4a-4c5b-8e9f-0a1b2c3d4e5f';
export const episodeId = '0d6e9a4b-1c2d-4e3f-9a8b-7c6d5e4f3a2b';
export const secondEpisodeId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const southEpisodeId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const transferId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
export const consentId = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
export const detailsId = '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const correctedDetailsId = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';

export const on = (today: string, time = '15:00:00.000Z'): Now => ({ at: `${today}T${time}`, today });
export const today = on('2025-03-01');
export const northTerms: SiteTerms = { programmes: ['outpatient', 'intensive-outpatient', 'residential'] };
export const southTerms: SiteTerms = { programmes: ['outpatient', 'recovery-housing'] };
const v1 = { referenceDataVersion: 1 };

export const registerAna = (data: Partial<RegisterParticipant['data']> = {}): RegisterParticipant => ({
  type: 'RegisterParticipant',
  data: { participantId, siteId: 'north', detailsId, fields: ['givenName', 'familyName', 'dateOfBirth'], now: on('2025-02-03'), ...v1, ...data },
});

export const correct = (data: Partial<CorrectParticipantDetails['data']> = {}): CorrectParticipantDetails => ({
  type: 'CorrectParticipantDetails',
  data: { detailsId: correctedDetailsId, fields: ['familyName'], now: today, ...v1, ...data },
});

export const eraseAna = (data: Partial<EraseParticipant['data']> = {}): EraseParticipant => ({
  type: 'EraseParticipant',
  data: { now: today, ...v1, ...data },
});

export const grant = (data: Partial<GrantConsent['data']> = {}): GrantConsent => ({
  type: 'GrantConsent',
  data: {
    consentId,
    recipient: { kind: 'site', siteId: 'south' } as ConsentRecipient,
    purpose: 'transfer',
    informationCategories: ['enrolment-and-attendance', 'level-of-care', 'discharge-summary'],
    expiry: { kind: 'date', on: '2025-12-31' } as ConsentExpiry,
    signedOn: '2025-02-20',
    now: on('2025-02-20'),
    ...v1,
    ...data,
  },
});

export const revoke = (data: Partial<RevokeConsent['data']> = {}): RevokeConsent => ({
  type: 'RevokeConsent',
  data: { consentId, now: today, ...v1, ...data },
});

export const enrol = (data: Partial<Enrol['data']> = {}): Enrol => ({
  type: 'Enrol',
  data: {
    episodeId,
    programme: 'residential',
    levelOfCare: '3.5',
    referralSource: 'criminal-justice',
    admittedOn: '2025-02-03',
    site: northTerms,
    now: on('2025-02-03'),
    ...v1,
    ...data,
  },
});

export const changeLevel = (data: Partial<ChangeLevelOfCare['data']> = {}): ChangeLevelOfCare => ({
  type: 'ChangeLevelOfCare',
  data: { episodeId, levelOfCare: '3.1', reason: 'clinical-improvement', changedOn: '2025-02-20', site: northTerms, now: today, ...v1, ...data },
});

export const dischargeAna = (data: Partial<Discharge['data']> = {}): Discharge => ({
  type: 'Discharge',
  data: { episodeId, reason: 'completed', dischargedOn: '2025-03-01', now: today, ...v1, ...data },
});

export const readmit = (data: Partial<Readmit['data']> = {}): Readmit => ({
  type: 'Readmit',
  data: {
    episodeId: secondEpisodeId,
    programme: 'intensive-outpatient',
    levelOfCare: '2.1',
    referralSource: 'self',
    admittedOn: '2025-06-29',
    site: northTerms,
    now: on('2025-06-29'),
    ...v1,
    ...data,
  },
});

export const requestTransfer = (data: Partial<RequestTransfer['data']> = {}): RequestTransfer => ({
  type: 'RequestTransfer',
  data: {
    transferId,
    toSiteId: 'south',
    requested: { programme: 'outpatient', levelOfCare: '1' },
    reason: 'relocation',
    respondBy: '2025-03-04T15:00:00.000Z',
    now: today,
    ...v1,
    ...data,
  },
});

/** The request as the destination hears it, from the source's decided event. */
export const receive = (request = requestedEvent(), data: Partial<RecordTransferReceived['data']> = {}): RecordTransferReceived => ({
  type: 'RecordTransferReceived',
  data: { siteId: 'south', request, receivedAt: '2025-03-01T15:00:02.000Z', ...data },
});

export const accept = (data: Partial<AcceptTransfer['data']> = {}): AcceptTransfer => ({
  type: 'AcceptTransfer',
  data: {
    transferId,
    episodeId: southEpisodeId,
    programme: 'outpatient',
    levelOfCare: '1',
    admittedOn: '2025-03-03',
    site: southTerms,
    now: on('2025-03-03'),
    ...v1,
    ...data,
  },
});

export const decline = (data: Partial<DeclineTransfer['data']> = {}): DeclineTransfer => ({
  type: 'DeclineTransfer',
  data: { transferId, reason: 'no-capacity', now: on('2025-03-02'), ...v1, ...data },
});

export const answerAccepted = (data: Partial<RecordTransferAnswer['data']> = {}): RecordTransferAnswer => ({
  type: 'RecordTransferAnswer',
  data: {
    transferId,
    answer: { kind: 'accepted', answeredAt: '2025-03-03T15:00:00.000Z', destinationEpisodeId: southEpisodeId, admittedOn: '2025-03-03' },
    receivedAt: '2025-03-03T15:00:01.000Z',
    ...v1,
    ...data,
  },
});

export const answerDeclined = (data: Partial<RecordTransferAnswer['data']> = {}): RecordTransferAnswer => ({
  type: 'RecordTransferAnswer',
  data: {
    transferId,
    answer: { kind: 'declined', answeredAt: '2025-03-02T15:00:00.000Z', reason: 'no-capacity' },
    receivedAt: '2025-03-02T15:00:01.000Z',
    ...v1,
    ...data,
  },
});

/** The events a sequence of commands decides, each on the state the previous ones left. */
export const history = (...commands: ParticipantCommand[]): ParticipantEvent[] =>
  commands.reduce<ParticipantEvent[]>(
    (events, command) => [...events, ...participantDecider.decide(command, fold(participantDecider, events))],
    [],
  );

export const requestedEvent = () => {
  const [event] = history(registerAna(), enrol(), grant(), requestTransfer()).slice(-1);
  if (event.type !== 'TransferRequested') throw new Error('expected a TransferRequested');
  return event.data;
};
