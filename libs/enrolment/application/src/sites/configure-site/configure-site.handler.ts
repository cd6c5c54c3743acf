import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import { siteDecider, siteStream } from '@alongside/enrolment/domain';
import { EVENT_STORE, handleCommand, type EventStore } from '@alongside/platform/event-store';
import { commandContext } from '../../shared/command-origin';
import { referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../site-calendar';
import { ConfigureSite } from './configure-site.command';
import type { SiteConfiguredDto } from './configure-site.dto';

@CommandHandler(ConfigureSite)
export class ConfigureSiteHandler implements ICommandHandler<ConfigureSite> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, configuration, origin }: ConfigureSite): Promise<SiteConfiguredDto> {
    const { now, clock } = this.calendar.utcNow();
    const { state } = await handleCommand(
      this.store,
      siteStream(siteId),
      siteDecider,
      { type: 'ConfigureSite', data: { ...configuration, siteId, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
      { schemaVersions: enrolmentUpcasterRegistry },
    );
    return { siteId, revision: state.revision };
  }
}
