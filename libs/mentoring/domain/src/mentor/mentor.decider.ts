import type { Decider } from '@alongside/platform/event-sourcing';
import type { MentorEvent } from '@alongside/mentoring/contracts';
import { calendarDateOf, isAtOrBefore, isBefore } from '../instant';
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
import { CaseloadFull } from '../match/match.errors';
import type { Mentor, OnboardedMentor } from './mentor.state';

export const initialState = (): Mentor => ({ status: 'none' });

const onboarded = (mentor: Mentor): OnboardedMentor => {
  if (mentor.status !== 'onboarded') throw new MentorNotFound();
  return mentor;
};

export const decide = (command: MentorCommand, mentor: Mentor): MentorEvent[] => {
  switch (command.type) {
    case 'OnboardMentor': {
      const { at, ...profile } = command.data;
      if (mentor.status !== 'none') throw new MentorAlreadyOnboarded(profile.mentorId);
      if (profile.livedExperience.length === 0) throw new LivedExperienceRequired();
      return [{ type: 'MentorOnboarded', data: { ...profile, onboardedAt: at } }];
    }
    case 'RecordTraining': {
      const { at, ...training } = command.data;
      const m = onboarded(mentor);
      if (m.trainings.includes(training.trainingId)) throw new TrainingAlreadyRecorded(training.trainingId);
      if (training.completedOn > calendarDateOf(at)) throw new DateInTheFuture('A training completion date');
      return [{ type: 'TrainingCompleted', data: { mentorId: m.mentorId, ...training } }];
    }
    case 'GrantCertification': {
      const { at, ...grant } = command.data;
      const m = onboarded(mentor);
      if (m.certifications[grant.certificationId]) throw new CertificationAlreadyRecorded(grant.certificationId);
      if (m.trainings.length === 0) throw new CertificationNeedsTraining();
      if (isBefore(at, grant.grantedAt)) throw new DateInTheFuture('A certification grant date');
      if (!isBefore(grant.grantedAt, grant.expiresAt)) throw new CertificationExpiryNotAfterGrant();
      if (isAtOrBefore(grant.expiresAt, at)) throw new CertificationAlreadyLapsed();
      return [{ type: 'CertificationGranted', data: { mentorId: m.mentorId, ...grant } }];
    }
    case 'RenewCertification': {
      const { certificationId, expiresAt, at } = command.data;
      const m = onboarded(mentor);
      const certification = m.certifications[certificationId];
      if (!certification) throw new CertificationNotFound(certificationId);
      if (!isBefore(certification.expiresAt, expiresAt)) throw new RenewalMustExtendExpiry(certification.expiresAt);
      if (isAtOrBefore(expiresAt, at)) throw new CertificationAlreadyLapsed();
      return [
        {
          type: 'CertificationRenewed',
          data: {
            mentorId: m.mentorId,
            certificationId,
            credential: certification.credential,
            renewedAt: at,
            previousExpiresAt: certification.expiresAt,
            expiresAt,
          },
        },
      ];
    }
    case 'ExpireCertifications': {
      const m = onboarded(mentor);
      return Object.values(m.certifications)
        .filter((c) => c.status === 'current' && isAtOrBefore(c.expiresAt, command.data.now))
        .sort((a, b) => a.certificationId.localeCompare(b.certificationId))
        .map((c) => ({
          type: 'CertificationExpired' as const,
          data: { mentorId: m.mentorId, certificationId: c.certificationId, credential: c.credential, expiredAt: c.expiresAt },
        }));
    }
    case 'HoldSupervision': {
      const { at, ...supervision } = command.data;
      const m = onboarded(mentor);
      if (m.supervisions.includes(supervision.supervisionId)) throw new SupervisionAlreadyRecorded(supervision.supervisionId);
      if (supervision.supervisorId === m.mentorId) throw new MentorCannotSuperviseThemselves();
      if (isBefore(at, supervision.heldAt)) throw new DateInTheFuture('A supervision date');
      return [{ type: 'SupervisionHeld', data: { mentorId: m.mentorId, ...supervision } }];
    }
    case 'RaiseBoundaryConcern': {
      const { at, ...concern } = command.data;
      const m = onboarded(mentor);
      if (m.concerns.includes(concern.concernId)) throw new BoundaryConcernAlreadyRecorded(concern.concernId);
      if (concern.supervisionId !== null && !m.supervisions.includes(concern.supervisionId)) {
        throw new SupervisionNotFound(concern.supervisionId);
      }
      return [{ type: 'BoundaryConcernRaised', data: { mentorId: m.mentorId, ...concern, raisedAt: at } }];
    }
    case 'TakeCaseloadPlace': {
      const { matchId, participantId, released, at } = command.data;
      const m = onboarded(mentor);
      // A retried proposal already holds its place.
      if (m.caseload.some((place) => place.matchId === matchId)) return [];
      const taken = m.caseload.filter((place) => !released.includes(place.matchId)).length;
      if (taken >= m.maxCaseload) throw new CaseloadFull(m.maxCaseload);
      return [{ type: 'CaseloadPlaceTaken', data: { mentorId: m.mentorId, matchId, participantId, takenAt: at } }];
    }
  }
};

export const evolve = (mentor: Mentor, event: MentorEvent): Mentor => {
  if (event.type === 'MentorOnboarded') {
    const { mentorId, languages, specialities, maxCaseload } = event.data;
    return {
      status: 'onboarded',
      mentorId,
      languages,
      specialities,
      maxCaseload,
      trainings: [],
      certifications: {},
      supervisions: [],
      lastSupervisionAt: null,
      concerns: [],
      caseload: [],
    };
  }
  if (mentor.status !== 'onboarded') return mentor;
  switch (event.type) {
    case 'TrainingCompleted':
      return { ...mentor, trainings: [...mentor.trainings, event.data.trainingId] };
    case 'CertificationGranted':
    case 'CertificationRenewed': {
      const { certificationId, credential, expiresAt } = event.data;
      return {
        ...mentor,
        certifications: { ...mentor.certifications, [certificationId]: { certificationId, credential, expiresAt, status: 'current' } },
      };
    }
    case 'CertificationExpired': {
      const certification = mentor.certifications[event.data.certificationId];
      if (!certification) return mentor;
      return {
        ...mentor,
        certifications: { ...mentor.certifications, [certification.certificationId]: { ...certification, status: 'expired' } },
      };
    }
    case 'SupervisionHeld': {
      const { supervisionId, heldAt } = event.data;
      const latest = mentor.lastSupervisionAt && isBefore(heldAt, mentor.lastSupervisionAt) ? mentor.lastSupervisionAt : heldAt;
      return { ...mentor, supervisions: [...mentor.supervisions, supervisionId], lastSupervisionAt: latest };
    }
    case 'BoundaryConcernRaised':
      return { ...mentor, concerns: [...mentor.concerns, event.data.concernId] };
    case 'CaseloadPlaceTaken': {
      const { matchId, participantId, takenAt } = event.data;
      return { ...mentor, caseload: [...mentor.caseload, { matchId, participantId, takenAt }] };
    }
  }
};

export const mentorDecider: Decider<MentorCommand, MentorEvent, Mentor> = { decide, evolve, initialState };
