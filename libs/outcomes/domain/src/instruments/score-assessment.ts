import type { AssessmentBand, Instrument } from '@alongside/outcomes/contracts';
import { RuleViolated } from '@alongside/platform/event-sourcing';
import { INSTRUMENT_DEFINITIONS, type InstrumentDefinition } from './instrument-definition';

export class AnswersNotValid extends RuleViolated {
  constructor(readonly instrument: Instrument, reason: string) {
    super(`These ${instrument} answers cannot be scored: ${reason}.`);
  }
}

export type Score = Readonly<{ instrumentVersion: string; total: number; band: AssessmentBand; severity: number }>;

/** Validates every item against the instrument and scores the total and band; throws AnswersNotValid. */
export const scoreAssessment = (instrument: Instrument, items: readonly number[]): Score => {
  const definition = INSTRUMENT_DEFINITIONS[instrument];
  if (items.length !== definition.itemCount) {
    throw new AnswersNotValid(instrument, `it has ${definition.itemCount} questions and ${items.length} answers were given`);
  }
  items.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < definition.minAnswer || answer > definition.maxAnswer) {
      throw new AnswersNotValid(
        instrument,
        `question ${index + 1} takes a whole number from ${definition.minAnswer} to ${definition.maxAnswer}, not ${answer}`,
      );
    }
  });
  const total = items.reduce((sum, answer) => sum + answer, 0);
  const { band, severity } = bandOf(definition, total);
  return { instrumentVersion: definition.version, total, band, severity };
};

export const bandOf = (definition: InstrumentDefinition, total: number) =>
  [...definition.bands].reverse().find((b) => total >= b.from) ?? definition.bands[0];

export const severityOf = (instrument: Instrument, total: number): number => bandOf(INSTRUMENT_DEFINITIONS[instrument], total).severity;
