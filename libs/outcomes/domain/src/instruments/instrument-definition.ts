import type { AssessmentBand, Instrument } from '@alongside/outcomes/contracts';

/**
 * An instrument as scoring needs it: how many items, the answer range, and the bands of the total.
 * Versioned: an assessment records the version it was scored under (instruments.md).
 */
export type InstrumentDefinition = Readonly<{
  instrument: Instrument;
  version: string;
  itemCount: number;
  minAnswer: number;
  maxAnswer: number;
  /** Ascending by lower bound; a total falls in the last band whose `from` it reaches. */
  bands: readonly Readonly<{ from: number; band: AssessmentBand; severity: number }>[];
  /** Higher totals are better (BARC-10) or worse (PHQ-9, GAD-7). */
  higherIsBetter: boolean;
}>;

export const PHQ9: InstrumentDefinition = {
  instrument: 'PHQ-9',
  version: 'phq-9@2001',
  itemCount: 9,
  minAnswer: 0,
  maxAnswer: 3,
  bands: [
    { from: 0, band: 'minimal', severity: 0 },
    { from: 5, band: 'mild', severity: 1 },
    { from: 10, band: 'moderate', severity: 2 },
    { from: 15, band: 'moderately-severe', severity: 3 },
    { from: 20, band: 'severe', severity: 4 },
  ],
  higherIsBetter: false,
};

export const GAD7: InstrumentDefinition = {
  instrument: 'GAD-7',
  version: 'gad-7@2006',
  itemCount: 7,
  minAnswer: 0,
  maxAnswer: 3,
  bands: [
    { from: 0, band: 'minimal', severity: 0 },
    { from: 5, band: 'mild', severity: 1 },
    { from: 10, band: 'moderate', severity: 2 },
    { from: 15, band: 'severe', severity: 3 },
  ],
  higherIsBetter: false,
};

/** 47 or more: the published marker associated with sustained remission, never a diagnosis. */
export const BARC10_REMISSION_MARKER = 47;

export const BARC10: InstrumentDefinition = {
  instrument: 'BARC-10',
  version: 'barc-10@2017',
  itemCount: 10,
  minAnswer: 1,
  maxAnswer: 6,
  bands: [
    { from: 10, band: 'below-remission-marker', severity: 1 },
    { from: BARC10_REMISSION_MARKER, band: 'above-remission-marker', severity: 0 },
  ],
  higherIsBetter: true,
};

export const INSTRUMENT_DEFINITIONS: Readonly<Record<Instrument, InstrumentDefinition>> = {
  'PHQ-9': PHQ9,
  'GAD-7': GAD7,
  'BARC-10': BARC10,
};

/** PHQ-9 item 9 ("thoughts that you would be better off dead…") is the 9th answer. */
export const PHQ9_SAFETY_ITEM_INDEX = 8;
