import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import type { SiteConfigured } from '@alongside/enrolment/contracts';
import { UnknownCode, UnknownReferenceDataVersion } from '../reference/reference.errors';
import type { ConfigureSite } from './site.commands';
import { siteDecider } from './site.decider';
import { DaysNotAscending, NoProgrammeOffered, SiteNameMissing, UnknownTimeZone } from './site.errors';

const given = DeciderSpecification.for(siteDecider);

const configure = (data: Partial<ConfigureSite['data']> = {}): ConfigureSite => ({
  type: 'ConfigureSite',
  data: {
    siteId: 'north',
    name: 'North Recovery Centre',
    timeZone: 'America/Chicago',
    programmes: ['residential', 'outpatient'],
    milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
    followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
    payerRulesRef: 'medicaid-peer-support@1',
    now: { at: '2025-01-06T15:00:00.000Z', today: '2025-01-06' },
    referenceDataVersion: 1,
    ...data,
  },
});

const configured = (data: Partial<SiteConfigured['data']> = {}): SiteConfigured => ({
  type: 'SiteConfigured',
  data: {
    siteId: 'north',
    name: 'North Recovery Centre',
    timeZone: 'America/Chicago',
    programmes: ['outpatient', 'residential'],
    milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
    followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
    payerRulesRef: 'medicaid-peer-support@1',
    revision: 1,
    configuredAt: '2025-01-06T15:00:00.000Z',
    referenceDataVersion: 1,
    ...data,
  },
});

describe('Site configuration', () => {
  describe('when the site is new', () => {
    it('is configured at revision 1, programmes in reference-data order, under the reference-data version', () =>
      given([]).when(configure()).then([configured()]));

    it('lists a programme given twice once', () =>
      given([]).when(configure({ programmes: ['outpatient', 'residential', 'outpatient'] })).then([configured()]));

    it('refuses a time zone that is not an IANA zone', () =>
      given([]).when(configure({ timeZone: 'Mars/Olympus_Mons' })).thenThrows(UnknownTimeZone));

    it('refuses a site without programmes', () =>
      given([]).when(configure({ programmes: [] })).thenThrows(NoProgrammeOffered));

    it('refuses a programme the reference data does not know', () =>
      given([]).when(configure({ programmes: ['detox-spa'] })).thenThrows(UnknownCode));

    it('refuses milestones that are not ascending whole days', () => {
      given([]).when(configure({ milestonePolicy: { milestoneDays: [60, 30], lapseRestartsCount: false } })).thenThrows(DaysNotAscending);
      given([]).when(configure({ milestonePolicy: { milestoneDays: [0, 30], lapseRestartsCount: false } })).thenThrows(DaysNotAscending);
      given([]).when(configure({ milestonePolicy: { milestoneDays: [30.5], lapseRestartsCount: false } })).thenThrows(DaysNotAscending);
    });

    it('refuses a follow-up schedule that is not ascending', () =>
      given([]).when(configure({ followUpSchedule: { daysAfterDischarge: [7, 7] } })).thenThrows(DaysNotAscending));

    it('refuses a site without a name', () => given([]).when(configure({ name: '  ' })).thenThrows(SiteNameMissing));

    it('refuses a reference-data version that does not exist', () =>
      given([]).when(configure({ referenceDataVersion: 9 })).thenThrows(UnknownReferenceDataVersion));
  });

  describe('when the site is configured', () => {
    it('takes a new revision with the whole new configuration', () =>
      given([configured()])
        .when(configure({ timeZone: 'America/Denver', now: { at: '2025-02-01T09:00:00.000Z', today: '2025-02-01' } }))
        .then([configured({ timeZone: 'America/Denver', revision: 2, configuredAt: '2025-02-01T09:00:00.000Z' })]));

    it('records nothing when nothing changed (a repeated configuration is harmless)', () =>
      given([configured()]).when(configure({ now: { at: '2025-02-01T09:00:00.000Z', today: '2025-02-01' } })).then([]));

    it('takes the lapse policy into account', () =>
      given([configured()])
        .when(configure({ milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: true } }))
        .then([configured({ milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: true }, revision: 2 })]));
  });
});
