import fc from 'fast-check';
import { ratePer, rateRatio } from './rate-ratio';

describe('Rates and rate ratios', () => {
  it('expresses relapses per 1,000 participant-days', () => {
    expect(ratePer({ events: 3, personTime: 1500 })).toBeCloseTo(2, 12);
    expect(ratePer({ events: 3, personTime: 0 })).toBeNull();
  });

  it('matches the hand-worked 20 vs 10 events in 1,000 days each', () => {
    // RR = 2; SE = √(1/20 + 1/10) = 0.3873; 95% CI = exp(ln 2 ± 1.96 × 0.3873) = 0.936 … 4.273
    const result = rateRatio({ events: 20, personTime: 1000 }, { events: 10, personTime: 1000 });
    if (!result.estimable) throw new Error('expected an estimate');
    expect(result.ratio).toBeCloseTo(2, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.15), 12);
    expect(result.lower).toBeCloseTo(0.936, 3);
    expect(result.upper).toBeCloseTo(4.273, 3);
  });

  it('refuses to estimate with a zero count or no person-time', () => {
    expect(rateRatio({ events: 0, personTime: 10 }, { events: 3, personTime: 10 }).estimable).toBe(false);
    expect(rateRatio({ events: 2, personTime: 0 }, { events: 3, personTime: 10 }).estimable).toBe(false);
  });

  it('agrees with the log-method formula, brackets the ratio and inverts when the groups swap', () => {
    const rate = fc.record({ events: fc.integer({ min: 1, max: 500 }), personTime: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(rate, rate, (a, b) => {
        const ab = rateRatio(a, b);
        const ba = rateRatio(b, a);
        if (!ab.estimable || !ba.estimable) throw new Error('expected estimates');
        const reference = (a.events / a.personTime) / (b.events / b.personTime);
        const se = Math.sqrt(1 / a.events + 1 / b.events);
        expect(ab.ratio).toBeCloseTo(reference, 8);
        expect(Math.log(ab.upper) - Math.log(ab.lower)).toBeCloseTo(2 * 1.959964 * se, 5);
        expect(ab.lower).toBeLessThanOrEqual(ab.ratio);
        expect(ab.upper).toBeGreaterThanOrEqual(ab.ratio);
        expect(ba.ratio * ab.ratio).toBeCloseTo(1, 8);
        expect(ba.lower * ab.upper).toBeCloseTo(1, 6);
      }),
    );
  });
});
