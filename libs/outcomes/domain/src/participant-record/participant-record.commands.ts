import type {
  DischargeReason,
  HeardFrom,
  Instrument,
  LivingSituation,
  Occupation,
  Phq9Difficulty,
  ReadmissionSetting,
  ReintegrationCheckpoint,
  SafetyAlertResolution,
  ScreenedSubstance,
  Specimen,
  Substance,
  AttendanceStatus,
} from '@alongside/outcomes/contracts';

/**
 * Everything a decision needs arrives in the command: ids, the actor, `now` (an instant) and
 * `today` (the site's local date, for date rules), and the site's policy where a rule depends on it.
 */
type Clock = { now: string; today: string };
type By = { recordedBy: string };

export type SitePolicy = Readonly<{ milestoneDays: readonly number[]; lapseRestartsSobriety: boolean; timeZone: string }>;

export type RecordAssessment = Readonly<{
  type: 'RecordAssessment';
  data: Clock & By & {
    participantId: string;
    assessmentId: string;
    /** The id a safety alert gets if this assessment raises one (derived by the caller, so retries agree). */
    alertId: string;
    instrument: Instrument;
    items: number[];
    difficulty: Phq9Difficulty | null;
    administeredAt: string;
  };
}>;

export type AcknowledgeSafetyAlert = Readonly<{
  type: 'AcknowledgeSafetyAlert';
  data: Clock & { participantId: string; alertId: string; acknowledgedBy: string };
}>;

export type ResolveSafetyAlert = Readonly<{
  type: 'ResolveSafetyAlert';
  data: Clock & { participantId: string; alertId: string; resolvedBy: string; resolution: SafetyAlertResolution };
}>;

export type RecordDrugScreen = Readonly<{
  type: 'RecordDrugScreen';
  data: Clock & By & { participantId: string; screenId: string; specimen: Specimen; collectedAt: string; results: ScreenedSubstance[] };
}>;

export type ReportSubstanceUse = Readonly<{
  type: 'ReportSubstanceUse';
  data: Clock & By & {
    participantId: string;
    reportId: string;
    periodDays: number;
    substances: { substance: Substance; daysUsed: number }[];
  };
}>;

export type RecordLapse = Readonly<{
  type: 'RecordLapse';
  data: Clock & By & { participantId: string; lapseId: string; occurredOn: string; substances: Substance[]; policy: SitePolicy };
}>;

export type RecordRelapse = Readonly<{
  type: 'RecordRelapse';
  data: Clock & By & { participantId: string; relapseId: string; occurredOn: string; substances: Substance[] };
}>;

export type SetSobrietyStart = Readonly<{
  type: 'SetSobrietyStart';
  data: Clock & { participantId: string; startedOn: string };
}>;

export type RecordMilestone = Readonly<{
  type: 'RecordMilestone';
  data: Clock & By & { participantId: string; milestoneDays: number; policy: SitePolicy };
}>;

export type RecordReadmission = Readonly<{
  type: 'RecordReadmission';
  data: Clock & By & { participantId: string; readmissionId: string; setting: ReadmissionSetting; admittedOn: string };
}>;

export type RecordEmergencyVisit = Readonly<{
  type: 'RecordEmergencyVisit';
  data: Clock & By & { participantId: string; visitId: string; visitedOn: string; substanceRelated: boolean; overdose: boolean };
}>;

export type RecordReintegration = Readonly<{
  type: 'RecordReintegration';
  data: Clock & By & {
    participantId: string;
    checkpoint: ReintegrationCheckpoint;
    livingSituation: LivingSituation;
    occupation: Occupation;
    socialConnectedness: number;
    recordedOn: string;
  };
}>;

/** Facts heard from other services: recorded, not judged (their own service decided them). */
export type RecordAdmission = Readonly<{
  type: 'RecordAdmission';
  data: {
    participantId: string;
    episodeId: string;
    admittedOn: string;
    programme: string;
    levelOfCare: string;
    referralSource: string | null;
    transferredIn: boolean;
    heardFrom: HeardFrom;
  };
}>;

export type RecordLevelOfCareChange = Readonly<{
  type: 'RecordLevelOfCareChange';
  data: { participantId: string; episodeId: string; levelOfCare: string; changedOn: string; heardFrom: HeardFrom };
}>;

export type RecordDischarge = Readonly<{
  type: 'RecordDischarge';
  data: { participantId: string; episodeId: string; dischargedOn: string; reason: DischargeReason; heardFrom: HeardFrom };
}>;

export type RecordAttendance = Readonly<{
  type: 'RecordAttendance';
  data: { participantId: string; sessionId: string; groupKind: string; heldOn: string; status: AttendanceStatus; minutes: number; heardFrom: HeardFrom };
}>;

/** A correction heard from sessions: recorded as heard; which revision counts is the read side's rule. */
export type RecordAttendanceCorrection = Readonly<{
  type: 'RecordAttendanceCorrection';
  data: { participantId: string; sessionId: string; groupKind: string; heldOn: string; status: AttendanceStatus; minutes: number; revision: number; heardFrom: HeardFrom };
}>;

export type RecordMentorMatch = Readonly<{
  type: 'RecordMentorMatch';
  data: { participantId: string; matchId: string; mentorId: string; matchedAt: string; heardFrom: HeardFrom };
}>;

export type RecordMentorMatchEnded = Readonly<{
  type: 'RecordMentorMatchEnded';
  data: { participantId: string; matchId: string; mentorId: string; endedAt: string; heardFrom: HeardFrom };
}>;

export type RecordMentorContact = Readonly<{
  type: 'RecordMentorContact';
  data: {
    participantId: string;
    contactId: string;
    matchId: string;
    mentorId: string;
    kind: string;
    minutes: number;
    contactAt: string;
    heardFrom: HeardFrom;
  };
}>;

export type ParticipantRecordCommand =
  | RecordAssessment
  | AcknowledgeSafetyAlert
  | ResolveSafetyAlert
  | RecordDrugScreen
  | ReportSubstanceUse
  | RecordLapse
  | RecordRelapse
  | SetSobrietyStart
  | RecordMilestone
  | RecordReadmission
  | RecordEmergencyVisit
  | RecordReintegration
  | RecordAdmission
  | RecordLevelOfCareChange
  | RecordDischarge
  | RecordAttendance
  | RecordAttendanceCorrection
  | RecordMentorMatch
  | RecordMentorMatchEnded
  | RecordMentorContact;
