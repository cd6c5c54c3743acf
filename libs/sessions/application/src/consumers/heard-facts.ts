import { Injectable } from '@nestjs/common';
import type { Event } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import type { SiteConfigured } from '@alongside/enrolment/contracts';
import type { CertificationExpired, CertificationGranted, CertificationRenewed } from '@alongside/mentoring/contracts';
import { facilitatorDecider, facilitatorStream, siteSettingsDecider, siteStream } from '@alongside/sessions/domain';
import { heardEventContext } from '@alongside/platform/service-runtime';
import { SessionsLog } from '../shared/sessions-log';

/** The enrolment events sessions hears. */
export const HEARD_FROM_ENROLMENT = ['SiteConfigured'] as const;
/** The mentoring events sessions hears: a peer facilitator's certification. */
export const HEARD_FROM_MENTORING = ['CertificationGranted', 'CertificationRenewed', 'CertificationExpired'] as const;

/**
 * Records what other services decided as sessions' own facts (DESIGN §3.5), with ids derived from
 * the incoming event so that a redelivery appends nothing: the site's time zone and payer rules
 * from enrolment, peer certifications from mentoring.
 */
@Injectable()
export class HeardFacts {
  constructor(private readonly log: SessionsLog) {}

  readonly fromEnrolment: Readonly<Record<(typeof HEARD_FROM_ENROLMENT)[number], EventHandler>> = {
    SiteConfigured: (event) => this.siteConfigured(event as ConsumedEvent<SiteConfigured>),
  };

  readonly fromMentoring: Readonly<Record<(typeof HEARD_FROM_MENTORING)[number], EventHandler>> = {
    CertificationGranted: (event) => {
      const { data } = event as ConsumedEvent<CertificationGranted>;
      return this.certification(event, { ...data, validFrom: data.grantedAt });
    },
    CertificationRenewed: (event) => {
      const { data } = event as ConsumedEvent<CertificationRenewed>;
      return this.certification(event, { ...data, validFrom: data.renewedAt });
    },
    CertificationExpired: (event) => this.expired(event as ConsumedEvent<CertificationExpired>),
  };

  private contextOf(event: ConsumedEvent<Event>, what: string): CommandContext {
    return heardEventContext(event, 'sessions-listener', what);
  }

  private async siteConfigured(event: ConsumedEvent<SiteConfigured>): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event, 'site');
    await this.log.handle(
      siteStream(context.siteId),
      siteSettingsDecider,
      { type: 'RecordSiteSettings', data: { siteId: data.siteId, timeZone: data.timeZone, payerRulesRef: data.payerRulesRef, revision: data.revision, sourceEventId: event.id } },
      context,
      3,
    );
  }

  private async certification(event: ConsumedEvent, data: { mentorId: string; certificationId: string; credential: string; validFrom: string; expiresAt: string }): Promise<void> {
    const context = this.contextOf(event, 'certification');
    const { mentorId, certificationId, credential, validFrom, expiresAt } = data;
    await this.log.handle(
      facilitatorStream(context.siteId, mentorId),
      facilitatorDecider,
      { type: 'RecordPeerCertification', data: { mentorId, certificationId, credential, validFrom, expiresAt, sourceEventId: event.id } },
      context,
      3,
    );
  }

  private async expired(event: ConsumedEvent<CertificationExpired>): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event, 'certification');
    await this.log.handle(
      facilitatorStream(context.siteId, data.mentorId),
      facilitatorDecider,
      { type: 'RecordPeerCertificationExpired', data: { mentorId: data.mentorId, certificationId: data.certificationId, expiredAt: data.expiredAt, sourceEventId: event.id } },
      context,
      3,
    );
  }
}
