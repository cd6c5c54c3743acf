import type { EnrolmentEvent, EnrolmentEventType } from './enrolment-event';

/**
 * One valid example of every published event, for consumers' tests (and checked against the JSON
 * Schemas by this library's own tests). North transfers a participant to south.
 */
const participantId = '6f1c2b7e-3d4a-4c5b-8e9f-0a1b2c3d4e5f';
const northEpisodeId = '0d6e9a4b-1c2d-4e3f-9a8b-7c6d5e4f3a2b';
const southEpisodeId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const transferId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const transferConsentId = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
const peerSupportConsentId = '7a8b9c0d-1e2f-4a3b-94c5-d6e7f8a9b0c1';
const north = 'north';
const south = 'south';

export const enrolmentEventExamples: { readonly [T in EnrolmentEventType]: Extract<EnrolmentEvent, { type: T }> } = {
  SiteConfigured: {
    type: 'SiteConfigured',
    data: {
      siteId: north,
      name: 'North Recovery Centre',
      timeZone: 'America/Chicago',
      programmes: ['outpatient', 'intensive-outpatient', 'residential'],
      milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
      followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
      payerRulesRef: 'medicaid-peer-support@1',
      revision: 1,
      configuredAt: '2025-01-06T15:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  ParticipantRegistered: {
    type: 'ParticipantRegistered',
    data: { participantId, siteId: north, registeredAt: '2025-02-03T14:05:00.000Z', referenceDataVersion: 1 },
  },
  ParticipantDetailsRecorded: {
    type: 'ParticipantDetailsRecorded',
    data: {
      participantId,
      siteId: north,
      detailsId: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      because: 'registration',
      fields: ['givenName', 'familyName', 'dateOfBirth', 'phone', 'preferredLanguage', 'pronouns'],
      recordedAt: '2025-02-03T14:05:00.000Z',
      referenceDataVersion: 1,
    },
  },
  ParticipantErased: {
    type: 'ParticipantErased',
    data: { participantId, siteId: north, erasedAt: '2031-02-03T09:00:00.000Z', referenceDataVersion: 1 },
  },
  ConsentGranted: {
    type: 'ConsentGranted',
    data: {
      consentId: peerSupportConsentId,
      participantId,
      siteId: north,
      recipient: { kind: 'peer-support', siteId: north },
      purpose: 'peer-support',
      informationCategories: ['enrolment-and-attendance', 'level-of-care'],
      expiry: { kind: 'date', on: '2026-02-03' },
      signedOn: '2025-02-03',
      grantedAt: '2025-02-03T14:20:00.000Z',
      referenceDataVersion: 1,
    },
  },
  ConsentRevoked: {
    type: 'ConsentRevoked',
    data: {
      consentId: peerSupportConsentId,
      participantId,
      siteId: north,
      purpose: 'peer-support',
      recipient: { kind: 'peer-support', siteId: north },
      revokedAt: '2025-06-01T10:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  ConsentEnded: {
    type: 'ConsentEnded',
    data: {
      consentId: transferConsentId,
      participantId,
      siteId: north,
      purpose: 'transfer',
      recipient: { kind: 'site', siteId: south },
      because: 'transfer-completed',
      endedOn: '2025-04-02',
      referenceDataVersion: 1,
    },
  },
  Enrolled: {
    type: 'Enrolled',
    data: {
      episodeId: northEpisodeId,
      participantId,
      siteId: north,
      programme: 'residential',
      levelOfCare: '3.5',
      referralSource: 'criminal-justice',
      admittedOn: '2025-02-03',
      enrolledAt: '2025-02-03T14:30:00.000Z',
      transferredFrom: null,
      referenceDataVersion: 1,
    },
  },
  Readmitted: {
    type: 'Readmitted',
    data: {
      episodeId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      previousEpisodeId: northEpisodeId,
      participantId,
      siteId: north,
      programme: 'intensive-outpatient',
      levelOfCare: '2.1',
      referralSource: 'self',
      admittedOn: '2025-09-15',
      daysSincePreviousDischarge: 120,
      readmittedAt: '2025-09-15T16:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  LevelOfCareChanged: {
    type: 'LevelOfCareChanged',
    data: {
      episodeId: northEpisodeId,
      participantId,
      siteId: north,
      fromLevel: '3.5',
      toLevel: '2.1',
      fromProgramme: 'residential',
      toProgramme: 'intensive-outpatient',
      reason: 'clinical-improvement',
      changedOn: '2025-03-10',
      changedAt: '2025-03-10T17:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  Discharged: {
    type: 'Discharged',
    data: {
      episodeId: northEpisodeId,
      participantId,
      siteId: north,
      reason: 'transferred',
      admittedOn: '2025-02-03',
      dischargedOn: '2025-04-02',
      lengthOfStayDays: 58,
      programme: 'intensive-outpatient',
      levelOfCare: '2.1',
      transferId,
      dischargedAt: '2025-04-02T15:01:00.000Z',
      referenceDataVersion: 1,
    },
  },
  TransferRequested: {
    type: 'TransferRequested',
    data: {
      transferId,
      participantId,
      siteId: north,
      fromSiteId: north,
      toSiteId: south,
      episodeId: northEpisodeId,
      consentId: transferConsentId,
      requested: { programme: 'outpatient', levelOfCare: '1' },
      reason: 'relocation',
      requestedAt: '2025-03-28T10:00:00.000Z',
      respondBy: '2025-03-31T10:00:00.000Z',
      history: { siteId: north, participantId },
      referenceDataVersion: 1,
    },
  },
  TransferReceived: {
    type: 'TransferReceived',
    data: {
      transferId,
      participantId,
      siteId: south,
      fromSiteId: north,
      toSiteId: south,
      episodeId: northEpisodeId,
      consentId: transferConsentId,
      requested: { programme: 'outpatient', levelOfCare: '1' },
      reason: 'relocation',
      requestedAt: '2025-03-28T10:00:00.000Z',
      respondBy: '2025-03-31T10:00:00.000Z',
      history: { siteId: north, participantId },
      receivedAt: '2025-03-28T10:00:02.000Z',
      referenceDataVersion: 1,
    },
  },
  TransferAccepted: {
    type: 'TransferAccepted',
    data: {
      transferId,
      participantId,
      siteId: south,
      fromSiteId: north,
      toSiteId: south,
      episodeId: southEpisodeId,
      programme: 'outpatient',
      levelOfCare: '1',
      admittedOn: '2025-04-02',
      acceptedAt: '2025-04-02T15:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  TransferDeclined: {
    type: 'TransferDeclined',
    data: {
      transferId,
      participantId,
      siteId: south,
      fromSiteId: north,
      toSiteId: south,
      reason: 'no-capacity',
      declinedAt: '2025-03-29T09:00:00.000Z',
      referenceDataVersion: 1,
    },
  },
  TransferAnswerReceived: {
    type: 'TransferAnswerReceived',
    data: {
      transferId,
      participantId,
      siteId: north,
      fromSiteId: north,
      toSiteId: south,
      answer: 'accepted',
      answeredAt: '2025-04-02T15:00:00.000Z',
      destinationEpisodeId: southEpisodeId,
      admittedOn: '2025-04-02',
      declineReason: null,
      receivedAt: '2025-04-02T15:00:01.000Z',
      referenceDataVersion: 1,
    },
  },
};
