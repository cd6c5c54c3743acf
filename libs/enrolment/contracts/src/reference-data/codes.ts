/**
 * The codes of the versioned reference data (DESIGN §5 "Sites and reference data"). These lists are
 * every code any reference-data version has ever had: a code is never reused with another meaning,
 * and an event names the reference-data version it was decided under.
 */

/** ASAM Criteria levels of care. */
export const ASAM_LEVELS = ['0.5', '1', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4'] as const;
export type AsamLevel = (typeof ASAM_LEVELS)[number];

export const PROGRAMMES = ['outpatient', 'intensive-outpatient', 'residential', 'recovery-housing', 'aftercare'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** TEDS reason for discharge. `left-against-advice` covers "left against professional advice / dropped out". */
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

/** TEDS principal source of referral. */
export const REFERRAL_SOURCES = [
  'self',
  'treatment-provider',
  'health-care-provider',
  'school',
  'employer',
  'community',
  'criminal-justice',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Why a level of care changed: codes, never free text (events leave the service). */
export const LEVEL_OF_CARE_CHANGE_REASONS = [
  'clinical-improvement',
  'clinical-need',
  'participant-preference',
  'payer-authorisation',
  'service-availability',
  'other',
] as const;
export type LevelOfCareChangeReason = (typeof LEVEL_OF_CARE_CHANGE_REASONS)[number];

export const TRANSFER_REASONS = [
  'continuity-of-care',
  'relocation',
  'level-of-care-not-offered',
  'participant-preference',
  'other',
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

export const TRANSFER_DECLINE_REASONS = [
  'no-capacity',
  'programme-not-offered',
  'clinical-criteria-not-met',
  'participant-not-reachable',
  'other',
] as const;
export type TransferDeclineReason = (typeof TRANSFER_DECLINE_REASONS)[number];
