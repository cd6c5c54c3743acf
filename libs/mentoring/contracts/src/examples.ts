import type { MentoringEvent, MentoringEventOf, MentoringEventType } from './mentoring-event';

/**
 * One valid example of every event, at its current schema version: for consumers' tests (sessions,
 * outcomes) and for our own contract test.
 */
const mentorId = '3f1b7a52-58a4-4c1e-9a1c-0d7a3c1c2b01';
const participantId = '9a0c2f3e-1d5b-4f6a-8b7c-2e3d4f5a6b02';
const matchId = 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e03';
const parties = { matchId, mentorId, participantId };

export const mentoringEventExamples: { [T in MentoringEventType]: MentoringEventOf<T> } = {
  MentorOnboarded: {
    type: 'MentorOnboarded',
    data: {
      mentorId,
      displayName: 'Sam Rivera',
      livedExperience: ['substance-use-recovery', 'opioid-use'],
      languages: ['en', 'es'],
      specialities: ['opioid-use', 'young-adults'],
      maxCaseload: 12,
      onboardedAt: '2025-01-06T09:00:00-05:00',
    },
  },
  TrainingCompleted: {
    type: 'TrainingCompleted',
    data: { mentorId, trainingId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e004', course: 'Ethics and boundaries in peer support', hours: 6, completedOn: '2025-01-20' },
  },
  CertificationGranted: {
    type: 'CertificationGranted',
    data: {
      mentorId,
      certificationId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c05',
      credential: 'CPRS',
      issuer: 'State Certification Board',
      grantedAt: '2025-02-01T00:00:00-05:00',
      expiresAt: '2027-02-01T00:00:00-05:00',
    },
  },
  CertificationRenewed: {
    type: 'CertificationRenewed',
    data: {
      mentorId,
      certificationId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c05',
      credential: 'CPRS',
      renewedAt: '2027-01-15T10:00:00-05:00',
      previousExpiresAt: '2027-02-01T00:00:00-05:00',
      expiresAt: '2029-02-01T00:00:00-05:00',
    },
  },
  CertificationExpired: {
    type: 'CertificationExpired',
    data: { mentorId, certificationId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c05', credential: 'CPRS', expiredAt: '2029-02-01T00:00:00-05:00' },
  },
  SupervisionHeld: {
    type: 'SupervisionHeld',
    data: {
      mentorId,
      supervisionId: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d06',
      supervisorId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e07',
      heldAt: '2025-03-03T14:00:00-05:00',
      minutes: 60,
      topics: ['caseload-review', 'boundaries'],
    },
  },
  BoundaryConcernRaised: {
    type: 'BoundaryConcernRaised',
    data: {
      mentorId,
      concernId: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f08',
      supervisionId: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d06',
      concern: 'dual-relationship',
      raisedBy: 'supervisor-7c8d',
      raisedAt: '2025-03-03T14:45:00-05:00',
    },
  },
  CaseloadPlaceTaken: {
    type: 'CaseloadPlaceTaken',
    data: { ...parties, takenAt: '2025-03-10T09:00:00-05:00' },
  },
  MenteeMatchHeld: {
    type: 'MenteeMatchHeld',
    data: { ...parties, heldAt: '2025-03-10T09:00:00-05:00' },
  },
  MatchProposed: {
    type: 'MatchProposed',
    data: { ...parties, consentId: '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a09', proposedBy: 'manager-01', proposedAt: '2025-03-10T09:00:00-05:00' },
  },
  MatchAccepted: { type: 'MatchAccepted', data: { ...parties, acceptedAt: '2025-03-10T11:00:00-05:00' } },
  MatchEnded: {
    type: 'MatchEnded',
    data: { ...parties, reason: 'aftercare-completed', endedFrom: 'aftercare', endedAt: '2025-12-01T10:00:00-05:00' },
  },
  AftercareStarted: {
    type: 'AftercareStarted',
    data: {
      ...parties,
      dischargedAt: '2025-06-01T12:00:00-04:00',
      checkIns: [
        { day: 7, dueAt: '2025-06-08T12:00:00-04:00' },
        { day: 30, dueAt: '2025-07-01T12:00:00-04:00' },
      ],
      missedAfterDays: 7,
      startedAt: '2025-06-01T12:00:05-04:00',
    },
  },
  AftercareCheckInDue: { type: 'AftercareCheckInDue', data: { ...parties, day: 7, dueAt: '2025-06-08T12:00:00-04:00' } },
  AftercareCheckInHeld: {
    type: 'AftercareCheckInHeld',
    data: { ...parties, day: 7, dueAt: '2025-06-08T12:00:00-04:00', heldAt: '2025-06-09T15:00:00-04:00', contactId: null },
  },
  AftercareCheckInMissed: {
    type: 'AftercareCheckInMissed',
    data: { ...parties, day: 30, dueAt: '2025-07-01T12:00:00-04:00', missedAt: '2025-07-08T12:00:00-04:00' },
  },
  ContactLogged: {
    type: 'ContactLogged',
    data: {
      contactId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c10',
      ...parties,
      kind: 'in-person',
      minutes: 50,
      contactAt: '2025-03-12T16:00:00-05:00',
      billing: { code: 'H0038', units: 3, referenceVersion: 'peer-support-2025-01' },
      hasNote: true,
    },
  },
  PeerContactConsentRecorded: {
    type: 'PeerContactConsentRecorded',
    data: {
      participantId,
      consentId: '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a09',
      grantedAt: '2025-03-01T10:00:00-05:00',
      expiresAt: null,
      sourceEventId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d11',
    },
  },
  PeerContactConsentRevoked: {
    type: 'PeerContactConsentRevoked',
    data: {
      participantId,
      consentId: '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a09',
      revokedAt: '2025-09-01T10:00:00-04:00',
      sourceEventId: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e12',
    },
  },
  DischargeRecorded: {
    type: 'DischargeRecorded',
    data: { participantId, dischargedAt: '2025-06-01T12:00:00-04:00', reason: 'completed', sourceEventId: 'd4e5f6a7-b8c9-4d0e-9f2a-3b4c5d6e7f13' },
  },
  ReferralMade: {
    type: 'ReferralMade',
    data: {
      referralId: 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8a14',
      ...parties,
      category: 'mutual-aid',
      resourceId: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8a9b15',
      madeAt: '2025-03-12T16:30:00-05:00',
      followUpDueAt: '2025-03-19T16:30:00-05:00',
    },
  },
  ReferralFollowedUp: {
    type: 'ReferralFollowedUp',
    data: { referralId: 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8a14', participantId, followedUpAt: '2025-03-19T10:00:00-05:00', nextFollowUpDueAt: null },
  },
  ReferralOutcomeRecorded: {
    type: 'ReferralOutcomeRecorded',
    data: {
      referralId: 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8a14',
      ...parties,
      category: 'mutual-aid',
      outcome: 'connected',
      recordedAt: '2025-03-19T10:05:00-05:00',
    },
  },
  EscalatedToClinician: {
    type: 'EscalatedToClinician',
    data: {
      escalationId: 'a7b8c9d0-e1f2-4a3b-8c5d-6e7f8a9b0c16',
      ...parties,
      risk: 'intent-to-use',
      urgency: 'urgent',
      raisedAt: '2025-04-02T20:00:00-04:00',
      acknowledgeBy: '2025-04-02T21:00:00-04:00',
    },
  },
  EscalationAcknowledged: {
    type: 'EscalationAcknowledged',
    data: { escalationId: 'a7b8c9d0-e1f2-4a3b-8c5d-6e7f8a9b0c16', participantId, clinicianId: 'clinician-44', acknowledgedAt: '2025-04-02T20:20:00-04:00' },
  },
  EscalationResolved: {
    type: 'EscalationResolved',
    data: {
      escalationId: 'a7b8c9d0-e1f2-4a3b-8c5d-6e7f8a9b0c16',
      participantId,
      clinicianId: 'clinician-44',
      resolution: 'clinical-follow-up-arranged',
      resolvedAt: '2025-04-03T09:00:00-04:00',
    },
  },
  MentoringPolicySet: {
    type: 'MentoringPolicySet',
    data: {
      aftercareCheckInDays: [7, 30, 90, 180],
      checkInMissedAfterDays: 7,
      urgentAcknowledgeWithinMinutes: 60,
      soonAcknowledgeWithinMinutes: 480,
      routineAcknowledgeWithinMinutes: 4320,
      referralFollowUpDays: 7,
      setBy: 'manager-01',
      setAt: '2025-01-02T09:00:00-05:00',
    },
  },
  SiteFollowUpScheduleHeard: {
    type: 'SiteFollowUpScheduleHeard',
    data: { daysAfterDischarge: [7, 30, 90, 180], revision: 1, sourceEventId: 'f7a8b9c0-d1e2-4f3a-8b4c-5d6e7f8a9b21', configuredAt: '2025-01-06T15:00:00.000Z' },
  },
  CommunityResourceListed: {
    type: 'CommunityResourceListed',
    data: {
      resourceId: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8a9b15',
      category: 'mutual-aid',
      name: 'Tuesday evening NA meeting, Northside Community Hall',
      fellowship: 'na',
      description: 'Open meeting, step-free access.',
      contact: '12 Mill Street, Tuesdays 19:00',
      listedAt: '2025-01-02T09:00:00-05:00',
    },
  },
  CommunityResourceWithdrawn: {
    type: 'CommunityResourceWithdrawn',
    data: { resourceId: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8a9b15', withdrawnAt: '2025-11-01T09:00:00-05:00' },
  },
};

export const allMentoringEventExamples = (): MentoringEvent[] => Object.values(mentoringEventExamples);
