import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { ConsentGrantedDto, GrantConsentDto } from './grant-consent.dto';

export class GrantConsent extends Command<ConsentGrantedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly consent: GrantConsentDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
