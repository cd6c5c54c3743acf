import type { OutcomePolicySet, SiteEvent } from '@alongside/outcomes/contracts';
import type { Decider } from '@alongside/platform/event-sourcing';

/** The site's outcome policy as last set: a new setting records only what changed. */
export type SitePolicyState = Readonly<{ current: OutcomePolicySet['data'] | null }>;

export type SetOutcomePolicy = Readonly<{ type: 'SetOutcomePolicy'; data: OutcomePolicySet['data'] }>;

const same = (a: OutcomePolicySet['data'], b: OutcomePolicySet['data']) =>
  a.lapseRestartsSobriety === b.lapseRestartsSobriety &&
  a.timeZone === b.timeZone &&
  a.milestoneDays.length === b.milestoneDays.length &&
  a.milestoneDays.every((d, i) => d === b.milestoneDays[i]);

export const sitePolicyDecider: Decider<SetOutcomePolicy, SiteEvent, SitePolicyState> = {
  initialState: () => ({ current: null }),
  decide: (command, state) => {
    const milestoneDays = [...new Set(command.data.milestoneDays)].sort((a, b) => a - b);
    const next = { ...command.data, milestoneDays };
    if (state.current && same(state.current, next)) return [];
    return [{ type: 'OutcomePolicySet', data: next }];
  },
  evolve: (_state, event) => ({ current: event.data }),
};
