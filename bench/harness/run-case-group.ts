import { loadavg } from 'node:os';
import type { CaseDefinition, CaseResult } from './bench-case';
import { CaseProcess, type CaseProcessOptions } from './case-process';

export type CaseRun = Readonly<{
  definition: CaseDefinition;
  result?: CaseResult;
  error?: string;
  startedAt: string;
  wallMs: number;
  /** The 1-minute load average before and after: on a shared machine, part of the figure. */
  load: readonly [number, number];
}>;

export type RunGroupOptions = CaseProcessOptions & Readonly<{ timeoutMs: number; onRound: () => void }>;

/**
 * Runs the subjects of one case (ours, the peer, the limit), each in a fresh child process, with
 * their rounds interleaved: all of them set up (seed, connect) first, then round 1 of each in
 * turn, round 2 of each, and so on, one at a time. A load swing on a shared machine then lands on
 * every subject, and the ratios of DESIGN §9 compare like with like.
 */
export const runCaseGroup = async (definitions: readonly CaseDefinition[], options: RunGroupOptions): Promise<CaseRun[]> => {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0];
  const started = Date.now();
  const processes = definitions.map((definition) => new CaseProcess(definition, options));
  const timer = setTimeout(() => processes.forEach((p) => p.kill(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
  try {
    // Every subject finishes its setup before any is timed: a seeding neighbour would slow a round.
    let waiting = await Promise.all(processes.map(async (p) => ((await p.next()) === 'ready' ? p : undefined)));
    while (waiting.some((p) => p !== undefined)) {
      const next: (CaseProcess | undefined)[] = [];
      for (const process of waiting) {
        if (!process) continue;
        process.go();
        const after = await process.next();
        if (after === 'round') options.onRound();
        next.push(after === 'round' && (await process.next()) === 'ready' ? process : undefined);
      }
      waiting = next;
    }
  } finally {
    clearTimeout(timer);
  }
  const loadAfter = loadavg()[0];
  return processes.map((p) => ({
    definition: p.definition,
    result: p.result,
    error: p.error,
    startedAt,
    wallMs: Date.now() - started,
    load: [loadBefore, loadAfter] as const,
  }));
};
