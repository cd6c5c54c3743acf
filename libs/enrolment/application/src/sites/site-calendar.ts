import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, aggregateStream, type EventStore } from '@alongside/platform/event-store';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { siteDecider, siteStream, SiteNotConfigured, type Now, type Site, type SiteTerms } from '@alongside/enrolment/domain';
import { DateTime } from 'luxon';
import { ENROLMENT_CLOCK, type Clock } from '../shared/clock';

export type SiteMoment = Readonly<{ site: Site; terms: SiteTerms; now: Now; clock: Date }>;

/**
 * "Now" at a site, and what a decision needs to know about the site, read from the site's own
 * stream (the source of truth, not a read model that may lag behind a reconfiguration).
 */
@Injectable()
export class SiteCalendar {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ENROLMENT_CLOCK) private readonly clock: Clock,
  ) {}

  async site(siteId: SiteId): Promise<Site> {
    return (await aggregateStream(this.store, siteStream(siteId), siteDecider)).state;
  }

  /** For decisions at a configured site: today is the day it is in the site's time zone. */
  async at(siteId: SiteId): Promise<SiteMoment & { site: Extract<Site, { status: 'configured' }> }> {
    const site = await this.site(siteId);
    if (site.status !== 'configured') throw new SiteNotConfigured();
    const clock = this.clock();
    return { site, terms: { programmes: site.programmes }, now: nowIn(clock, site.timeZone), clock };
  }

  /** The instant only, for decisions that need no calendar (a platform admin's configuration). */
  utcNow(): { now: Now; clock: Date } {
    const clock = this.clock();
    return { now: nowIn(clock, 'UTC'), clock };
  }
}

export const nowIn = (clock: Date, timeZone: string): Now => ({
  at: clock.toISOString(),
  today: DateTime.fromJSDate(clock, { zone: timeZone }).toISODate() as string,
});
