import { PROGRAMMES, type SiteConfigured } from '@alongside/enrolment/contracts';
import type { Decider } from '@alongside/platform/event-sourcing';
import { ReferenceCodes } from '../reference/reference-codes';
import type { SiteCommand } from './site.commands';
import { DaysNotAscending, NoProgrammeOffered, SiteNameMissing, UnknownTimeZone } from './site.errors';
import { isIanaTimeZone } from './time-zone';

export type SiteEvent = SiteConfigured;

export type Site = Readonly<
  { status: 'unconfigured'; revision: 0 } | ({ status: 'configured' } & SiteConfigured['data'])
>;

export const initialSite = (): Site => ({ status: 'unconfigured', revision: 0 });

const strictlyAscendingDays = (days: readonly number[]): boolean =>
  days.every((day, i) => Number.isInteger(day) && day > 0 && (i === 0 || day > days[i - 1]));

/** The part of a configuration that matters: a reconfiguration that changes none of it is a no-op. */
const sameConfiguration = (site: Site, data: SiteConfigured['data']): boolean =>
  site.status === 'configured' &&
  JSON.stringify([site.name, site.timeZone, site.programmes, site.milestonePolicy, site.followUpSchedule, site.payerRulesRef, site.referenceDataVersion]) ===
    JSON.stringify([data.name, data.timeZone, data.programmes, data.milestonePolicy, data.followUpSchedule, data.payerRulesRef, data.referenceDataVersion]);

export const decideSite = (command: SiteCommand, site: Site): SiteEvent[] => {
  const { data } = command;
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  if (data.name.trim().length === 0) throw new SiteNameMissing();
  if (!isIanaTimeZone(data.timeZone)) throw new UnknownTimeZone(data.timeZone);
  if (data.programmes.length === 0) throw new NoProgrammeOffered();
  // Offered programmes are kept in reference-data order, so the same set is the same configuration.
  const offered = new Set(data.programmes.map((code) => codes.programme(code)));
  const programmes = PROGRAMMES.filter((programme) => offered.has(programme));
  if (!strictlyAscendingDays(data.milestonePolicy.milestoneDays)) throw new DaysNotAscending('sobriety milestones');
  if (!strictlyAscendingDays(data.followUpSchedule.daysAfterDischarge)) throw new DaysNotAscending('follow-up days after discharge');
  const configured: SiteConfigured['data'] = {
    siteId: data.siteId,
    name: data.name.trim(),
    timeZone: data.timeZone,
    programmes,
    milestonePolicy: {
      milestoneDays: [...data.milestonePolicy.milestoneDays],
      lapseRestartsCount: data.milestonePolicy.lapseRestartsCount,
    },
    followUpSchedule: { daysAfterDischarge: [...data.followUpSchedule.daysAfterDischarge] },
    payerRulesRef: data.payerRulesRef,
    revision: site.revision + 1,
    configuredAt: data.now.at,
    referenceDataVersion: codes.version,
  };
  if (sameConfiguration(site, configured)) return [];
  return [{ type: 'SiteConfigured', data: configured }];
};

export const evolveSite = (_site: Site, event: SiteEvent): Site => ({ status: 'configured', ...event.data });

export const siteDecider: Decider<SiteCommand, SiteEvent, Site> = {
  decide: decideSite,
  evolve: evolveSite,
  initialState: initialSite,
};
