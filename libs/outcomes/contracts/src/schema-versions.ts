import type { OutcomesEventType } from './outcomes-event';

/**
 * The schema version each event type is written with today. When a shape changes, its number goes
 * up, the old shape stays as a type and an upcaster lifts it (see `upcasters.ts`).
 */
export const schemaVersions: Readonly<Record<OutcomesEventType, number>> = {
  AssessmentRecorded: 1,
  SafetyAlertRaised: 1,
  SafetyAlertAcknowledged: 1,
  SafetyAlertResolved: 1,
  DrugScreenRecorded: 1,
  SubstanceUseReported: 1,
  LapseRecorded: 1,
  RelapseRecorded: 1,
  SobrietyStartSet: 1,
  SobrietyMilestoneReached: 1,
  ReadmissionRecorded: 1,
  EmergencyVisitRecorded: 1,
  ReintegrationRecorded: 1,
  ParticipantAdmitted: 1,
  ParticipantLevelOfCareChanged: 1,
  ParticipantDischarged: 1,
  SessionAttendanceRecorded: 1,
  SessionAttendanceCorrected: 1,
  MentorMatched: 1,
  MentorMatchEnded: 1,
  MentorContactRecorded: 1,
  OutcomePolicySet: 1,
};
