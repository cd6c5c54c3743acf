import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { DateInTheFuture } from '../calendar/calendar.errors';
import { UnknownCode } from '../reference/reference.errors';
import {
  changeLevel,
  dischargeAna,
  enrol,
  episodeId,
  history,
  on,
  participantId,
  readmit,
  registerAna,
  secondEpisodeId,
  today,
} from '../testing/participant-fixtures';
import {
  AlreadyInTreatment,
  DatedBeforeLastChange,
  DischargeBeforeAdmission,
  EpisodeAlreadyRecorded,
  EpisodeNotActive,
  EpisodeNotFound,
  NeverAdmittedHere,
  NoChangeOfCare,
  ParticipantDeceased,
  ProgrammeNotOffered,
  ReadmissionBeforeDischarge,
  ReadmissionRequired,
  SiteNotConfigured,
} from './episode.errors';
import { participantDecider } from './participant.decider';

const given = DeciderSpecification.for(participantDecider);
const registered = history(registerAna());
const enrolled = history(registerAna(), enrol());
const discharged = history(registerAna(), enrol(), dischargeAna());
const otherEpisode = '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e';

describe('Enrolment', () => {
  describe('when enrolling a registered participant', () => {
    it('admits them to a programme at an ASAM level, with the referral source', () =>
      given(registered).when(enrol()).then([
        {
          type: 'Enrolled',
          data: {
            episodeId,
            participantId,
            siteId: 'north',
            programme: 'residential',
            levelOfCare: '3.5',
            referralSource: 'criminal-justice',
            admittedOn: '2025-02-03',
            enrolledAt: '2025-02-03T15:00:00.000Z',
            transferredFrom: null,
            referenceDataVersion: 1,
          },
        },
      ]));

    it('accepts an admission dated today or earlier', () =>
      expect(given(registered).when(enrol({ admittedOn: '2025-01-15' })).events()).toHaveLength(1));

    it('refuses an admission dated after today at the site', () =>
      given(registered).when(enrol({ admittedOn: '2025-02-04' })).thenThrows(DateInTheFuture));

    it('refuses a programme the site does not offer', () =>
      given(registered).when(enrol({ programme: 'recovery-housing' })).thenThrows(ProgrammeNotOffered));

    it('refuses to enrol at a site that is not configured', () =>
      given(registered).when(enrol({ site: null })).thenThrows(SiteNotConfigured));

    it('refuses a level of care, programme or referral source the reference data does not know', () => {
      given(registered).when(enrol({ levelOfCare: '3.9' })).thenThrows(UnknownCode);
      given(registered).when(enrol({ programme: 'spa' })).thenThrows(UnknownCode);
      given(registered).when(enrol({ referralSource: 'billboard' })).thenThrows(UnknownCode);
    });

    it('refuses a second active enrolment at the same site', () =>
      given(enrolled).when(enrol({ episodeId: otherEpisode })).thenThrows(AlreadyInTreatment));

    it('sends a returning participant to readmission, so the episodes are linked', () =>
      given(discharged).when(enrol({ episodeId: otherEpisode, admittedOn: '2025-03-01', now: today })).thenThrows(ReadmissionRequired));
  });

  describe('when the level of care changes', () => {
    it('records from and to, the reason and the day', () =>
      given(enrolled).when(changeLevel()).then([
        {
          type: 'LevelOfCareChanged',
          data: {
            episodeId,
            participantId,
            siteId: 'north',
            fromLevel: '3.5',
            toLevel: '3.1',
            fromProgramme: 'residential',
            toProgramme: 'residential',
            reason: 'clinical-improvement',
            changedOn: '2025-02-20',
            changedAt: today.at,
            referenceDataVersion: 1,
          },
        },
      ]));

    it('can move the participant to another programme with the level', () =>
      expect(given(enrolled).when(changeLevel({ levelOfCare: '2.1', programme: 'intensive-outpatient' })).events()[0].data).toMatchObject({
        fromProgramme: 'residential',
        toProgramme: 'intensive-outpatient',
        toLevel: '2.1',
      }));

    it('refuses a change to the same level in the same programme', () =>
      given(enrolled).when(changeLevel({ levelOfCare: '3.5' })).thenThrows(NoChangeOfCare));

    it('refuses a move to a programme the site does not offer', () =>
      given(enrolled).when(changeLevel({ programme: 'aftercare' })).thenThrows(ProgrammeNotOffered));

    it('refuses an unknown reason', () => given(enrolled).when(changeLevel({ reason: 'whim' })).thenThrows(UnknownCode));

    it('refuses a change dated before the admission or the last change', () => {
      given(enrolled).when(changeLevel({ changedOn: '2025-02-02' })).thenThrows(DatedBeforeLastChange);
      given(history(registerAna(), enrol(), changeLevel())).when(changeLevel({ levelOfCare: '2.5', changedOn: '2025-02-19' })).thenThrows(DatedBeforeLastChange);
    });

    it('refuses a change dated in the future', () =>
      given(enrolled).when(changeLevel({ changedOn: '2025-03-02' })).thenThrows(DateInTheFuture));

    it('refuses a change on an unknown or ended episode', () => {
      given(enrolled).when(changeLevel({ episodeId: otherEpisode })).thenThrows(EpisodeNotFound);
      given(discharged).when(changeLevel({ changedOn: '2025-03-01' })).thenThrows(EpisodeNotActive);
    });
  });

  describe('when discharged', () => {
    it('records the TEDS reason, the day and the length of stay', () =>
      given(enrolled).when(dischargeAna()).then([
        {
          type: 'Discharged',
          data: {
            episodeId,
            participantId,
            siteId: 'north',
            reason: 'completed',
            admittedOn: '2025-02-03',
            dischargedOn: '2025-03-01',
            lengthOfStayDays: 26,
            programme: 'residential',
            levelOfCare: '3.5',
            transferId: null,
            dischargedAt: today.at,
            referenceDataVersion: 1,
          },
        },
      ]));

    it('records the level of care the participant was at when discharged', () =>
      expect(given(history(registerAna(), enrol(), changeLevel())).when(dischargeAna()).events()[0].data).toMatchObject({ levelOfCare: '3.1' }));

    it('allows a discharge the day of admission', () =>
      expect(given(enrolled).when(dischargeAna({ dischargedOn: '2025-02-03' })).events()[0].data).toMatchObject({ lengthOfStayDays: 0 }));

    it('refuses a discharge before the admission', () =>
      given(enrolled).when(dischargeAna({ dischargedOn: '2025-02-02' })).thenThrows(DischargeBeforeAdmission));

    it('refuses a discharge before the last change of level', () =>
      given(history(registerAna(), enrol(), changeLevel())).when(dischargeAna({ dischargedOn: '2025-02-19' })).thenThrows(DatedBeforeLastChange));

    it('refuses a discharge dated in the future', () =>
      given(enrolled).when(dischargeAna({ dischargedOn: '2025-03-02' })).thenThrows(DateInTheFuture));

    it('refuses an unknown TEDS reason', () => given(enrolled).when(dischargeAna({ reason: 'bored' })).thenThrows(UnknownCode));

    it('refuses a second discharge of the same episode', () => given(discharged).when(dischargeAna()).thenThrows(EpisodeNotActive));

    it('refuses to discharge someone never admitted', () => given(registered).when(dischargeAna()).thenThrows(EpisodeNotFound));
  });

  describe('when readmitted', () => {
    it('opens a new episode linked to the previous one', () =>
      given(discharged).when(readmit()).then([
        {
          type: 'Readmitted',
          data: {
            episodeId: secondEpisodeId,
            previousEpisodeId: episodeId,
            participantId,
            siteId: 'north',
            programme: 'intensive-outpatient',
            levelOfCare: '2.1',
            referralSource: 'self',
            admittedOn: '2025-06-29',
            daysSincePreviousDischarge: 120,
            readmittedAt: '2025-06-29T15:00:00.000Z',
            referenceDataVersion: 1,
          },
        },
      ]));

    it('may readmit the day of the discharge', () =>
      expect(given(discharged).when(readmit({ admittedOn: '2025-03-01', now: today })).events()[0].data).toMatchObject({ daysSincePreviousDischarge: 0 }));

    it('refuses a readmission before the previous discharge', () =>
      given(discharged).when(readmit({ admittedOn: '2025-02-28', now: today })).thenThrows(ReadmissionBeforeDischarge));

    it('refuses a readmission dated in the future', () =>
      given(discharged).when(readmit({ admittedOn: '2025-06-30' })).thenThrows(DateInTheFuture));

    it('refuses a readmission while the participant is in treatment', () =>
      given(enrolled).when(readmit()).thenThrows(AlreadyInTreatment));

    it('refuses a readmission of someone never admitted here', () => given(registered).when(readmit()).thenThrows(NeverAdmittedHere));

    it('refuses to readmit someone discharged because they died', () =>
      given(history(registerAna(), enrol(), dischargeAna({ reason: 'death' }))).when(readmit()).thenThrows(ParticipantDeceased));

    it('refuses to reuse an episode id', () => given(discharged).when(readmit({ episodeId })).thenThrows(EpisodeAlreadyRecorded));

    it('refuses a programme the site does not offer', () =>
      given(discharged).when(readmit({ programme: 'aftercare' })).thenThrows(ProgrammeNotOffered));

    it('links each readmission to the episode just before it', () => {
      const third = '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a';
      const events = given(history(registerAna(), enrol(), dischargeAna(), readmit(), dischargeAna({ episodeId: secondEpisodeId, dischargedOn: '2025-07-01', now: on('2025-07-01') })))
        .when(readmit({ episodeId: third, admittedOn: '2025-08-01', now: on('2025-08-01') }))
        .events();
      expect(events[0].data).toMatchObject({ previousEpisodeId: secondEpisodeId, daysSincePreviousDischarge: 31 });
    });
  });
});
