import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex, type MentorEvent } from '@alongside/mentoring/contracts';
import { mentorDecider } from './mentor.decider';
import type { MentorCommand } from './mentor.commands';
import {
  BoundaryConcernAlreadyRecorded,
  CertificationAlreadyLapsed,
  CertificationAlreadyRecorded,
  CertificationExpiryNotAfterGrant,
  CertificationNeedsTraining,
  CertificationNotFound,
  LivedExperienceRequired,
  MentorAlreadyOnboarded,
  MentorCannotSuperviseThemselves,
  MentorNotFound,
  RenewalMustExtendExpiry,
  SupervisionAlreadyRecorded,
  SupervisionNotFound,
  TrainingAlreadyRecorded,
} from './mentor.errors';
import { DateInTheFuture } from '../date-in-the-future.error';

const given = DeciderSpecification.for(mentorDecider);
const mentorId = ex.MentorOnboarded.data.mentorId;
const certificationId = ex.CertificationGranted.data.certificationId;
const supervisionId = ex.SupervisionHeld.data.supervisionId;

const onboarded: MentorEvent = ex.MentorOnboarded;
const trained: MentorEvent = ex.TrainingCompleted;
const certified: MentorEvent = ex.CertificationGranted; // expires 2027-02-01T00:00:00-05:00
const supervised: MentorEvent = ex.SupervisionHeld;

const onboard: MentorCommand = {
  type: 'OnboardMentor',
  data: { ...(({ onboardedAt: _, ...rest }) => rest)(ex.MentorOnboarded.data), at: ex.MentorOnboarded.data.onboardedAt },
};
const recordTraining = (over: Partial<Extract<MentorCommand, { type: 'RecordTraining' }>['data']> = {}): MentorCommand => ({
  type: 'RecordTraining',
  data: { trainingId: ex.TrainingCompleted.data.trainingId, course: ex.TrainingCompleted.data.course, hours: 6, completedOn: '2025-01-20', at: '2025-01-21T09:00:00-05:00', ...over },
});
const grant = (over: Partial<Extract<MentorCommand, { type: 'GrantCertification' }>['data']> = {}): MentorCommand => ({
  type: 'GrantCertification',
  data: {
    certificationId,
    credential: 'CPRS',
    issuer: 'State Certification Board',
    grantedAt: '2025-02-01T00:00:00-05:00',
    expiresAt: '2027-02-01T00:00:00-05:00',
    at: '2025-02-02T10:00:00-05:00',
    ...over,
  },
});
const renew = (expiresAt: string, at = '2027-01-15T10:00:00-05:00'): MentorCommand => ({
  type: 'RenewCertification',
  data: { certificationId, expiresAt, at },
});
const expire = (now: string): MentorCommand => ({ type: 'ExpireCertifications', data: { now } });
const supervise = (over: Partial<Extract<MentorCommand, { type: 'HoldSupervision' }>['data']> = {}): MentorCommand => ({
  type: 'HoldSupervision',
  data: { ...(({ mentorId: _, ...rest }) => rest)(ex.SupervisionHeld.data), at: '2025-03-03T16:00:00-05:00', ...over },
});
const raiseConcern = (supervision: string | null, concernId = ex.BoundaryConcernRaised.data.concernId): MentorCommand => ({
  type: 'RaiseBoundaryConcern',
  data: { concernId, supervisionId: supervision, concern: 'dual-relationship', raisedBy: 'supervisor-7c8d', at: '2025-03-03T14:45:00-05:00' },
});

describe('Peer mentor', () => {
  describe('onboarding', () => {
    it('records the profile with the time it was given', () => given([]).when(onboard).then([onboarded]));

    it('refuses a second onboarding of the same mentor', () =>
      given([onboarded]).when(onboard).thenThrows(MentorAlreadyOnboarded));

    it('refuses a mentor with no lived experience to share', () =>
      given([])
        .when({ ...onboard, data: { ...(onboard.data as object), livedExperience: [] } } as unknown as MentorCommand)
        .thenThrows(LivedExperienceRequired));

    it('refuses anything else for a mentor who is not onboarded', () =>
      given([]).when(recordTraining()).thenThrows(MentorNotFound));
  });

  describe('training', () => {
    it('records a completed course', () => given([onboarded]).when(recordTraining()).then([trained]));

    it('refuses the same training twice', () =>
      given([onboarded, trained]).when(recordTraining()).thenThrows(TrainingAlreadyRecorded));

    it('refuses a completion date after today', () =>
      given([onboarded]).when(recordTraining({ completedOn: '2025-01-22' })).thenThrows(DateInTheFuture));
  });

  describe('certification', () => {
    it('is granted once training is completed', () => given([onboarded, trained]).when(grant()).then([certified]));

    it('refuses a certification before any training', () =>
      given([onboarded]).when(grant()).thenThrows(CertificationNeedsTraining));

    it('refuses the same certification twice', () =>
      given([onboarded, trained, certified]).when(grant()).thenThrows(CertificationAlreadyRecorded));

    it('refuses a grant dated in the future', () =>
      given([onboarded, trained]).when(grant({ at: '2025-01-31T10:00:00-05:00' })).thenThrows(DateInTheFuture));

    it('refuses an expiry before the grant', () =>
      given([onboarded, trained])
        .when(grant({ expiresAt: '2025-01-01T00:00:00-05:00' }))
        .thenThrows(CertificationExpiryNotAfterGrant));

    it('refuses a certification that would already have lapsed', () =>
      given([onboarded, trained])
        .when(grant({ grantedAt: '2020-01-01T00:00:00Z', expiresAt: '2022-01-01T00:00:00Z' }))
        .thenThrows(CertificationAlreadyLapsed));

    it('is renewed to a later expiry', () =>
      given([onboarded, trained, certified]).when(renew('2029-02-01T00:00:00-05:00')).then([ex.CertificationRenewed]));

    it('refuses a renewal that does not extend the expiry', () =>
      given([onboarded, trained, certified]).when(renew('2026-12-01T00:00:00-05:00')).thenThrows(RenewalMustExtendExpiry));

    it('refuses a renewal of an unknown certification', () =>
      given([onboarded, trained]).when(renew('2029-02-01T00:00:00-05:00')).thenThrows(CertificationNotFound));

    it('refuses a renewal to a date already past', () =>
      given([onboarded, trained, certified])
        .when(renew('2027-03-01T00:00:00-05:00', '2027-04-01T00:00:00-05:00'))
        .thenThrows(CertificationAlreadyLapsed));

    it('can renew a lapsed certification, which is current again', () =>
      given([onboarded, trained, certified, ex.CertificationExpired])
        .when(renew('2029-02-01T00:00:00-05:00', '2027-03-01T00:00:00-05:00'))
        .events()
        .map((e) => e.type)
        .forEach((type) => expect(type).toBe('CertificationRenewed')));
  });

  describe('expiry, by the clock', () => {
    const expired: MentorEvent = {
      type: 'CertificationExpired',
      data: { mentorId, certificationId, credential: 'CPRS', expiredAt: '2027-02-01T00:00:00-05:00' },
    };

    it('records nothing the day before the expiry', () =>
      given([onboarded, trained, certified]).when(expire('2027-01-31T23:59:59-05:00')).then([]));

    it('expires a certification on its expiry instant', () =>
      given([onboarded, trained, certified]).when(expire('2027-02-01T05:00:00Z')).then([expired]));

    it('dates the expiry to the certificate, not to when the sweeper ran', () =>
      given([onboarded, trained, certified]).when(expire('2027-03-15T08:00:00Z')).then([expired]));

    it('does not expire the same certification twice', () =>
      given([onboarded, trained, certified, expired]).when(expire('2027-03-15T08:00:00Z')).then([]));

    it('does not expire a renewed certification on its old date', () =>
      given([onboarded, trained, certified, ex.CertificationRenewed]).when(expire('2027-02-02T00:00:00Z')).then([]));

    it('refuses to sweep a mentor who is not onboarded', () =>
      given([]).when(expire('2027-02-02T00:00:00Z')).thenThrows(MentorNotFound));
  });

  describe('supervision', () => {
    it('records monthly supervision', () => given([onboarded]).when(supervise()).then([supervised]));

    it('refuses the same supervision twice', () =>
      given([onboarded, supervised]).when(supervise()).thenThrows(SupervisionAlreadyRecorded));

    it('refuses a mentor supervising themselves', () =>
      given([onboarded]).when(supervise({ supervisorId: mentorId })).thenThrows(MentorCannotSuperviseThemselves));

    it('refuses supervision dated in the future', () =>
      given([onboarded]).when(supervise({ at: '2025-03-01T00:00:00-05:00' })).thenThrows(DateInTheFuture));

    it('records a boundary concern raised in supervision', () =>
      given([onboarded, supervised]).when(raiseConcern(supervisionId)).then([ex.BoundaryConcernRaised]));

    it('refuses a concern tied to a supervision that never happened', () =>
      given([onboarded]).when(raiseConcern(supervisionId)).thenThrows(SupervisionNotFound));

    it('refuses the same concern twice', () =>
      given([onboarded, supervised, ex.BoundaryConcernRaised]).when(raiseConcern(null)).thenThrows(BoundaryConcernAlreadyRecorded));
  });
});
