import type { Decider } from '@alongside/platform/event-sourcing';
import type { BillingEvent } from '@alongside/sessions/contracts';
import { unitsForMinutes, type PayerRule } from './payer-rules';

/** One participant's units for one code on one service day. */
export type BillingDay = Readonly<{ units: number; unitsBySession: Readonly<Record<string, number>> }>;

export type ComputeUnits = Readonly<{
  type: 'ComputeUnits';
  data: { participantId: string; sessionId: string; groupId: string; serviceDate: string; minutes: number; rule: PayerRule; payerRulesRef: string; at: string };
}>;

/**
 * Units of one attendance, capped so that the day never passes the payer's maximum. Computing the
 * same session twice records nothing: the first computation stands.
 */
export const billingDayDecider: Decider<ComputeUnits, BillingEvent, BillingDay> = {
  initialState: () => ({ units: 0, unitsBySession: {} }),
  decide: ({ data }, day) => {
    if (data.sessionId in day.unitsBySession) return [];
    const uncappedUnits = unitsForMinutes(data.minutes, data.rule);
    if (uncappedUnits === 0) return [];
    const units = Math.max(0, Math.min(uncappedUnits, data.rule.maxUnitsPerDay - day.units));
    const { rule, at, ...rest } = data;
    return [{ type: 'UnitsComputed', data: { ...rest, code: rule.code, uncappedUnits, units, computedAt: at } }];
  },
  evolve: (day, { data }) => ({ units: day.units + data.units, unitsBySession: { ...day.unitsBySession, [data.sessionId]: data.units } }),
};
