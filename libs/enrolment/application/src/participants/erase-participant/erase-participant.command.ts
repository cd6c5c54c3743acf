import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { ParticipantErasedDto } from './erase-participant.dto';

export class EraseParticipant extends Command<ParticipantErasedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
