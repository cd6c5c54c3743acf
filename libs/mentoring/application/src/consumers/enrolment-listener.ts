import { Injectable } from '@nestjs/common';
import type { Event } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import type { ConsentEnded, ConsentGranted, ConsentRevoked, Discharged, SiteConfigured } from '@alongside/enrolment/contracts';
import { heardEventContext } from '@alongside/platform/service-runtime';
import {
  matchDecider,
  matchStream,
  participantDecider,
  participantStream,
  programmeDecider,
  programmeStream,
} from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';

/** The enrolment events mentoring hears; everything else on the topic is passed over. */
export const HEARD_FROM_ENROLMENT = ['SiteConfigured', 'ConsentGranted', 'ConsentRevoked', 'ConsentEnded', 'Discharged'] as const;

const forPeerSupport = (data: { purpose: string; recipient: { kind: string } }) =>
  data.purpose === 'peer-support' || data.recipient.kind === 'peer-support';

/**
 * A dated consent runs up to and including its day in the site's time zone. Mentoring does not
 * yet hear the site's zone, so it ends the consent at the last instant of that day anywhere on
 * earth would be generous; it takes the end of the day in UTC instead (see report).
 */
const expiryOf = (expiry: ConsentGranted['data']['expiry']): string | null =>
  expiry.kind === 'date' ? `${expiry.on}T23:59:59.999Z` : null;

/**
 * Records what enrolment decided as mentoring's own facts (DESIGN §3.5), with ids derived from the
 * incoming event so that a redelivery appends nothing, and reacts: a revoked or ended consent ends
 * the participant's open matches; a discharge moves an active match into aftercare.
 */
@Injectable()
export class EnrolmentListener {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_ENROLMENT)[number], EventHandler>> = {
    ConsentGranted: (event) => this.consentGranted(event as ConsumedEvent<ConsentGranted>),
    ConsentRevoked: (event) => this.consentWithdrawn(event as ConsumedEvent<ConsentRevoked>, (event.data as ConsentRevoked['data']).revokedAt),
    ConsentEnded: (event) => this.consentWithdrawn(event as ConsumedEvent<ConsentEnded>, event.metadata.occurredAt),
    Discharged: (event) => this.discharged(event as ConsumedEvent<Discharged>),
    SiteConfigured: (event) => this.siteConfigured(event as ConsumedEvent<SiteConfigured>),
  };

  private contextOf(event: ConsumedEvent<Event>, what: string): CommandContext {
    return heardEventContext(event, 'mentoring-enrolment-listener', what);
  }

  /** The site's aftercare follow-up schedule becomes its check-in days (DESIGN §5: a discharge moves a match into aftercare). */
  private async siteConfigured(event: ConsumedEvent<SiteConfigured>): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event, 'site-configured');
    await this.log.handle(
      programmeStream(context.siteId),
      programmeDecider,
      {
        type: 'RecordSiteFollowUpSchedule',
        data: { daysAfterDischarge: data.followUpSchedule.daysAfterDischarge, revision: data.revision, sourceEventId: event.id, configuredAt: data.configuredAt },
      },
      context,
    );
  }

  private async consentGranted(event: ConsumedEvent<ConsentGranted>): Promise<void> {
    const { data } = event;
    if (!forPeerSupport(data)) return;
    const context = this.contextOf(event, 'consent');
    await this.log.handle(
      participantStream(context.siteId, data.participantId),
      participantDecider,
      {
        type: 'RecordPeerContactConsent',
        data: { participantId: data.participantId, consentId: data.consentId, grantedAt: data.grantedAt, expiresAt: expiryOf(data.expiry), sourceEventId: event.id },
      },
      context,
    );
  }

  private async consentWithdrawn(event: ConsumedEvent<ConsentRevoked | ConsentEnded>, revokedAt: string): Promise<void> {
    const { data } = event;
    if (!forPeerSupport(data)) return;
    const context = this.contextOf(event, 'consent');
    const recorded = await this.log.handle(
      participantStream(context.siteId, data.participantId),
      participantDecider,
      { type: 'RecordPeerContactConsentRevoked', data: { participantId: data.participantId, consentId: data.consentId, revokedAt, sourceEventId: event.id } },
      context,
    );
    // Without consent there is no peer contact: the relationship ends, whatever stage it is at.
    const state = recorded.state;
    const stillConsented = state.consents.some((c) => c.revokedAt === null && (c.expiresAt === null || Date.parse(c.expiresAt) > Date.parse(revokedAt)));
    if (stillConsented) return;
    for (const { matchId } of await this.views.openMatchesOfParticipant(context.siteId, data.participantId)) {
      const endContext = this.contextOf(event, `end/${matchId}`);
      const match = await this.log.load(matchStream(context.siteId, matchId), matchDecider);
      if (match.status === 'none' || match.status === 'ended') continue;
      await this.log.handle(matchStream(context.siteId, matchId), matchDecider, { type: 'EndMatch', data: { reason: 'consent-revoked', at: revokedAt } }, endContext);
    }
  }

  private async discharged(event: ConsumedEvent<Discharged>): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event, 'discharge');
    await this.log.handle(
      participantStream(context.siteId, data.participantId),
      participantDecider,
      { type: 'RecordDischarge', data: { participantId: data.participantId, dischargedAt: data.dischargedAt, reason: data.reason, sourceEventId: event.id } },
      context,
    );
    const { policy } = await this.log.load(programmeStream(context.siteId), programmeDecider);
    for (const { matchId } of await this.views.openMatchesOfParticipant(context.siteId, data.participantId)) {
      await this.log.handle(
        matchStream(context.siteId, matchId),
        matchDecider,
        { type: 'StartAftercare', data: { dischargedAt: data.dischargedAt, policy, at: event.metadata.occurredAt } },
        this.contextOf(event, `aftercare/${matchId}`),
      );
    }
  }
}
