import { count, ms, oursOver, targetOutcomes } from './figures';
import type { ResultRow } from './results-file';

const table = (header: readonly string[], lines: readonly (readonly string[])[]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
};

/** The table printed at the end of a run: every row, then every target with its verdict. */
export const resultsTable = (rows: readonly ResultRow[]): string => {
  const figures = table(
    ['case', 'subject', 'median', 'unit', 'p50 ms', 'p95 ms', 'p99 ms', 'ours ÷', 'load'],
    rows.map((r) => [
      r.case,
      r.subject,
      r.error ? 'FAILED' : count(r.throughput),
      r.unit ?? '',
      ms(r.latencyMs?.p50),
      ms(r.latencyMs?.p95),
      ms(r.latencyMs?.p99),
      oursOver(rows, r),
      r.load.map((l) => l.toFixed(1)).join('→'),
    ]),
  );
  const verdicts = table(
    ['case', 'target', 'measured', 'verdict'],
    targetOutcomes(rows).flatMap(({ target, checks }) => checks.map((c) => [target.case, c.target, c.measured, c.verdict])),
  );
  const failures = rows.filter((r) => r.error).map((r) => `${r.suite}/${r.case}/${r.subject} failed:\n${r.error}`);
  return [figures, '', verdicts, ...failures].join('\n');
};
