import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { ConfigureSiteDto, SiteConfiguredDto } from './configure-site.dto';

export class ConfigureSite extends Command<SiteConfiguredDto> {
  constructor(
    readonly siteId: SiteId,
    readonly configuration: ConfigureSiteDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
