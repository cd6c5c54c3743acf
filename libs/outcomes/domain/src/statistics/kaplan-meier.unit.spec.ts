import fc from 'fast-check';
import { kaplanMeier, kaplanMeierOf, medianSurvivalTime, survivalAt, type SurvivalObservation } from './kaplan-meier';

const event = (time: number): SurvivalObservation => ({ time, event: true });
const censored = (time: number): SurvivalObservation => ({ time, event: false });

describe('Kaplan–Meier estimate', () => {
  it('matches the hand-worked four-person example', () => {
    // n=4; t=1 one event (3/4); t=2 censored; t=3 one of two (3/8); t=4 the last (0).
    const curve = kaplanMeierOf([event(1), censored(2), event(3), event(4)]);
    expect(curve.steps.map((s) => [s.time, s.atRisk, s.survival])).toEqual([
      [1, 4, 0.75],
      [2, 3, 0.75],
      [3, 2, 0.375],
      [4, 1, 0],
    ]);
    expect(curve.events).toBe(3);
    expect(medianSurvivalTime(curve)).toBe(3);
  });

  it('gives the published 6-MP arm of Freireich et al. (1963)', () => {
    const weeks = [
      event(6), event(6), event(6), censored(6), event(7), censored(9), event(10), censored(10), censored(11),
      event(13), event(16), censored(17), censored(19), censored(20), event(22), event(23), censored(25),
      censored(32), censored(32), censored(34), censored(35),
    ];
    const curve = kaplanMeierOf(weeks);
    const at = (t: number) => Number(survivalAt(curve, t).toFixed(3));
    expect([6, 7, 10, 13, 16, 22, 23].map(at)).toEqual([0.857, 0.807, 0.753, 0.69, 0.627, 0.538, 0.448]);
    expect(medianSurvivalTime(curve)).toBe(23);
  });

  it('puts the log–log Greenwood band around the estimate', () => {
    const curve = kaplanMeierOf([event(1), censored(2), event(3), event(4)]);
    const first = curve.steps[0];
    const se = Math.sqrt(1 / 12) / Math.abs(Math.log(0.75));
    expect(first.lower).toBeCloseTo(Math.pow(0.75, Math.exp(1.959964 * se)), 6);
    expect(first.upper).toBeCloseTo(Math.pow(0.75, Math.exp(-1.959964 * se)), 6);
    expect(curve.steps[3].lower).toBeNull();
  });

  it('counts the censored at risk for events at the same time', () => {
    const curve = kaplanMeier([{ time: 5, events: 1, censored: 1 }]);
    expect(curve.steps[0]).toMatchObject({ atRisk: 2, survival: 0.5 });
  });

  it('stays at 1 when everyone is still in treatment (all censored)', () => {
    const curve = kaplanMeierOf([censored(3), censored(9)]);
    expect(survivalAt(curve, 100)).toBe(1);
    expect(medianSurvivalTime(curve)).toBeNull();
  });

  it('agrees with a product-limit computed person by person', () => {
    const observation = fc.record({ time: fc.integer({ min: 0, max: 40 }), event: fc.boolean() });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 60 }), (observations) => {
        const curve = kaplanMeierOf(observations);
        for (let t = 0; t <= 41; t++) {
          expect(survivalAt(curve, t)).toBeCloseTo(referenceSurvival(observations, t), 10);
        }
        const steps = curve.steps.map((s) => s.survival);
        expect(steps.every((s, i) => i === 0 || s <= steps[i - 1])).toBe(true);
      }),
    );
  });
});

/** The textbook definition, written the slow way: Π over event times ≤ t of (1 − d/n). */
const referenceSurvival = (observations: readonly SurvivalObservation[], t: number): number => {
  const eventTimes = [...new Set(observations.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  let survival = 1;
  for (const time of eventTimes) {
    if (time > t) break;
    const atRisk = observations.filter((o) => o.time >= time).length;
    const deaths = observations.filter((o) => o.time === time && o.event).length;
    survival *= 1 - deaths / atRisk;
  }
  return survival;
};
