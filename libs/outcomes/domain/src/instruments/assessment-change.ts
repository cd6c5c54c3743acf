import type { Instrument } from '@alongside/outcomes/contracts';
import { severityOf } from './score-assessment';

/** BARC-10 gains of at least this many points count as improvement (instruments.md). */
export const BARC10_MEANINGFUL_GAIN = 5;

export type Change = Readonly<{ intake: number; latest: number; difference: number; improved: boolean }>;

/**
 * Intake vs latest for one participant. With fewer than two assessments there is no change:
 * null, which dashboards leave out, rather than a zero that would read as "no improvement".
 */
export const changeBetween = (instrument: Instrument, totals: readonly number[]): Change | null => {
  if (totals.length < 2) return null;
  const intake = totals[0];
  const latest = totals[totals.length - 1];
  const improved =
    instrument === 'BARC-10'
      ? latest - intake >= BARC10_MEANINGFUL_GAIN
      : severityOf(instrument, latest) < severityOf(instrument, intake);
  return { intake, latest, difference: latest - intake, improved };
};
