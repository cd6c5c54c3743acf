import { CASES } from './cases';
import { evaluate, type CheckOutcome } from './evaluate';
import type { ResultRow, SuiteResults } from './results-file';
import { TARGETS, type Target } from './targets';

/** Thousands separated, no decimals: figures on noisy machines do not deserve more. */
export const count = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en'));
export const ms = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));

const order = (row: ResultRow): number => CASES.findIndex((c) => c.suite === row.suite && c.name === row.case && c.subject === row.subject);

/** Rows in the registry's order (a partial run appends its rows after the kept ones). */
export const orderedRows = (suites: readonly SuiteResults[]): ResultRow[] => suites.flatMap((s) => s.rows).sort((a, b) => order(a) - order(b));

/** ours ÷ this row, for the `× ours` column: how far our figure is from each reference. */
export const oursOver = (rows: readonly ResultRow[], row: ResultRow): string => {
  const ours = rows.find((r) => r.suite === row.suite && r.case === row.case && r.subject === 'ours');
  if (row.subject === 'ours' || !ours?.throughput || !row.throughput) return '';
  return `${(ours.throughput / row.throughput).toFixed(2)}×`;
};

export type TargetOutcome = Readonly<{ target: Target; checks: CheckOutcome[] }>;

export const targetOutcomes = (rows: readonly ResultRow[]): TargetOutcome[] =>
  TARGETS.filter((t) => rows.some((r) => r.suite === t.suite && r.case === t.case)).map((target) => ({ target, checks: evaluate(target, rows) }));
