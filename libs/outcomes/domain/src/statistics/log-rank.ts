import { chiSquareOneDfUpperTail } from './chi-square';
import type { GroupedObservations } from './kaplan-meier';

/**
 * Log-rank (Mantel–Cox) test of two survival curves, e.g. time to first relapse for mentored and
 * not-mentored participants. It tests whether the curves differ; it says nothing about why, so
 * screens label it an association, never an effect of mentoring.
 */
export type LogRankResult = Readonly<{
  observedA: number;
  expectedA: number;
  observedB: number;
  expectedB: number;
  variance: number;
  chiSquare: number;
  degreesOfFreedom: 1;
  /** Null when no event happened in either group (nothing to compare). */
  pValue: number | null;
}>;

type AtTime = { eventsA: number; censoredA: number; eventsB: number; censoredB: number };

export const logRankTest = (
  groupA: readonly GroupedObservations[],
  groupB: readonly GroupedObservations[],
): LogRankResult => {
  const times = new Map<number, AtTime>();
  const at = (time: number) => {
    const entry = times.get(time) ?? { eventsA: 0, censoredA: 0, eventsB: 0, censoredB: 0 };
    times.set(time, entry);
    return entry;
  };
  for (const g of groupA) {
    const entry = at(g.time);
    entry.eventsA += g.events;
    entry.censoredA += g.censored;
  }
  for (const g of groupB) {
    const entry = at(g.time);
    entry.eventsB += g.events;
    entry.censoredB += g.censored;
  }

  let atRiskA = groupA.reduce((n, g) => n + g.events + g.censored, 0);
  let atRiskB = groupB.reduce((n, g) => n + g.events + g.censored, 0);
  let observedA = 0;
  let expectedA = 0;
  let observedB = 0;
  let variance = 0;
  for (const [, t] of [...times.entries()].sort(([a], [b]) => a - b)) {
    const deaths = t.eventsA + t.eventsB;
    const atRisk = atRiskA + atRiskB;
    if (deaths > 0 && atRisk > 0) {
      observedA += t.eventsA;
      observedB += t.eventsB;
      expectedA += (deaths * atRiskA) / atRisk;
      if (atRisk > 1) {
        variance += (atRiskA * atRiskB * deaths * (atRisk - deaths)) / (atRisk * atRisk * (atRisk - 1));
      }
    }
    atRiskA -= t.eventsA + t.censoredA;
    atRiskB -= t.eventsB + t.censoredB;
  }
  const expectedB = observedA + observedB - expectedA;
  const chiSquare = variance > 0 ? (observedA - expectedA) ** 2 / variance : 0;
  return {
    observedA,
    expectedA,
    observedB,
    expectedB,
    variance,
    chiSquare,
    degreesOfFreedom: 1,
    pValue: variance > 0 ? chiSquareOneDfUpperTail(chiSquare) : null,
  };
};
