import type { AssessmentBand, DischargeReason, Instrument } from '../vocabulary';

/**
 * What the outcomes service answers to the dashboard and to analysts: aggregates only. These are
 * the shapes the web page draws, so they live in the contract the dashboard may import.
 */
export type DashboardFilters = Readonly<{
  /** Admissions from this day (inclusive), ISO date. */
  from?: string;
  /** Admissions up to this day (inclusive), ISO date. */
  to?: string;
  programme?: string;
  levelOfCare?: string;
  /** Admission month, `YYYY-MM`. */
  cohort?: string;
  mentored?: 'mentored' | 'not-mentored';
}>;

export type SurvivalPoint = Readonly<{ day: number; survival: number; lower: number | null; upper: number | null; atRisk: number }>;

export type SurvivalCurveView = Readonly<{
  subjects: number;
  events: number;
  /** Null when the curve has not fallen to one half. */
  medianDays: number | null;
  points: readonly SurvivalPoint[];
}>;

export type RetainedShare = Readonly<{ eligible: number; retained: number; share: number | null }>;

export type RetentionView = Readonly<{
  siteId: string;
  asOf: string;
  census: Readonly<{ active: number; admittedInRange: number; dischargedInRange: number }>;
  weekly: readonly Readonly<{ weekStart: string; admissions: number; discharges: number }>[];
  dischargeReasons: readonly Readonly<{ reason: DischargeReason; count: number }>[];
  timeInTreatment: SurvivalCurveView;
  retentionByCohort: readonly Readonly<{
    cohort: string;
    admitted: number;
    day30: RetainedShare;
    day60: RetainedShare;
    day90: RetainedShare;
  }>[];
}>;

export type RateView = Readonly<{ participants: number; participantDays: number; events: number; ratePer1000Days: number | null }>;

export type RateRatioView =
  | Readonly<{ estimable: true; ratio: number; lower: number; upper: number }>
  | Readonly<{ estimable: false; reason: string }>;

export type RelapseView = Readonly<{
  siteId: string;
  asOf: string;
  relapses: RateView;
  lapses: RateView;
  timeToFirstRelapse: SurvivalCurveView;
  screens: Readonly<{ total: number; positive: number; positiveRate: number | null }>;
  mentoring: Readonly<{
    mentored: RateView;
    notMentored: RateView;
    /** Relapse rate of the mentored over that of the not mentored, 95% CI (log method). */
    rateRatio: RateRatioView;
    logRank: Readonly<{ chiSquare: number; pValue: number | null }>;
    mentoredCurve: SurvivalCurveView;
    notMentoredCurve: SurvivalCurveView;
    interpretation: string;
  }>;
  byAttendanceDose: readonly (Readonly<{ band: AttendanceDoseBand }> & RateView)[];
}>;

/** Sessions attended per week in treatment. */
export const ATTENDANCE_DOSE_BANDS = ['none', 'under-1', '1-to-2', '3-or-more'] as const;
export type AttendanceDoseBand = (typeof ATTENDANCE_DOSE_BANDS)[number];

export type EngagementView = Readonly<{
  siteId: string;
  asOf: string;
  sessionsByGroupKind: readonly Readonly<{ groupKind: string; sessions: number; attendances: number; attended: number; attendanceRate: number | null }>[];
  contacts: Readonly<{ total: number; minutes: number; perParticipantWeek: number | null }>;
  caseloads: readonly Readonly<{ mentorId: string; participants: number }>[];
  /** Counts only: the clinicians' queue of alerts (with ids) is its own route. */
  safetyAlerts: Readonly<{ open: number; unacknowledged: number; oldestUnacknowledgedAt: string | null }>;
  mentoredParticipants: number;
}>;

export type InstrumentChangeView = Readonly<{
  instrument: Instrument;
  assessed: number;
  /** Participants with at least two assessments; change is absent (not zero) for the others. */
  withChange: number;
  intakeMean: number | null;
  latestMean: number | null;
  /** PHQ-9/GAD-7: moved down at least one band. BARC-10: gained 5 points or more. */
  improved: number;
  improvedShare: number | null;
  bandsAtIntake: readonly Readonly<{ band: AssessmentBand; count: number }>[];
  bandsLatest: readonly Readonly<{ band: AssessmentBand; count: number }>[];
}>;

export type ReintegrationCheckpointView = Readonly<{
  checkpoint: string;
  reviewed: number;
  /** Independent, with family or friends, recovery residence or supported housing. */
  stablyHoused: number;
  /** Employed, in education or training, or volunteering. */
  inWorkOrEducation: number;
  meanConnectedness: number | null;
}>;

export type AfterDischargeView = Readonly<{
  discharged: number;
  relapsesAfterDischarge: number;
  readmissions: number;
  emergencyVisits: number;
  overdoses: number;
  reintegration: readonly ReintegrationCheckpointView[];
}>;

export type WellbeingView = Readonly<{
  siteId: string;
  asOf: string;
  instruments: readonly InstrumentChangeView[];
  afterDischarge: AfterDischargeView;
}>;

/** Cheap "has anything changed?" answer the page polls: the last log position projected for the site. */
export type DashboardVersion = Readonly<{ siteId: string; version: string }>;

/** The values the filters offer for a site: what its episodes actually have. */
export type DashboardFacets = Readonly<{ siteId: string; programmes: readonly string[]; levelsOfCare: readonly string[]; cohorts: readonly string[] }>;
