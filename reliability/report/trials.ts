// What the reliability suite tried and what held, one JSON line per trial, collected across jest
// workers into `.cache/reliability/trials.jsonl`; `write-report.ts` turns the lines into
// `docs/reliability.md`. Appending whole short lines keeps lines from two workers apart.
import fs from 'node:fs';
import path from 'node:path';

export const trialsFile = path.resolve(__dirname, '..', '..', '.cache', 'reliability', 'trials.jsonl');

export type Trial = {
  /** Report section, e.g. "Broker faults", "Bad input", "Isolation and abuse". */
  area: string;
  /** What was tried, in words a reader of the report understands. */
  tried: string;
  /** How many times (requests, kills, messages, property runs…). */
  times: number;
  /** What held, e.g. "every event in every read model exactly once". */
  held: string;
  /** Whether it held; a failing trial is recorded too, and the test fails. */
  passed: boolean;
  /** Figures worth keeping: durations, counts, seeds. */
  figures?: Record<string, number | string>;
};

export const recordTrial = (trial: Trial): void => {
  fs.mkdirSync(path.dirname(trialsFile), { recursive: true });
  fs.appendFileSync(trialsFile, `${JSON.stringify({ ...trial, at: new Date().toISOString() })}\n`);
};

export const readTrials = (): Array<Trial & { at: string }> =>
  fs.existsSync(trialsFile)
    ? fs
        .readFileSync(trialsFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Trial & { at: string })
    : [];
