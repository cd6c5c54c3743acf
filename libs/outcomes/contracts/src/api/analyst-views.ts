/**
 * The analyst API's tables: aggregated, small-cell suppressed, never a person. A suppressed value
 * is `{ suppressed: true, value: null }`, never a number, and never says why it was suppressed.
 */
export type PublishedValue = Readonly<{ suppressed: false; value: number | null }> | Readonly<{ suppressed: true; value: null }>;

export const COHORT_DIMENSIONS = ['site', 'admissionMonth', 'programme', 'levelOfCare', 'mentored'] as const;
export type CohortDimension = (typeof COHORT_DIMENSIONS)[number];

export const ANALYST_MEASURES = [
  'admitted',
  'active',
  'discharged',
  'completed',
  'retained90',
  'eligible90',
  'relapses',
  'lapses',
  'participantDays',
  'relapsesPer1000Days',
  'screens',
  'positiveScreens',
  'positiveScreenRate',
] as const;
export type AnalystMeasure = (typeof ANALYST_MEASURES)[number];

export type AnalystMeasuresTable = Readonly<{
  by: CohortDimension;
  measures: readonly AnalystMeasure[];
  rows: readonly Readonly<{ cohort: string; values: Readonly<Record<AnalystMeasure, PublishedValue>> }>[];
  /** Column totals of the counts (rates over them recomputed, or suppressed with them). */
  total: Readonly<Record<AnalystMeasure, PublishedValue>>;
  suppression: string;
}>;

export type AnalystCrossTable = Readonly<{
  rowsBy: CohortDimension;
  columnsBy: 'dischargeReason' | 'mentored' | 'status';
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly (readonly PublishedValue[])[];
  rowTotals: readonly PublishedValue[];
  columnTotals: readonly PublishedValue[];
  grandTotal: PublishedValue;
  suppression: string;
}>;
