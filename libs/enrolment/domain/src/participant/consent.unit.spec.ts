import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { DateInTheFuture, NotACalendarDay } from '../calendar/calendar.errors';
import { UnknownCode } from '../reference/reference.errors';
import {
  answerAccepted,
  consentId,
  dischargeAna,
  enrol,
  grant,
  history,
  on,
  participantId,
  registerAna,
  requestTransfer,
  revoke,
  today,
} from '../testing/participant-fixtures';
import {
  ConsentAlreadyRecorded,
  ConsentExpiresBeforeSignature,
  ConsentExpiresBeforeToday,
  ConsentNotActive,
  ConsentNotFound,
  ConsentRecipientDoesNotFitPurpose,
  NoInformationToDisclose,
} from './consent.errors';
import { participantDecider } from './participant.decider';

const given = DeciderSpecification.for(participantDecider);
const registered = history(registerAna());
const peerSupportConsentId = '7a8b9c0d-1e2f-4a3b-94c5-d6e7f8a9b0c1';
const peerSupport = grant({
  consentId: peerSupportConsentId,
  purpose: 'peer-support',
  recipient: { kind: 'peer-support', siteId: 'north' },
  informationCategories: ['enrolment-and-attendance'],
  expiry: { kind: 'event', event: 'discharge' },
});

describe('Consent (42 CFR Part 2)', () => {
  describe('when granted', () => {
    it('records recipient, purpose, information, expiry and signature date', () =>
      given(registered).when(grant()).then([
        {
          type: 'ConsentGranted',
          data: {
            consentId,
            participantId,
            siteId: 'north',
            recipient: { kind: 'site', siteId: 'south' },
            purpose: 'transfer',
            informationCategories: ['enrolment-and-attendance', 'level-of-care', 'discharge-summary'],
            expiry: { kind: 'date', on: '2025-12-31' },
            signedOn: '2025-02-20',
            grantedAt: '2025-02-20T15:00:00.000Z',
            referenceDataVersion: 1,
          },
        },
      ]));

    it('records a consent that expires on an event', () =>
      expect(given(registered).when(peerSupport).events()[0].data).toMatchObject({ expiry: { kind: 'event', event: 'discharge' } }));

    it('refuses a signature dated after today', () =>
      given(registered).when(grant({ signedOn: '2025-02-21' })).thenThrows(DateInTheFuture));

    it('refuses a signature date that is not a calendar day', () =>
      given(registered).when(grant({ signedOn: '2025-02-30' })).thenThrows(NotACalendarDay));

    it('refuses a consent that would already have expired', () =>
      given(registered).when(grant({ expiry: { kind: 'date', on: '2025-02-19' }, signedOn: '2025-02-01' })).thenThrows(ConsentExpiresBeforeToday));

    it('refuses a consent that expires before it was signed', () =>
      given(registered).when(grant({ expiry: { kind: 'date', on: '2025-02-20' }, signedOn: '2025-02-21', now: on('2025-02-21') })).thenThrows(ConsentExpiresBeforeSignature));

    it('refuses a consent naming no information', () =>
      given(registered).when(grant({ informationCategories: [] })).thenThrows(NoInformationToDisclose));

    it('refuses an expiry day that is not a calendar day', () =>
      given(registered).when(grant({ expiry: { kind: 'date', on: '2025-13-01' } })).thenThrows(NotACalendarDay));

    it('refuses an unknown purpose or category of information', () => {
      given(registered).when(grant({ purpose: 'marketing' })).thenThrows(UnknownCode);
      given(registered).when(grant({ informationCategories: ['everything'] })).thenThrows(UnknownCode);
    });

    it('refuses a second consent with the same id', () =>
      given(history(registerAna(), grant())).when(grant()).thenThrows(ConsentAlreadyRecorded));

    it('needs a transfer consent to name the receiving site', () =>
      given(registered).when(grant({ recipient: { kind: 'organisation', organisationName: 'County Court' } })).thenThrows(ConsentRecipientDoesNotFitPurpose));

    it('needs peer-support contact to have a consent of its own', () => {
      given(registered).when(grant({ purpose: 'treatment', recipient: { kind: 'peer-support', siteId: 'north' } })).thenThrows(ConsentRecipientDoesNotFitPurpose);
      given(registered).when(grant({ purpose: 'peer-support', recipient: { kind: 'site', siteId: 'south' } })).thenThrows(ConsentRecipientDoesNotFitPurpose);
    });

    it('refuses a consent to disclose to this very site', () =>
      given(registered).when(grant({ recipient: { kind: 'site', siteId: 'north' } })).thenThrows(ConsentRecipientDoesNotFitPurpose));
  });

  describe('when revoked', () => {
    const granted = history(registerAna(), grant());

    it('records the revocation with its purpose and recipient (no disclosure from then on)', () =>
      given(granted).when(revoke()).then([
        {
          type: 'ConsentRevoked',
          data: {
            consentId,
            participantId,
            siteId: 'north',
            purpose: 'transfer',
            recipient: { kind: 'site', siteId: 'south' },
            revokedAt: today.at,
            referenceDataVersion: 1,
          },
        },
      ]));

    it('refuses to revoke a consent that does not exist', () =>
      given(granted).when(revoke({ consentId: peerSupportConsentId })).thenThrows(ConsentNotFound));

    it('refuses to revoke twice', () => given(history(registerAna(), grant(), revoke())).when(revoke()).thenThrows(ConsentNotActive));

    it('refuses to revoke a consent past its expiry day', () =>
      given(granted).when(revoke({ now: on('2026-01-01') })).thenThrows(ConsentNotActive));

    it('still revokes on the expiry day itself (active up to and including it)', () =>
      expect(given(granted).when(revoke({ now: on('2025-12-31') })).events()).toHaveLength(1));
  });

  describe('when its expiry event happens', () => {
    it('ends with the discharge it named', () => {
      const events = given(history(registerAna(), peerSupport, enrol())).when(dischargeAna()).events();
      expect(events.map((e) => e.type)).toEqual(['Discharged', 'ConsentEnded']);
      expect(events[1].data).toMatchObject({ consentId: peerSupportConsentId, because: 'discharge', endedOn: '2025-03-01' });
    });

    it('can no longer be revoked once ended', () =>
      given(history(registerAna(), peerSupport, enrol(), dischargeAna())).when(revoke({ consentId: peerSupportConsentId })).thenThrows(ConsentNotActive));

    it('ends with the completed transfer it named', () => {
      const transferOnly = grant({ expiry: { kind: 'event', event: 'transfer-completed' } });
      const events = given(history(registerAna(), enrol(), transferOnly, requestTransfer())).when(answerAccepted()).events();
      expect(events.map((e) => e.type)).toEqual(['TransferAnswerReceived', 'Discharged', 'ConsentEnded']);
      expect(events[2].data).toMatchObject({ consentId, because: 'transfer-completed' });
    });
  });
});
