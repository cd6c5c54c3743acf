import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ParticipantRecordCommand, SitePolicy } from '@alongside/outcomes/domain';
import { siteId as toSiteId, type Actor } from '@alongside/platform/event-sourcing';
import { commandContext, type CommandOrigin } from '@alongside/platform/service-runtime';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { SitePolicies, siteToday } from '../shared/site-policies';
import { ChangeParticipantRecord, type ParticipantRecordChanged } from './change-participant-record.command';

type Clocked = { now: string; today: string };

/**
 * What every clinician route does before its command: read the clock and the site's policy, give
 * the decider `now` and the site's `today`, and dispatch. Controllers stay free of plumbing.
 */
@Injectable()
export class ParticipantRecordGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly policies: SitePolicies,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  async change(
    site: string,
    origin: CommandOrigin,
    actor: Actor,
    build: (clock: Clocked, policy: SitePolicy) => ParticipantRecordCommand,
  ): Promise<ParticipantRecordChanged> {
    const siteId = toSiteId(site);
    const now = this.clock();
    const policy = await this.policies.of(siteId);
    const command = build({ now: now.toISOString(), today: siteToday(now, policy.timeZone) }, policy);
    return this.commands.execute(new ChangeParticipantRecord(command, commandContext(origin, siteId, actor, now)));
  }
}
