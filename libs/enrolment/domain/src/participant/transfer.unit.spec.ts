import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { DateInTheFuture } from '../calendar/calendar.errors';
import { UnknownCode } from '../reference/reference.errors';
import {
  accept,
  answerAccepted,
  answerDeclined,
  changeLevel,
  consentId,
  decline,
  dischargeAna,
  enrol,
  episodeId,
  grant,
  history,
  on,
  participantId,
  receive,
  registerAna,
  requestedEvent,
  requestTransfer,
  revoke,
  southEpisodeId,
  today,
  transferId,
} from '../testing/participant-fixtures';
import { AlreadyInTreatment, ProgrammeNotOffered } from './episode.errors';
import { participantDecider } from './participant.decider';
import { ParticipantNotFound } from './registration.errors';
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

const given = DeciderSpecification.for(participantDecider);
const consented = history(registerAna(), enrol(), grant());
const requested = history(registerAna(), enrol(), grant(), requestTransfer());
const otherTransfer = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';

describe('Transfer between sites', () => {
  describe('at the source, when requesting', () => {
    it('asks the destination, citing the consent and referencing the history (not copying it)', () =>
      given(consented).when(requestTransfer()).then([
        {
          type: 'TransferRequested',
          data: {
            transferId,
            participantId,
            siteId: 'north',
            fromSiteId: 'north',
            toSiteId: 'south',
            episodeId,
            consentId,
            requested: { programme: 'outpatient', levelOfCare: '1' },
            reason: 'relocation',
            requestedAt: today.at,
            respondBy: '2025-03-04T15:00:00.000Z',
            history: { siteId: 'north', participantId },
            referenceDataVersion: 1,
          },
        },
      ]));

    it('refuses without a consent naming the receiving site for a transfer', () =>
      given(history(registerAna(), enrol())).when(requestTransfer()).thenThrows(NoTransferConsent));

    it('refuses when the consent names another site', () =>
      given(consented).when(requestTransfer({ toSiteId: 'east' })).thenThrows(NoTransferConsent));

    it('refuses when the consent was revoked', () =>
      given(history(registerAna(), enrol(), grant(), revoke())).when(requestTransfer()).thenThrows(NoTransferConsent));

    it('refuses when the consent expired', () =>
      given(consented).when(requestTransfer({ now: on('2026-01-01'), respondBy: '2026-01-04T00:00:00.000Z' })).thenThrows(NoTransferConsent));

    it('refuses under a consent for another purpose, even naming the site', () => {
      const careCoordination = grant({ purpose: 'care-coordination' });
      given(history(registerAna(), enrol(), careCoordination)).when(requestTransfer()).thenThrows(NoTransferConsent);
    });

    it('refuses a participant who is not in treatment here', () =>
      given(history(registerAna(), grant())).when(requestTransfer()).thenThrows(NotInTreatment));

    it('refuses a transfer to the same site', () =>
      given(consented).when(requestTransfer({ toSiteId: 'north' })).thenThrows(TransferToSameSite));

    it('refuses a second request while one waits for an answer', () =>
      given(requested).when(requestTransfer({ transferId: otherTransfer })).thenThrows(TransferAlreadyPending));

    it('refuses to reuse a transfer id', () =>
      given(history(registerAna(), enrol(), grant(), requestTransfer(), answerDeclined())).when(requestTransfer()).thenThrows(TransferAlreadyRecorded));

    it('may ask again after a decline', () =>
      expect(given(history(registerAna(), enrol(), grant(), requestTransfer(), answerDeclined())).when(requestTransfer({ transferId: otherTransfer })).events()).toHaveLength(1));

    it('refuses an answer time that is not after the request', () =>
      given(consented).when(requestTransfer({ respondBy: today.at })).thenThrows(RespondByNotAfterRequest));

    it('refuses an unknown placement or reason', () => {
      given(consented).when(requestTransfer({ requested: { programme: 'outpatient', levelOfCare: '7' } })).thenThrows(UnknownCode);
      given(consented).when(requestTransfer({ reason: 'weather' })).thenThrows(UnknownCode);
    });
  });

  describe('at the destination, when the request is heard', () => {
    it('records it in the incoming queue; the participant is known here by reference', () => {
      const request = requestedEvent();
      given([]).when(receive(request)).then([
        { type: 'TransferReceived', data: { ...request, siteId: 'south', receivedAt: '2025-03-01T15:00:02.000Z' } },
      ]);
      const state = fold(participantDecider, history(receive(request)));
      expect(state).toMatchObject({ status: 'referenced', participantId, siteId: 'south' });
    });

    it('records nothing when the same request is heard again', () =>
      given(history(receive())).when(receive()).then([]));

    it('refuses a request addressed to another site', () =>
      given([]).when(receive(requestedEvent(), { siteId: 'east' })).thenThrows(TransferForAnotherSite));
  });

  describe('at the destination, when answering', () => {
    const received = history(receive());

    it('accepts with a new enrolment here, its origin referenced', () =>
      given(received).when(accept()).then([
        {
          type: 'TransferAccepted',
          data: {
            transferId,
            participantId,
            siteId: 'south',
            fromSiteId: 'north',
            toSiteId: 'south',
            episodeId: southEpisodeId,
            programme: 'outpatient',
            levelOfCare: '1',
            admittedOn: '2025-03-03',
            acceptedAt: '2025-03-03T15:00:00.000Z',
            referenceDataVersion: 1,
          },
        },
        {
          type: 'Enrolled',
          data: {
            episodeId: southEpisodeId,
            participantId,
            siteId: 'south',
            programme: 'outpatient',
            levelOfCare: '1',
            referralSource: 'treatment-provider',
            admittedOn: '2025-03-03',
            enrolledAt: '2025-03-03T15:00:00.000Z',
            transferredFrom: { transferId, siteId: 'north', participantId, episodeId },
            referenceDataVersion: 1,
          },
        },
      ]));

    it('declines with a reason', () =>
      given(received).when(decline()).then([
        {
          type: 'TransferDeclined',
          data: {
            transferId,
            participantId,
            siteId: 'south',
            fromSiteId: 'north',
            toSiteId: 'south',
            reason: 'no-capacity',
            declinedAt: '2025-03-02T15:00:00.000Z',
            referenceDataVersion: 1,
          },
        },
      ]));

    it('refuses to answer twice', () => {
      given(history(receive(), accept())).when(decline()).thenThrows(TransferAlreadyAnswered);
      given(history(receive(), decline())).when(accept()).thenThrows(TransferAlreadyAnswered);
    });

    it('refuses to answer a transfer it never heard of', () => {
      given([]).when(accept()).thenThrows(ParticipantNotFound);
      given(received).when(accept({ transferId: otherTransfer })).thenThrows(TransferNotFound);
      given(received).when(decline({ transferId: otherTransfer })).thenThrows(TransferNotFound);
    });

    it('refuses a programme the destination does not offer', () =>
      given(received).when(accept({ programme: 'residential' })).thenThrows(ProgrammeNotOffered));

    it('refuses an admission dated in the future', () =>
      given(received).when(accept({ admittedOn: '2025-03-04' })).thenThrows(DateInTheFuture));

    it('refuses an unknown decline reason', () => given(received).when(decline({ reason: 'meh' })).thenThrows(UnknownCode));

    it('keeps one active enrolment per site: refuses while the participant is already in treatment here', () => {
      const back = history(receive(), accept(), receive({ ...requestedEvent(), transferId: otherTransfer }));
      given(back).when(accept({ transferId: otherTransfer, episodeId: '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e' })).thenThrows(AlreadyInTreatment);
    });
  });

  describe('at the source, when the answer is heard', () => {
    it('on acceptance, closes the source episode as transferred, the day the destination admitted', () =>
      given(requested).when(answerAccepted()).then([
        {
          type: 'TransferAnswerReceived',
          data: {
            transferId,
            participantId,
            siteId: 'north',
            fromSiteId: 'north',
            toSiteId: 'south',
            answer: 'accepted',
            answeredAt: '2025-03-03T15:00:00.000Z',
            destinationEpisodeId: southEpisodeId,
            admittedOn: '2025-03-03',
            declineReason: null,
            receivedAt: '2025-03-03T15:00:01.000Z',
            referenceDataVersion: 1,
          },
        },
        {
          type: 'Discharged',
          data: {
            episodeId,
            participantId,
            siteId: 'north',
            reason: 'transferred',
            admittedOn: '2025-02-03',
            dischargedOn: '2025-03-03',
            lengthOfStayDays: 28,
            programme: 'residential',
            levelOfCare: '3.5',
            transferId,
            dischargedAt: '2025-03-03T15:00:01.000Z',
            referenceDataVersion: 1,
          },
        },
      ]));

    it('on decline, leaves the source episode open', () => {
      const events = given(requested).when(answerDeclined()).events();
      expect(events.map((e) => e.type)).toEqual(['TransferAnswerReceived']);
      expect(events[0].data).toMatchObject({ answer: 'declined', declineReason: 'no-capacity', destinationEpisodeId: null });
      const state = fold(participantDecider, [...requested, ...events]);
      expect(state.episodes[0].discharge).toBeNull();
    });

    it('records nothing when the same answer is heard again (duplicate message)', () => {
      given(history(registerAna(), enrol(), grant(), requestTransfer(), answerAccepted())).when(answerAccepted()).then([]);
      given(history(registerAna(), enrol(), grant(), requestTransfer(), answerDeclined())).when(answerDeclined()).then([]);
    });

    it('never dates the discharge before the last record of the source episode', () => {
      const late = history(registerAna(), enrol(), grant(), changeLevel({ changedOn: '2025-03-01' }), requestTransfer());
      const answer = answerAccepted({ answer: { kind: 'accepted', answeredAt: '2025-03-03T15:00:00.000Z', destinationEpisodeId: southEpisodeId, admittedOn: '2025-02-28' } });
      expect(given(late).when(answer).events()[1].data).toMatchObject({ dischargedOn: '2025-03-01' });
    });

    it('only records the answer when the episode was already closed here', () => {
      const closedMeanwhile = [...requested, ...given(requested).when(dischargeAna()).events()];
      expect(given(closedMeanwhile).when(answerAccepted()).events().map((e) => e.type)).toEqual(['TransferAnswerReceived']);
    });

    it('refuses an answer to a transfer this site never requested (it goes to the dead-letter topic)', () =>
      given(consented).when(answerAccepted()).thenThrows(TransferNotFound));
  });
});
