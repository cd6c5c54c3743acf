import type { OutcomesEventOf, OutcomesEventType } from './outcomes-event';
import { schemaVersions } from './schema-versions';

/** One valid example of every event, at its current schema version: for consumers' tests and ours. */
const participantId = '5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c01';
const heardFrom = (context: 'enrolment' | 'sessions' | 'mentoring', eventType: string) => ({
  context,
  eventId: '0e1d2c3b-4a59-4687-9a5b-c4d3e2f1a0b9',
  eventType,
});
const clinician = 'clinician-7';

export const outcomesEventExamples: { [T in OutcomesEventType]: OutcomesEventOf<T> } = {
  AssessmentRecorded: {
    type: 'AssessmentRecorded',
    data: {
      assessmentId: 'a1a2a3a4-b5b6-4c7c-8d8d-e9e0f1f2f301',
      participantId,
      instrument: 'PHQ-9',
      instrumentVersion: 'phq-9@2001',
      items: [1, 2, 1, 1, 0, 2, 1, 0, 1],
      difficulty: 'somewhat-difficult',
      total: 9,
      band: 'mild',
      administeredAt: '2026-03-02T10:15:00-05:00',
      recordedBy: clinician,
    },
  },
  SafetyAlertRaised: {
    type: 'SafetyAlertRaised',
    data: {
      alertId: 'b1b2b3b4-c5c6-4d7d-8e8e-f9f0a1a2a302',
      participantId,
      assessmentId: 'a1a2a3a4-b5b6-4c7c-8d8d-e9e0f1f2f301',
      reason: 'phq9-item9',
      urgency: 'urgent',
      answer: 1,
      raisedAt: '2026-03-02T10:15:00-05:00',
    },
  },
  SafetyAlertAcknowledged: {
    type: 'SafetyAlertAcknowledged',
    data: { alertId: 'b1b2b3b4-c5c6-4d7d-8e8e-f9f0a1a2a302', participantId, acknowledgedBy: clinician, acknowledgedAt: '2026-03-02T10:20:00-05:00' },
  },
  SafetyAlertResolved: {
    type: 'SafetyAlertResolved',
    data: {
      alertId: 'b1b2b3b4-c5c6-4d7d-8e8e-f9f0a1a2a302',
      participantId,
      resolvedBy: clinician,
      resolution: 'safety-plan-made',
      resolvedAt: '2026-03-02T11:00:00-05:00',
    },
  },
  DrugScreenRecorded: {
    type: 'DrugScreenRecorded',
    data: {
      screenId: 'c1c2c3c4-d5d6-4e7e-8f8f-a9a0b1b2b303',
      participantId,
      specimen: 'urine',
      collectedAt: '2026-03-03T09:00:00-05:00',
      results: [
        { substance: 'buprenorphine', result: 'positive', prescribed: true },
        { substance: 'fentanyl', result: 'negative', prescribed: false },
      ],
      positive: false,
      recordedBy: clinician,
    },
  },
  SubstanceUseReported: {
    type: 'SubstanceUseReported',
    data: {
      reportId: 'd1d2d3d4-e5e6-4f7f-8a8a-b9b0c1c2c304',
      participantId,
      periodDays: 30,
      substances: [{ substance: 'alcohol', daysUsed: 2 }],
      reportedAt: '2026-03-03T09:30:00-05:00',
      recordedBy: clinician,
    },
  },
  LapseRecorded: {
    type: 'LapseRecorded',
    data: { lapseId: 'e1e2e3e4-f5f6-4a7a-8b8b-c9c0d1d2d305', participantId, occurredOn: '2026-03-10', substances: ['alcohol'], recordedAt: '2026-03-11T09:00:00-05:00', recordedBy: clinician },
  },
  RelapseRecorded: {
    type: 'RelapseRecorded',
    data: { relapseId: 'f1f2f3f4-a5a6-4b7b-8c8c-d9d0e1e2e306', participantId, occurredOn: '2026-04-01', substances: ['fentanyl'], recordedAt: '2026-04-02T09:00:00-05:00', recordedBy: clinician },
  },
  SobrietyStartSet: {
    type: 'SobrietyStartSet',
    data: { participantId, startedOn: '2026-04-02', reason: 'relapse', causeId: 'f1f2f3f4-a5a6-4b7b-8c8c-d9d0e1e2e306', setAt: '2026-04-02T09:00:00-05:00' },
  },
  SobrietyMilestoneReached: {
    type: 'SobrietyMilestoneReached',
    data: { participantId, milestoneDays: 30, sobrietyStartedOn: '2026-04-02', reachedOn: '2026-05-02', recordedAt: '2026-05-02T12:00:00-05:00', recordedBy: 'mentor-3' },
  },
  ReadmissionRecorded: {
    type: 'ReadmissionRecorded',
    data: { readmissionId: 'a7a6a5a4-b3b2-4c1c-8d0d-e9e8f7f6f507', participantId, setting: 'withdrawal-management', admittedOn: '2026-06-01', recordedAt: '2026-06-03T09:00:00-05:00', recordedBy: clinician },
  },
  EmergencyVisitRecorded: {
    type: 'EmergencyVisitRecorded',
    data: { visitId: 'b7b6b5b4-c3c2-4d1d-8e0e-f9f8a7a6a508', participantId, visitedOn: '2026-06-01', substanceRelated: true, overdose: false, recordedAt: '2026-06-03T09:00:00-05:00', recordedBy: clinician },
  },
  ReintegrationRecorded: {
    type: 'ReintegrationRecorded',
    data: { participantId, checkpoint: 'intake', livingSituation: 'with-family-or-friends', occupation: 'seeking-work', socialConnectedness: 2, recordedOn: '2026-03-02', recordedBy: clinician },
  },
  ParticipantAdmitted: {
    type: 'ParticipantAdmitted',
    data: {
      participantId,
      episodeId: 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b609',
      admittedOn: '2026-03-01',
      programme: 'outpatient-peer-recovery',
      levelOfCare: '1',
      referralSource: 'self',
      transferredIn: false,
      heardFrom: heardFrom('enrolment', 'Enrolled'),
    },
  },
  ParticipantLevelOfCareChanged: {
    type: 'ParticipantLevelOfCareChanged',
    data: { participantId, episodeId: 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b609', levelOfCare: '2.1', changedOn: '2026-04-01', heardFrom: heardFrom('enrolment', 'LevelOfCareChanged') },
  },
  ParticipantDischarged: {
    type: 'ParticipantDischarged',
    data: { participantId, episodeId: 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b609', dischargedOn: '2026-07-01', reason: 'completed', heardFrom: heardFrom('enrolment', 'Discharged') },
  },
  SessionAttendanceRecorded: {
    type: 'SessionAttendanceRecorded',
    data: {
      participantId,
      sessionId: 'd7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c610',
      groupKind: 'peer-support',
      heldOn: '2026-03-05',
      status: 'present',
      minutes: 90,
      heardFrom: heardFrom('sessions', 'AttendanceRecorded'),
    },
  },
  SessionAttendanceCorrected: {
    type: 'SessionAttendanceCorrected',
    data: {
      participantId,
      sessionId: 'd7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c610',
      groupKind: 'peer-support',
      heldOn: '2026-03-05',
      status: 'absent',
      minutes: 0,
      revision: 1,
      heardFrom: heardFrom('sessions', 'AttendanceCorrected'),
    },
  },
  MentorMatched: {
    type: 'MentorMatched',
    data: { participantId, matchId: 'e7e6e5e4-f3f2-4a1a-8b0b-c9c8d7d6d611', mentorId: 'f7f6f5f4-a3a2-4b1b-8c0c-d9d8e7e6e612', matchedAt: '2026-03-04T12:00:00-05:00', heardFrom: heardFrom('mentoring', 'MatchAccepted') },
  },
  MentorMatchEnded: {
    type: 'MentorMatchEnded',
    data: { participantId, matchId: 'e7e6e5e4-f3f2-4a1a-8b0b-c9c8d7d6d611', mentorId: 'f7f6f5f4-a3a2-4b1b-8c0c-d9d8e7e6e612', endedAt: '2026-09-04T12:00:00-05:00', heardFrom: heardFrom('mentoring', 'MatchEnded') },
  },
  MentorContactRecorded: {
    type: 'MentorContactRecorded',
    data: {
      participantId,
      contactId: 'a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f613',
      matchId: 'e7e6e5e4-f3f2-4a1a-8b0b-c9c8d7d6d611',
      mentorId: 'f7f6f5f4-a3a2-4b1b-8c0c-d9d8e7e6e612',
      kind: 'in-person',
      minutes: 45,
      contactAt: '2026-03-06T15:00:00-05:00',
      heardFrom: heardFrom('mentoring', 'ContactLogged'),
    },
  },
  OutcomePolicySet: {
    type: 'OutcomePolicySet',
    data: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsSobriety: false, timeZone: 'America/New_York', setAt: '2026-01-01T00:00:00Z', heardFrom: null },
  },
};

export const outcomesEventTypes = Object.keys(schemaVersions) as OutcomesEventType[];
