import fc from 'fast-check';
import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import type { BillingEvent } from '@alongside/sessions/contracts';
import { billingDayDecider, type ComputeUnits, type CorrectUnits } from './billing-day';
import { PAYER_RULE_SETS, payerRuleSetOf, unitsForMinutes, type PayerRule } from './payer-rules';

const H0038 = PAYER_RULE_SETS['standard@1'].rules['peer-support']!;
const given = DeciderSpecification.for(billingDayDecider);
const compute = (sessionId: string, minutes: number, rule: PayerRule = H0038): ComputeUnits => ({
  type: 'ComputeUnits',
  data: { participantId: 'p', sessionId, groupId: 'g', serviceDate: '2025-04-01', minutes, rule, payerRulesRef: 'standard@1', at: '2025-04-01T20:00:00Z' },
});
const correction = (sessionId: string, minutes: number, revision: number, rule: PayerRule = H0038): CorrectUnits => ({
  type: 'CorrectUnits',
  data: { ...compute(sessionId, minutes, rule).data, revision, at: '2025-04-02T09:00:00Z' },
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
      let events: BillingEvent[] = [];
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

  describe('when an attendance entry is corrected', () => {
    it('bills the corrected minutes, and a lower bill makes room under the maximum for later sessions', () => {
      const first = given([]).when(compute('s1', 180)).events();
      const second = given(first).when(compute('s2', 90)).events();
      expect(second[0].data).toMatchObject({ units: 4, uncappedUnits: 6 });
      const corrected = given([...first, ...second]).when(correction('s1', 60, 1)).events();
      expect(corrected).toMatchObject([{ type: 'UnitsCorrected', data: { sessionId: 's1', minutes: 60, revision: 1, previousUnits: 12, uncappedUnits: 4, units: 4, correctedAt: '2025-04-02T09:00:00Z' } }]);
      expect(fold(billingDayDecider, [...first, ...second, ...corrected]).units).toBe(8);
      expect(given([...first, ...second, ...corrected]).when(compute('s3', 90)).events()).toMatchObject([{ type: 'UnitsComputed', data: { units: 6 } }]);
    });

    it('caps a correction that raises the minutes by what the other sessions of the day already hold', () => {
      const first = given([]).when(compute('s1', 150)).events();
      const second = given(first).when(compute('s2', 30)).events();
      expect(given([...first, ...second]).when(correction('s2', 120, 1)).events()).toMatchObject([{ type: 'UnitsCorrected', data: { previousUnits: 2, uncappedUnits: 8, units: 6 } }]);
    });

    it('records nothing for an older correction arriving after a newer one', () => {
      const billed = given([]).when(compute('s1', 90)).events();
      const newer = given(billed).when(correction('s1', 30, 2)).events();
      given([...billed, ...newer]).when(correction('s1', 60, 1)).then([]);
      given([...billed, ...newer]).when(correction('s1', 60, 2)).then([]);
    });

    it('keeps a correction billed before its original: the original then bills nothing', () => {
      const corrected = given([]).when(correction('s1', 45, 1)).events();
      expect(corrected[0].data).toMatchObject({ previousUnits: 0, units: 3 });
      given(corrected).when(compute('s1', 90)).then([]);
    });

    it('bills zero for an entry corrected to absent', () =>
      expect(given(given([]).when(compute('s1', 90)).events()).when(correction('s1', 0, 1)).events()).toMatchObject([{ type: 'UnitsCorrected', data: { previousUnits: 6, units: 0 } }]));

    it("never passes the daily maximum, and the day holds each session's newest revision, whatever order corrections arrive in", () => {
      const minutes = fc.integer({ min: 0, max: 240 });
      fc.assert(
        fc.property(rules, fc.array(minutes, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), minutes), { maxLength: 8 }), fc.nat(), (rule, sessions, edits, seed) => {
          const commands: (ComputeUnits | CorrectUnits)[] = sessions.map((m, i) => compute(`s${i}`, m, rule));
          const revisions: number[] = sessions.map(() => 0);
          const newest = new Map<string, number>();
          for (const [which, m] of edits) {
            const i = which % sessions.length;
            revisions[i] += 1;
            commands.push(correction(`s${i}`, m, revisions[i], rule));
            newest.set(`s${i}`, m);
          }
          // Shuffled deterministically: a slower writer or a replay may deliver any of them late.
          const order = commands.map((c, i) => ({ c, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k).map((x) => x.c);
          let events: BillingEvent[] = [];
          for (const command of order) {
            const day = fold(billingDayDecider, events);
            expect(day.units).toBeLessThanOrEqual(rule.maxUnitsPerDay);
            events = [...events, ...billingDayDecider.decide(command, day)];
          }
          const day = fold(billingDayDecider, events);
          expect(day.units).toBeLessThanOrEqual(rule.maxUnitsPerDay);
          expect(day.units).toBe(Object.values(day.bySession).reduce((sum, s) => sum + s.units, 0));
          for (const [sessionId, m] of newest) {
            const last = events.filter((e) => e.data.sessionId === sessionId).at(-1);
            expect(last?.type).toBe('UnitsCorrected');
            expect(last?.data.minutes).toBe(m);
            expect(last?.data.units).toBeLessThanOrEqual(unitsForMinutes(m, rule));
          }
        }),
      );
    });
  });
});
