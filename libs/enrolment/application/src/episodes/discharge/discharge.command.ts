import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { DischargeDto, DischargedDto } from './discharge.dto';

export class DischargeParticipant extends Command<DischargedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly episodeId: string,
    readonly discharge: DischargeDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
