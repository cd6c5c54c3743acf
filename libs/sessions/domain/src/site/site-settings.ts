import type { Decider } from '@alongside/platform/event-sourcing';
import type { SiteEvent } from '@alongside/sessions/contracts';

/** The site's settings as sessions heard them from enrolment; null until the first SiteConfigured. */
export type SiteSettings = Readonly<{ timeZone: string; payerRulesRef: string; revision: number } | null>;

export type SiteCommand = { type: 'RecordSiteSettings'; data: { siteId: string; timeZone: string; payerRulesRef: string; revision: number; sourceEventId: string } };

export const siteSettingsDecider: Decider<SiteCommand, SiteEvent, SiteSettings> = {
  initialState: () => null,
  // An older revision arriving late (another partition, a replay) never overwrites a newer one.
  decide: ({ data }, settings) => (settings !== null && settings.revision >= data.revision ? [] : [{ type: 'SiteSettingsRecorded', data }]),
  evolve: (_, { data }) => ({ timeZone: data.timeZone, payerRulesRef: data.payerRulesRef, revision: data.revision }),
};
