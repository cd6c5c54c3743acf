import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { UnknownReferenceDataVersion } from '../reference/reference.errors';
import {
  correct,
  correctedDetailsId,
  detailsId,
  dischargeAna,
  enrol,
  eraseAna,
  grant,
  history,
  participantId,
  registerAna,
  revoke,
  today,
} from '../testing/participant-fixtures';
import { participantDecider } from './participant.decider';
import {
  ErasureDuringTreatment,
  NoDetailsGiven,
  ParticipantAlreadyRegistered,
  ParticipantNotFound,
  ParticipantWasErased,
} from './registration.errors';

const given = DeciderSpecification.for(participantDecider);

describe('Participant registration', () => {
  describe('when the person is new here', () => {
    it('registers them without personal data, and records which details were sealed', () =>
      given([]).when(registerAna()).then([
        { type: 'ParticipantRegistered', data: { participantId, siteId: 'north', registeredAt: '2025-02-03T15:00:00.000Z', referenceDataVersion: 1 } },
        {
          type: 'ParticipantDetailsRecorded',
          data: {
            participantId,
            siteId: 'north',
            detailsId,
            because: 'registration',
            fields: ['givenName', 'familyName', 'dateOfBirth'],
            recordedAt: '2025-02-03T15:00:00.000Z',
            referenceDataVersion: 1,
          },
        },
      ]));

    it('refuses a registration without any detail', () => given([]).when(registerAna({ fields: [] })).thenThrows(NoDetailsGiven));

    it('refuses a reference-data version that does not exist', () =>
      given([]).when(registerAna({ referenceDataVersion: 0 })).thenThrows(UnknownReferenceDataVersion));

    it('cannot correct, erase or consent for someone who is not registered', () => {
      given([]).when(correct()).thenThrows(ParticipantNotFound);
      given([]).when(eraseAna()).thenThrows(ParticipantNotFound);
      given([]).when(grant()).thenThrows(ParticipantNotFound);
      given([]).when(enrol()).thenThrows(ParticipantNotFound);
    });
  });

  describe('when the person is registered', () => {
    it('refuses a second registration of the same participant', () =>
      given(history(registerAna())).when(registerAna()).thenThrows(ParticipantAlreadyRegistered));

    it('records a correction as a new version of the details, naming the corrected fields', () =>
      given(history(registerAna())).when(correct()).then([
        {
          type: 'ParticipantDetailsRecorded',
          data: {
            participantId,
            siteId: 'north',
            detailsId: correctedDetailsId,
            because: 'correction',
            fields: ['familyName'],
            recordedAt: today.at,
            referenceDataVersion: 1,
          },
        },
      ]));

    it('refuses a correction that corrects nothing', () =>
      given(history(registerAna())).when(correct({ fields: [] })).thenThrows(NoDetailsGiven));

    it('erases the personal details when not in treatment', () =>
      given(history(registerAna())).when(eraseAna()).then([
        { type: 'ParticipantErased', data: { participantId, siteId: 'north', erasedAt: today.at, referenceDataVersion: 1 } },
      ]));

    it('refuses to erase while the participant is in treatment here', () =>
      given(history(registerAna(), enrol())).when(eraseAna()).thenThrows(ErasureDuringTreatment));

    it('erases after the discharge', () =>
      given(history(registerAna(), enrol(), dischargeAna())).when(eraseAna()).then([
        { type: 'ParticipantErased', data: { participantId, siteId: 'north', erasedAt: today.at, referenceDataVersion: 1 } },
      ]));
  });

  describe('when the person was erased', () => {
    const erased = history(registerAna(), grant(), eraseAna());

    it('refuses new details, a second erasure, consents and enrolments', () => {
      given(erased).when(correct()).thenThrows(ParticipantWasErased);
      given(erased).when(eraseAna()).thenThrows(ParticipantWasErased);
      given(erased).when(grant({ consentId: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e' })).thenThrows(ParticipantWasErased);
      given(erased).when(enrol()).thenThrows(ParticipantWasErased);
    });

    it('still lets a consent be revoked: revoking only narrows what may be disclosed', () =>
      expect(given(erased).when(revoke()).events().map((e) => e.type)).toEqual(['ConsentRevoked']));
  });
});
