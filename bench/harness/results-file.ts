import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, Scale, Suite } from './bench-case';
import type { Machine, Versions } from './machine';
import type { CaseRun } from './run-case-group';

/** One subject of one case, as stored in `results/<suite>.json`. */
export type ResultRow = Readonly<
  { suite: Suite; case: string; subject: string; startedAt: string; wallMs: number; load: readonly [number, number]; error?: string } & Partial<CaseResult>
>;

export type SuiteResults = Readonly<{ suite: Suite; scale: Scale; updatedAt: string; machine: Machine; versions: Versions; rows: readonly ResultRow[] }>;

export const toRow = (run: CaseRun): ResultRow => ({
  suite: run.definition.suite,
  case: run.definition.name,
  subject: run.definition.subject,
  ...run.result,
  startedAt: run.startedAt,
  wallMs: run.wallMs,
  load: run.load,
  ...(run.error ? { error: run.error } : {}),
});

export const suiteFile = (dir: string, suite: Suite): string => join(dir, `${suite}.json`);

export const readSuite = (dir: string, suite: Suite): SuiteResults | undefined =>
  existsSync(suiteFile(dir, suite)) ? (JSON.parse(readFileSync(suiteFile(dir, suite), 'utf8')) as SuiteResults) : undefined;

/**
 * Writes a suite's rows. A run of some cases only replaces those cases' rows: every case's
 * subjects always run together, so each case's ratios still come from one run.
 */
export const writeSuite = (dir: string, fresh: SuiteResults): SuiteResults => {
  mkdirSync(dir, { recursive: true });
  const earlier = readSuite(dir, fresh.suite);
  const rerun = new Set(fresh.rows.map((r) => r.case));
  const kept = earlier && earlier.scale === fresh.scale ? earlier.rows.filter((r) => !rerun.has(r.case)) : [];
  const merged: SuiteResults = { ...fresh, rows: [...kept, ...fresh.rows] };
  writeFileSync(suiteFile(dir, fresh.suite), `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
};
