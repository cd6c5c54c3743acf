import fc from 'fast-check';
import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import type { UnitsComputed } from '@alongside/sessions/contracts';
import { billingDayDecider, type ComputeUnits } from './billing-day';
import { PAYER_RULE_SETS, payerRuleSetOf, unitsForMinutes, type PayerRule } from './payer-rules';

const H0038 = PAYER_RULE_SETS['standard@1'].rules['peer-support']!;
const given = DeciderSpecification.for(billingDayDecider);
const compute = (sessionId: string, minutes: number, rule: PayerRule = H0038): ComputeUnits => ({
  type: 'ComputeUnits',
  data: { participantId: 'p', sessionId, groupId: 'g', serviceDate: '2025-04-01', minutes, rule, payerRulesRef: 'standard@1', at: '2025-04-01T20:00:00Z' },
});
const rules = fc.record({
  code: fc.constant('H0038'),
  minutesPerUnit: fc.integer({ min: 5, max: 60 }),
  minimumMinutesForUnit: fc.integer({ min: 1, max: 60 }),
  maxUnitsPerDay: fc.integer({ min: 1, max: 32 }),
}).filter((r) => r.minimumMinutesForUnit <= r.minutesPerUnit);

describe('Billable units', () => {
  it.each([
    [7, 0],
    [8, 1],
    [15, 1],
    [22, 1],
    [23, 2],
    [60, 4],
    [90, 6],
  ])('gives H0038 %i minutes %i units (15-minute units, 8 minutes for a unit)', (minutes, units) => expect(unitsForMinutes(minutes, H0038)).toBe(units));

  it('never gives fewer units for more minutes', () => {
    fc.assert(fc.property(rules, fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 720 }), (rule, a, b) => {
      const [less, more] = a <= b ? [a, b] : [b, a];
      expect(unitsForMinutes(less, rule)).toBeLessThanOrEqual(unitsForMinutes(more, rule));
    }));
  });

  it("never passes the payer's daily maximum, however many sessions a day holds", () => {
    fc.assert(fc.property(rules, fc.array(fc.integer({ min: 0, max: 240 }), { minLength: 1, maxLength: 12 }), (rule, sessions) => {
      let events: UnitsComputed[] = [];
      sessions.forEach((minutes, i) => {
        events = [...events, ...billingDayDecider.decide(compute(`s${i}`, minutes, rule), fold(billingDayDecider, events))];
      });
      const total = events.reduce((sum, e) => sum + e.data.units, 0);
      expect(total).toBeLessThanOrEqual(rule.maxUnitsPerDay);
      expect(total).toBe(Math.min(rule.maxUnitsPerDay, sessions.reduce((sum, m) => sum + unitsForMinutes(m, rule), 0)));
    }));
  });

  it('caps the units of a session that would pass the daily maximum', () => {
    const first = given([]).when(compute('s1', 180)).events();
    expect(first[0].data).toMatchObject({ units: 12, uncappedUnits: 12 });
    given(first).when(compute('s2', 90)).then([
      { type: 'UnitsComputed', data: { participantId: 'p', sessionId: 's2', groupId: 'g', serviceDate: '2025-04-01', minutes: 90, payerRulesRef: 'standard@1', code: 'H0038', uncappedUnits: 6, units: 4, computedAt: '2025-04-01T20:00:00Z' } },
    ]);
  });

  it('records nothing when the same session is computed again', () => {
    const first = given([]).when(compute('s1', 60)).events();
    given(first).when(compute('s1', 60)).then([]);
  });

  it('records nothing for minutes that make no unit', () => given([]).when(compute('s1', 7)).then([]));

  it("falls back to the standard rules for a ref it does not know", () => expect(payerRuleSetOf('unknown@9').ref).toBe('standard@1'));
});
