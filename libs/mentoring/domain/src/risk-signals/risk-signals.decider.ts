import type { Decider } from '@alongside/platform/event-sourcing';

/**
 * Risk signals from a participant's own check-ins (heard from outcomes). A signal is a flag on the
 * mentor's caseload, a nudge to reach out: never an escalation to a clinician, which stays a
 * person's decision. The participant is shown the same words. Time arrives in the command.
 */
export type RiskSignalReason = 'craving-high-three-days' | 'used-today' | 'quiet-week-after-daily';

export const HIGH_CRAVING = 7;
export const DAILY_RUN_DAYS = 3;
export const QUIET_DAYS = 7;

export type NoteCheckIn = Readonly<{
  type: 'NoteCheckIn';
  data: { participantId: string; checkInId: string; checkedInOn: string; craving: number; usedToday: 'yes' | 'no' | 'rather-not-say'; heardAt: string };
}>;

/** Run by a sweep: `today` is the site's calendar day now, so tests choose it. */
export type LookForQuietWeek = Readonly<{ type: 'LookForQuietWeek'; data: { participantId: string; today: string; at: string } }>;

/** The participant pressed "ask my mentor to get in touch" (heard from outcomes). */
export type NoteContactRequest = Readonly<{ type: 'NoteContactRequest'; data: { participantId: string; requestId: string; requestedAt: string } }>;

export type RiskSignalCommand = NoteCheckIn | LookForQuietWeek | NoteContactRequest;

export type CheckInNoted = Readonly<{
  type: 'CheckInNoted';
  data: { participantId: string; checkInId: string; checkedInOn: string; craving: number; usedToday: 'yes' | 'no' | 'rather-not-say' };
}>;

export type RiskSignalRaised = Readonly<{
  type: 'RiskSignalRaised';
  data: { participantId: string; reason: RiskSignalReason; onDay: string; raisedAt: string; explanation: string };
}>;

export type ContactRequestNoted = Readonly<{
  type: 'ContactRequestNoted';
  data: { participantId: string; requestId: string; requestedAt: string };
}>;

export type RiskSignalEvent = CheckInNoted | RiskSignalRaised | ContactRequestNoted;

type Day = { craving: number; used: boolean };

export type RiskSignals = Readonly<{
  checkIns: ReadonlySet<string>;
  requests: ReadonlySet<string>;
  /** Per site-calendar day: the highest craving and whether use was reported. */
  days: Readonly<Record<string, Day>>;
  /** `<reason>@<day>` of signals raised, so each is raised once. */
  raised: ReadonlySet<string>;
}>;

export const initialRiskSignals = (): RiskSignals => ({ checkIns: new Set(), requests: new Set(), days: {}, raised: new Set() });

const DAY_MS = 86_400_000;
const shift = (day: string, by: number) => new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
const between = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const EXPLANATIONS: Readonly<Record<RiskSignalReason, string>> = {
  'craving-high-three-days': 'Craving was 7 or more on three days in a row. A call or a message from you may help.',
  'used-today': 'They said they used today. Reach out kindly; this is their own report, not a recorded lapse.',
  'quiet-week-after-daily': 'A week without a check-in, after checking in daily. A friendly hello may help.',
};

const signal = (participantId: string, reason: RiskSignalReason, onDay: string, raisedAt: string): RiskSignalRaised => ({
  type: 'RiskSignalRaised',
  data: { participantId, reason, onDay, raisedAt, explanation: EXPLANATIONS[reason] },
});

/** The run of consecutive days with a check-in ending on `day` (that day included). */
const runEndingOn = (days: RiskSignals['days'], day: string, keep: (d: Day) => boolean = () => true): number => {
  let length = 0;
  while (days[shift(day, -length)] && keep(days[shift(day, -length)])) length++;
  return length;
};

export const decideRiskSignals = (command: RiskSignalCommand, state: RiskSignals): RiskSignalEvent[] => {
  switch (command.type) {
    case 'NoteCheckIn': {
      const { heardAt, ...data } = command.data;
      if (state.checkIns.has(data.checkInId)) return [];
      const noted: CheckInNoted = { type: 'CheckInNoted', data };
      const after = evolveRiskSignals(state, noted);
      const events: RiskSignalEvent[] = [noted];
      const day = data.checkedInOn;
      if (data.usedToday === 'yes' && !state.raised.has(`used-today@${day}`)) events.push(signal(data.participantId, 'used-today', day, heardAt));
      // Once per run: the run's first day names it, so day four of the same run raises nothing new.
      const high = runEndingOn(after.days, day, (d) => d.craving >= HIGH_CRAVING);
      if (high >= 3) {
        const runStart = shift(day, -(high - 1));
        if (![...state.raised].some((key) => key.startsWith('craving-high-three-days@') && between(runStart, key.slice(key.indexOf('@') + 1)) >= 0)) {
          events.push(signal(data.participantId, 'craving-high-three-days', day, heardAt));
        }
      }
      return events;
    }
    case 'NoteContactRequest':
      return state.requests.has(command.data.requestId) ? [] : [{ type: 'ContactRequestNoted', data: command.data }];
    case 'LookForQuietWeek': {
      const { participantId, today, at } = command.data;
      const last = Object.keys(state.days).sort().at(-1);
      if (!last || between(last, today) < QUIET_DAYS) return [];
      if (runEndingOn(state.days, last) < DAILY_RUN_DAYS) return [];
      if (state.raised.has(`quiet-week-after-daily@${last}`)) return [];
      return [signal(participantId, 'quiet-week-after-daily', last, at)];
    }
  }
};

export const evolveRiskSignals = (state: RiskSignals, event: RiskSignalEvent): RiskSignals => {
  switch (event.type) {
    case 'CheckInNoted': {
      const { checkedInOn, craving, usedToday, checkInId } = event.data;
      const before = state.days[checkedInOn];
      const day = { craving: Math.max(before?.craving ?? 0, craving), used: (before?.used ?? false) || usedToday === 'yes' };
      return { ...state, checkIns: new Set([...state.checkIns, checkInId]), days: { ...state.days, [checkedInOn]: day } };
    }
    case 'ContactRequestNoted':
      return { ...state, requests: new Set([...state.requests, event.data.requestId]) };
    case 'RiskSignalRaised': {
      // A quiet-week signal is keyed by the last check-in's day; the others by the day they saw.
      return { ...state, raised: new Set([...state.raised, `${event.data.reason}@${event.data.onDay}`]) };
    }
  }
};

export const riskSignalsDecider: Decider<RiskSignalCommand, RiskSignalEvent, RiskSignals> = {
  decide: decideRiskSignals,
  evolve: evolveRiskSignals,
  initialState: initialRiskSignals,
};
