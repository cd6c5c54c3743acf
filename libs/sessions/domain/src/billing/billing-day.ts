import type { Decider } from '@alongside/platform/event-sourcing';
import type { BillingEvent } from '@alongside/sessions/contracts';
import { unitsForMinutes, type PayerRule } from './payer-rules';

/** What one session was billed on the day, and the revision of its attendance entry that said so (0: as recorded). */
export type SessionUnits = Readonly<{ units: number; revision: number }>;

/** One participant's units for one code on one service day. */
export type BillingDay = Readonly<{ units: number; bySession: Readonly<Record<string, SessionUnits>> }>;

type Attendance = { participantId: string; sessionId: string; groupId: string; serviceDate: string; minutes: number; rule: PayerRule; payerRulesRef: string; at: string };

export type ComputeUnits = Readonly<{ type: 'ComputeUnits'; data: Attendance }>;
/** Bill again after the attendance entry was corrected: `revision` as in AttendanceCorrected. */
export type CorrectUnits = Readonly<{ type: 'CorrectUnits'; data: Attendance & { revision: number } }>;
export type BillingCommand = ComputeUnits | CorrectUnits;

const compute = ({ data }: ComputeUnits, day: BillingDay): BillingEvent[] => {
  // Already billed, or already corrected by a correction billed before its original: that stands.
  if (data.sessionId in day.bySession) return [];
  const uncappedUnits = unitsForMinutes(data.minutes, data.rule);
  if (uncappedUnits === 0) return [];
  const units = Math.max(0, Math.min(uncappedUnits, data.rule.maxUnitsPerDay - day.units));
  const { rule, at, ...rest } = data;
  return [{ type: 'UnitsComputed', data: { ...rest, code: rule.code, uncappedUnits, units, computedAt: at } }];
};

const correct = ({ data }: CorrectUnits, day: BillingDay): BillingEvent[] => {
  const billed = day.bySession[data.sessionId] ?? { units: 0, revision: 0 };
  // An older correction arriving after a newer one (a replay, a slower writer) changes nothing.
  if (data.revision <= billed.revision) return [];
  const uncappedUnits = unitsForMinutes(data.minutes, data.rule);
  const units = Math.max(0, Math.min(uncappedUnits, data.rule.maxUnitsPerDay - (day.units - billed.units)));
  const { rule, at, ...rest } = data;
  return [{ type: 'UnitsCorrected', data: { ...rest, code: rule.code, previousUnits: billed.units, uncappedUnits, units, correctedAt: at } }];
};

/**
 * Units of one attendance, capped so that the day never passes the payer's maximum. Computing the
 * same session twice records nothing: the first computation stands, until a correction replaces it.
 */
export const billingDayDecider: Decider<BillingCommand, BillingEvent, BillingDay> = {
  initialState: () => ({ units: 0, bySession: {} }),
  decide: (command, day) => (command.type === 'ComputeUnits' ? compute(command, day) : correct(command, day)),
  evolve: (day, event) => {
    const before = day.bySession[event.data.sessionId]?.units ?? 0;
    const revision = event.type === 'UnitsCorrected' ? event.data.revision : 0;
    return { units: day.units - before + event.data.units, bySession: { ...day.bySession, [event.data.sessionId]: { units: event.data.units, revision } } };
  },
};
