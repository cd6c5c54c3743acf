/**
 * Outcomes' vocabularies: the words events and APIs use. Versioned reference data (instrument
 * wording, TEDS reasons) is recorded by version in the events, so history never changes meaning.
 */
export const INSTRUMENTS = ['PHQ-9', 'GAD-7', 'BARC-10'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export const GAD7_BANDS = ['minimal', 'mild', 'moderate', 'severe'] as const;
/** BARC-10 has no severity bands; 47+ is the published marker associated with sustained remission. */
export const BARC10_BANDS = ['below-remission-marker', 'above-remission-marker'] as const;
export type AssessmentBand =
  | (typeof PHQ9_BANDS)[number]
  | (typeof GAD7_BANDS)[number]
  | (typeof BARC10_BANDS)[number];
export const ASSESSMENT_BANDS: readonly AssessmentBand[] = [...new Set([...PHQ9_BANDS, ...GAD7_BANDS, ...BARC10_BANDS])];

/** PHQ-9's optional tenth question: recorded, never scored. */
export const PHQ9_DIFFICULTIES = ['not-difficult', 'somewhat-difficult', 'very-difficult', 'extremely-difficult'] as const;
export type Phq9Difficulty = (typeof PHQ9_DIFFICULTIES)[number];

export const SAFETY_ALERT_REASONS = ['phq9-item9'] as const;
export type SafetyAlertReason = (typeof SAFETY_ALERT_REASONS)[number];

export const SAFETY_ALERT_RESOLUTIONS = [
  'safety-plan-made',
  'referred-to-crisis-service',
  'emergency-services-called',
  'no-current-risk',
  'other',
] as const;
export type SafetyAlertResolution = (typeof SAFETY_ALERT_RESOLUTIONS)[number];

export const SUBSTANCES = [
  'alcohol',
  'amphetamines',
  'benzodiazepines',
  'buprenorphine',
  'cannabis',
  'cocaine',
  'fentanyl',
  'methadone',
  'methamphetamine',
  'opiates',
  'oxycodone',
  'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const SPECIMENS = ['urine', 'oral-fluid', 'breath', 'blood', 'hair'] as const;
export type Specimen = (typeof SPECIMENS)[number];

export const SCREEN_RESULTS = ['positive', 'negative', 'invalid'] as const;
export type ScreenResult = (typeof SCREEN_RESULTS)[number];

export const READMISSION_SETTINGS = ['withdrawal-management', 'inpatient', 'residential', 'hospital'] as const;
export type ReadmissionSetting = (typeof READMISSION_SETTINGS)[number];

export const REINTEGRATION_CHECKPOINTS = ['intake', 'discharge', 'follow-up-30', 'follow-up-90', 'follow-up-180'] as const;
export type ReintegrationCheckpoint = (typeof REINTEGRATION_CHECKPOINTS)[number];

export const LIVING_SITUATIONS = [
  'independent',
  'with-family-or-friends',
  'recovery-residence',
  'supported-housing',
  'temporary-accommodation',
  'homeless',
  'institution',
] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

export const OCCUPATIONS = [
  'employed-full-time',
  'employed-part-time',
  'education-or-training',
  'volunteering',
  'seeking-work',
  'not-in-labour-force',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** TEDS discharge reasons (DESIGN §5), as enrolment publishes them. */
export const DISCHARGE_REASONS = [
  'completed',
  'left-against-advice',
  'terminated-by-facility',
  'transferred',
  'incarcerated',
  'death',
  'other',
] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

export const SOBRIETY_START_REASONS = ['set-by-clinician', 'relapse', 'lapse-under-site-policy'] as const;
export type SobrietyStartReason = (typeof SOBRIETY_START_REASONS)[number];

export const DEFAULT_MILESTONE_DAYS = [30, 60, 90, 180, 365] as const;

export const ATTENDANCE_STATUSES = ['present', 'late', 'left-early', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
