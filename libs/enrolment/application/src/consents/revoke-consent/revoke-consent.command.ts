import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { ConsentRevokedDto } from './revoke-consent.dto';

export class RevokeConsent extends Command<ConsentRevokedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly consentId: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
