import type { Check, Target } from './targets';
import type { ResultRow } from './results-file';

export type CheckOutcome = Readonly<{
  /** `≥ 1.5× emmett` */
  target: string;
  /** `1.83×` or `2.1 ms` */
  measured: string;
  value: number | null;
  verdict: 'PASS' | 'MISS' | 'n/a';
}>;

const subjectRow = (rows: readonly ResultRow[], target: Target, subject: string): ResultRow | undefined =>
  rows.find((r) => r.suite === target.suite && r.case === target.case && r.subject === subject && r.throughput !== undefined);

const fmt = (n: number, digits = 2): string => n.toFixed(digits);

const outcome = (target: string, value: number | null, pass: (v: number) => boolean, show: (v: number) => string): CheckOutcome =>
  value === null || !Number.isFinite(value)
    ? { target, measured: '—', value: null, verdict: 'n/a' }
    : { target, measured: show(value), value, verdict: pass(value) ? 'PASS' : 'MISS' };

/** Each check of a target against the rows of its case. */
export const evaluate = (target: Target, rows: readonly ResultRow[]): CheckOutcome[] => {
  const ours = subjectRow(rows, target, 'ours');
  return target.checks.map((check: Check) => {
    switch (check.kind) {
      case 'ratio': {
        const reference = subjectRow(rows, target, check.reference);
        const ratio = ours?.throughput && reference?.throughput ? ours.throughput / reference.throughput : null;
        return outcome(`≥ ${check.atLeast}× ${check.reference} (${check.role})`, ratio, (v) => v >= check.atLeast, (v) => `${fmt(v, 3)}×`);
      }
      case 'p99':
        return outcome(`p99 ≤ ${check.atMostMs} ms`, ours?.latencyMs?.p99 ?? null, (v) => v <= check.atMostMs, (v) => `${fmt(v)} ms`);
      case 'p95':
        return outcome(`p95 < ${check.atMostMs} ms`, ours?.latencyMs?.p95 ?? null, (v) => v < check.atMostMs, (v) => `${fmt(v)} ms`);
      case 'throughput':
        return outcome(`≥ ${check.atLeast.toLocaleString('en')} ${ours?.unit ?? ''}`.trim(), ours?.throughput ?? null, (v) => v >= check.atLeast, (v) => Math.round(v).toLocaleString('en'));
    }
  });
};
