import fc from 'fast-check';
import { chiSquareOneDfUpperTail } from './chi-square';
import { groupObservations, type SurvivalObservation } from './kaplan-meier';
import { logRankTest } from './log-rank';

const events = (...times: number[]): SurvivalObservation[] => times.map((time) => ({ time, event: true }));

describe('Log-rank test', () => {
  it('matches the hand-worked example of two groups of two', () => {
    // t=1: nA=2 nB=2 d=1 → E_A=1/2, V=1/4; t=2: nA=1 nB=2 d=1 → E_A=1/3, V=2/9; t=3,4: nA=0.
    const result = logRankTest(groupObservations(events(1, 2)), groupObservations(events(3, 4)));
    expect(result.observedA).toBe(2);
    expect(result.expectedA).toBeCloseTo(5 / 6, 12);
    expect(result.variance).toBeCloseTo(1 / 4 + 2 / 9, 12);
    expect(result.chiSquare).toBeCloseTo((2 - 5 / 6) ** 2 / (1 / 4 + 2 / 9), 10);
    expect(result.pValue).toBeCloseTo(0.0896, 4);
  });

  it('finds no difference between identical groups', () => {
    const group = groupObservations([...events(2, 5, 9), { time: 7, event: false }]);
    const result = logRankTest(group, group);
    expect(result.chiSquare).toBeCloseTo(0, 12);
    expect(result.pValue).toBeCloseTo(1, 6);
  });

  it('has no p-value when nobody had the event', () => {
    const none = groupObservations([{ time: 3, event: false }]);
    expect(logRankTest(none, none).pValue).toBeNull();
  });

  it('gives the textbook chi-square tail (3.841 → 0.05)', () => {
    expect(chiSquareOneDfUpperTail(3.841458820694124)).toBeCloseTo(0.05, 6);
    expect(chiSquareOneDfUpperTail(0)).toBeCloseTo(1, 6);
  });

  it('agrees with a reference computed person by person, and is symmetric', () => {
    const observation = fc.record({ time: fc.integer({ min: 0, max: 20 }), event: fc.boolean() });
    const group = fc.array(observation, { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const result = logRankTest(groupObservations(a), groupObservations(b));
        const reference = referenceLogRank(a, b);
        expect(result.chiSquare).toBeCloseTo(reference, 8);
        expect(logRankTest(groupObservations(b), groupObservations(a)).chiSquare).toBeCloseTo(result.chiSquare, 8);
        expect(result.observedA + result.observedB).toBeCloseTo(result.expectedA + result.expectedB, 8);
      }),
    );
  });
});

/** Σ(O−E) and Σ V over every distinct event time, counting at risk afresh from the raw list. */
const referenceLogRank = (a: SurvivalObservation[], b: SurvivalObservation[]): number => {
  const times = [...new Set([...a, ...b].filter((o) => o.event).map((o) => o.time))].sort((x, y) => x - y);
  let oMinusE = 0;
  let variance = 0;
  for (const t of times) {
    const nA = a.filter((o) => o.time >= t).length;
    const nB = b.filter((o) => o.time >= t).length;
    const dA = a.filter((o) => o.time === t && o.event).length;
    const d = dA + b.filter((o) => o.time === t && o.event).length;
    const n = nA + nB;
    oMinusE += dA - (d * nA) / n;
    if (n > 1) variance += (nA * nB * d * (n - d)) / (n * n * (n - 1));
  }
  return variance > 0 ? oMinusE ** 2 / variance : 0;
};
